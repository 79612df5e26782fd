//! Budget amounts: whole hundredths of a currency unit, never floating point, so totals add up
//! to the cent. Every currency is kept with two decimal places (a yen budget reads "JPY 1,200.00").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::thousands;
use crate::Invalid;

/// The largest budget one initiative can hold: far above any community budget, low enough that
/// totals of thousands of initiatives never overflow.
pub const MAX_BUDGET_MINOR: i64 = 100_000_000_000_000;

/// An amount in hundredths of a currency unit, with its ISO 4217 code (such as EUR).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Money {
    /// Hundredths of the unit: 1250050 is 12,500.50.
    #[ts(type = "number")]
    pub minor: i64,
    pub currency: String,
}

impl Money {
    /// "EUR 12,500.50", or "EUR 12,500" for a whole amount.
    pub fn display(&self) -> String {
        format!("{} {}", self.currency, amount_text(self.minor))
    }

    /// "EUR 12.5k": for charts and tight table cells.
    pub fn short(&self) -> String {
        let units = self.minor as f64 / 100.0;
        let text = if units.abs() >= 1_000_000.0 {
            format!("{:.1}m", units / 1_000_000.0)
        } else if units.abs() >= 100_000.0 {
            format!("{:.0}k", units / 1_000.0)
        } else if units.abs() >= 1_000.0 {
            format!("{:.1}k", units / 1_000.0)
        } else {
            format!("{units:.0}")
        };
        format!(
            "{} {}",
            self.currency,
            text.replace(".0k", "k").replace(".0m", "m")
        )
    }
}

/// 1250050 -> "12,500.50"; 1250000 -> "12,500".
pub fn amount_text(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let whole = thousands(usize::try_from(abs / 100).unwrap_or(usize::MAX));
    let cents = abs % 100;
    if cents == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{cents:02}")
    }
}

/// The text a form shows for an amount: "12500.50", no grouping.
pub fn amount_input(minor: i64) -> String {
    amount_text(minor).replace(',', "")
}

/// Reads a typed amount ("12500", "12,500.50", "12 500") into hundredths. Empty is no budget.
pub fn parse_amount(field: &str, text: &str) -> Result<Option<i64>, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let unreadable = || {
        Invalid::field(
            field,
            format!("“{t}” is not an amount Groundwork can read. Type digits with at most two decimals, such as 12500 or 12,500.50."),
        )
    };
    if t.starts_with('-') || t.starts_with('−') {
        return Err(Invalid::field(
            field,
            "A budget cannot be negative. Type the amount to spend, such as 12500, or leave it empty.",
        ));
    }
    let cleaned: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}' | '_' | '\''))
        .collect();
    let (whole, fraction) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    if whole.is_empty() && fraction.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err(unreadable());
    }
    if fraction.len() > 2 {
        return Err(Invalid::field(
            field,
            format!("“{t}” has more than two decimals. Round it to the cent."),
        ));
    }
    let too_large = || {
        Invalid::field(
            field,
            format!(
                "“{t}” is larger than a budget Groundwork holds ({}). Check the number of digits.",
                amount_text(MAX_BUDGET_MINOR)
            ),
        )
    };
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| too_large())?
    };
    let cents: i64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| unreadable())?;
    let minor = whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(cents))
        .filter(|m| *m <= MAX_BUDGET_MINOR)
        .ok_or_else(too_large)?;
    Ok(Some(minor))
}

/// Reads a currency code: three letters, kept in capitals.
pub fn parse_currency(field: &str, text: &str) -> Result<String, Invalid> {
    let t = text.trim().to_uppercase();
    if t.len() == 3 && t.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(t)
    } else if t.is_empty() {
        Err(Invalid::field(
            field,
            "The budget has no currency. Type its three-letter code, such as EUR, USD or GBP.",
        ))
    } else {
        Err(Invalid::field(
            field,
            format!(
                "“{}” is not a currency code. Type three letters, such as EUR, USD or GBP.",
                text.trim()
            ),
        ))
    }
}

/// Adds amounts up per currency, in currency order.
pub fn sum_by_currency<'a>(amounts: impl IntoIterator<Item = &'a Money>) -> Vec<Money> {
    let mut totals: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
    for m in amounts {
        let t = totals.entry(m.currency.clone()).or_insert(0);
        *t = t.saturating_add(m.minor);
    }
    totals
        .into_iter()
        .map(|(currency, minor)| Money { minor, currency })
        .collect()
}

/// "EUR 12,500 + USD 3,000", or "No budget".
pub fn totals_text(totals: &[Money]) -> String {
    if totals.is_empty() {
        "No budget".to_owned()
    } else {
        totals
            .iter()
            .map(Money::display)
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn amounts_read_with_grouping_and_two_decimals() {
        assert_eq!(parse_amount("b", "").unwrap(), None);
        assert_eq!(parse_amount("b", "12500").unwrap(), Some(1_250_000));
        assert_eq!(parse_amount("b", " 12,500.5 ").unwrap(), Some(1_250_050));
        assert_eq!(parse_amount("b", "12 500.05").unwrap(), Some(1_250_005));
        assert_eq!(parse_amount("b", ".5").unwrap(), Some(50));
        assert_eq!(parse_amount("b", "0").unwrap(), Some(0));
    }

    #[test]
    fn bad_amounts_are_refused_with_a_sentence() {
        let neg = parse_amount("budget", "-40").unwrap_err();
        assert!(
            neg.message.contains("cannot be negative"),
            "{}",
            neg.message
        );
        assert_eq!(neg.field.as_deref(), Some("budget"));
        assert!(parse_amount("b", "12.345")
            .unwrap_err()
            .message
            .contains("two decimals"));
        assert!(parse_amount("b", "twelve")
            .unwrap_err()
            .message
            .contains("“twelve”"));
        assert!(parse_amount("b", "1.2.3").is_err());
        assert!(parse_amount("b", "99999999999999999999999")
            .unwrap_err()
            .message
            .contains("larger"));
        assert!(parse_amount("b", "1e5").is_err());
    }

    #[test]
    fn currencies_are_three_letters() {
        assert_eq!(parse_currency("c", " eur ").unwrap(), "EUR");
        assert!(parse_currency("c", "")
            .unwrap_err()
            .message
            .contains("no currency"));
        assert!(parse_currency("c", "€").is_err());
        assert!(parse_currency("c", "EURO").is_err());
    }

    #[test]
    fn amounts_display_grouped() {
        assert_eq!(amount_text(1_250_050), "12,500.50");
        assert_eq!(amount_text(1_250_000), "12,500");
        assert_eq!(amount_text(5), "0.05");
        assert_eq!(amount_input(1_250_050), "12500.50");
        let m = Money {
            minor: 1_250_000,
            currency: "EUR".into(),
        };
        assert_eq!(m.display(), "EUR 12,500");
        assert_eq!(m.short(), "EUR 12.5k");
        assert_eq!(
            Money {
                minor: 250_000_000,
                currency: "USD".into()
            }
            .short(),
            "USD 2.5m"
        );
    }

    #[test]
    fn sums_keep_currencies_apart() {
        let a = Money {
            minor: 100,
            currency: "EUR".into(),
        };
        let b = Money {
            minor: 250,
            currency: "USD".into(),
        };
        let c = Money {
            minor: 5,
            currency: "EUR".into(),
        };
        let totals = sum_by_currency([&a, &b, &c]);
        assert_eq!(totals_text(&totals), "EUR 1.05 + USD 2.50");
        assert_eq!(totals_text(&[]), "No budget");
    }

    proptest! {
        #[test]
        fn an_amount_survives_its_own_text(minor in 0i64..MAX_BUDGET_MINOR) {
            prop_assert_eq!(parse_amount("b", &amount_text(minor)).unwrap(), Some(minor));
            prop_assert_eq!(parse_amount("b", &amount_input(minor)).unwrap(), Some(minor));
        }
    }
}
