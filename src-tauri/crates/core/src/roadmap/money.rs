//! Budget amounts: whole minor units of their currency as ISO 4217 counts them, never floating
//! point, so totals add up exactly. A yen budget is whole yen ("JPY 1,200"), a dinar of Bahrain
//! has three decimals ("BHD 12.500"), most currencies two ("EUR 12,500.50").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::goals::values::{normalise, strip_number, written_style, NumberStyle};
use crate::text::thousands;
use crate::Invalid;

/// Currencies whose ISO 4217 minor unit is the unit itself: no decimals.
pub const ZERO_DECIMAL_CURRENCIES: [&str; 17] = [
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
    "VUV", "XAF", "XOF", "XPF",
];

/// Currencies whose ISO 4217 minor unit is a thousandth: three decimals.
pub const THREE_DECIMAL_CURRENCIES: [&str; 7] = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

/// How many decimals `currency` has by ISO 4217: 0, 3, or 2 for every other code.
pub fn minor_digits(currency: &str) -> u32 {
    if ZERO_DECIMAL_CURRENCIES.contains(&currency) {
        0
    } else if THREE_DECIMAL_CURRENCIES.contains(&currency) {
        3
    } else {
        2
    }
}

/// Minor units in one unit of `currency`: 1, 100 or 1000.
fn per_unit(currency: &str) -> i64 {
    10_i64.pow(minor_digits(currency))
}

/// The largest budget one initiative can hold, in whole units of any currency: far above any
/// community budget, low enough that totals of thousands of initiatives never overflow even in
/// thousandths.
pub const MAX_BUDGET_UNITS: i64 = 1_000_000_000_000;

/// [`MAX_BUDGET_UNITS`] in minor units of `currency`.
pub fn max_budget_minor(currency: &str) -> i64 {
    MAX_BUDGET_UNITS.saturating_mul(per_unit(currency))
}

/// An amount in minor units of a currency, with its ISO 4217 code (such as EUR). Crosses to
/// the screens with its text worked out here, so the UI holds no currency rules.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(into = "MoneyShown")]
#[ts(as = "MoneyShown")]
pub struct Money {
    /// Minor units: for EUR 1250050 is 12,500.50, for JPY 1200 is 1,200, for BHD 12500 is 12.500.
    pub minor: i64,
    pub currency: String,
}

/// An amount as the screens receive it: the stored amount and how to show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase", rename = "Money")]
pub struct MoneyShown {
    /// Minor units of the currency, as ISO 4217 counts them.
    #[ts(type = "number")]
    pub minor: i64,
    pub currency: String,
    /// "EUR 12,500.50", "JPY 1,200", "BHD 12.500".
    pub text: String,
    /// "EUR 12.5k": for charts and tight table cells.
    pub short: String,
}

impl From<Money> for MoneyShown {
    fn from(m: Money) -> Self {
        Self {
            text: m.display(),
            short: m.short(),
            minor: m.minor,
            currency: m.currency,
        }
    }
}

impl Money {
    /// "EUR 12,500.50", or "EUR 12,500" for a whole amount; "JPY 1,200"; "BHD 12.500".
    pub fn display(&self) -> String {
        format!(
            "{} {}",
            self.currency,
            amount_text(self.minor, &self.currency)
        )
    }

    /// "EUR 12.5k": for charts and tight table cells.
    pub fn short(&self) -> String {
        // Whole units are exact in an f64 up to 2^53, far above any budget.
        let units = self.minor as f64 / per_unit(&self.currency) as f64;
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

/// The whole units and the fraction's digits of an amount, unsigned: (12500, "50").
fn split(minor: i64, currency: &str) -> (u64, String) {
    let digits = minor_digits(currency);
    let abs = minor.unsigned_abs();
    let per = 10_u64.pow(digits);
    let fraction = abs % per;
    let fraction = if fraction == 0 {
        String::new()
    } else {
        format!("{fraction:0width$}", width = digits as usize)
    };
    (abs / per, fraction)
}

/// 1250050 EUR -> "12,500.50"; 1250000 EUR -> "12,500"; 1200 JPY -> "1,200"; 12500 BHD ->
/// "12.500".
pub fn amount_text(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let (whole, fraction) = split(minor, currency);
    let whole = thousands(usize::try_from(whole).unwrap_or(usize::MAX));
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// The text a form shows for an amount: no grouping, the decimal mark of `style`: "12500.50"
/// or "12500,50"; "1200" for yen.
pub fn amount_input(minor: i64, currency: &str, style: NumberStyle) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let (whole, fraction) = split(minor, currency);
    let mark = match style {
        NumberStyle::DecimalPoint => '.',
        NumberStyle::DecimalComma => ',',
    };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{mark}{fraction}")
    }
}

/// Reads an amount typed for `currency` into its minor units. Empty is no budget. Grouping and
/// the decimal mark are read as [`written_style`] sees them ("12 500", "12,500.50", "1.234,56",
/// "12,50"); an amount that could be read either way ("1,250") follows `style`, the typist's
/// decimal mark, except in a currency without decimals, where it can only be thousands.
pub fn parse_amount(
    field: &str,
    text: &str,
    currency: &str,
    style: NumberStyle,
) -> Result<Option<i64>, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let digits = minor_digits(currency);
    let example = |minor: i64| amount_input(minor, currency, style);
    let unreadable = || {
        let how = if digits == 0 {
            "Type whole digits"
        } else {
            "Type digits, with the decimals after the decimal mark"
        };
        Invalid::field(
            field,
            format!(
                "“{t}” is not an amount Groundwork can read. {how}, such as {}.",
                example(12_500 * per_unit(currency) + per_unit(currency) / 2)
            ),
        )
    };
    if t.starts_with('-') || t.starts_with('−') {
        return Err(Invalid::field(
            field,
            "A budget cannot be negative. Type the amount to spend, such as 12500, or leave it empty.",
        ));
    }
    if !t.chars().all(|c| {
        c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '_' | '\'')
    }) {
        return Err(unreadable());
    }
    let stripped = strip_number(t);
    let style = written_style(&stripped).unwrap_or(if digits == 0 {
        // "1,250" or "1.250" in yen: a decimal reading could never be right.
        if stripped.contains(',') {
            NumberStyle::DecimalPoint
        } else {
            NumberStyle::DecimalComma
        }
    } else {
        style
    });
    // Thousands come in groups of three: "1.2.3" is no amount.
    let (group, mark) = match style {
        NumberStyle::DecimalPoint => (',', '.'),
        NumberStyle::DecimalComma => ('.', ','),
    };
    let written_whole = stripped.split(mark).next().unwrap_or("");
    let mut groups = written_whole.split(group);
    let first = groups.next().unwrap_or("");
    if written_whole.contains(group)
        && (first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3))
    {
        return Err(unreadable());
    }
    let normal = normalise(&stripped, style).ok_or_else(unreadable)?;
    let (whole, fraction) = normal.split_once('.').unwrap_or((normal.as_str(), ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err(unreadable());
    }
    // Zeros past the currency's decimals change nothing: "12.500" euros are 12.50.
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > digits as usize {
        return Err(Invalid::field(field, too_many_decimals(currency, style)));
    }
    let too_large = || {
        Invalid::field(
            field,
            format!(
                "“{t}” is larger than a budget Groundwork holds ({currency} {}). Check the number of digits.",
                amount_text(max_budget_minor(currency), currency)
            ),
        )
    };
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| too_large())?
    };
    let fraction: i64 = if fraction.is_empty() {
        0
    } else {
        format!("{fraction:0<width$}", width = digits as usize)
            .parse()
            .map_err(|_| unreadable())?
    };
    let minor = whole
        .checked_mul(per_unit(currency))
        .and_then(|w| w.checked_add(fraction))
        .filter(|m| *m <= max_budget_minor(currency))
        .ok_or_else(too_large)?;
    Ok(Some(minor))
}

/// "JPY has no decimals: type a whole amount such as 1200."
fn too_many_decimals(currency: &str, style: NumberStyle) -> String {
    let example = amount_input(
        1_200 * per_unit(currency) + 5 * per_unit(currency) / 10,
        currency,
        style,
    );
    match minor_digits(currency) {
        0 => format!("{currency} has no decimals: type a whole amount such as 1200."),
        3 => format!(
            "{currency} has three decimals: round the amount to a thousandth, such as {example}."
        ),
        _ => {
            format!("{currency} has two decimals: round the amount to the cent, such as {example}.")
        }
    }
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

    const POINT: NumberStyle = NumberStyle::DecimalPoint;
    const COMMA: NumberStyle = NumberStyle::DecimalComma;

    fn eur(text: &str) -> Option<i64> {
        parse_amount("b", text, "EUR", POINT).unwrap()
    }

    #[test]
    fn minor_digits_follow_iso_4217() {
        assert_eq!(minor_digits("EUR"), 2);
        assert_eq!(minor_digits("USD"), 2);
        assert_eq!(minor_digits("JPY"), 0);
        assert_eq!(minor_digits("KRW"), 0);
        assert_eq!(minor_digits("ISK"), 0);
        assert_eq!(minor_digits("BHD"), 3);
        assert_eq!(minor_digits("KWD"), 3);
        assert_eq!(minor_digits("TND"), 3);
        assert_eq!(minor_digits("XYZ"), 2, "an unlisted code has two decimals");
    }

    #[test]
    fn amounts_read_with_grouping_and_two_decimals() {
        assert_eq!(eur(""), None);
        assert_eq!(eur("12500"), Some(1_250_000));
        assert_eq!(eur(" 12,500.5 "), Some(1_250_050));
        assert_eq!(eur("12,500.50"), Some(1_250_050));
        assert_eq!(eur("12 500.05"), Some(1_250_005));
        assert_eq!(eur(".5"), Some(50));
        assert_eq!(eur("0"), Some(0));
        assert_eq!(
            eur("12.500"),
            Some(1_250),
            "zeros past the cent change nothing"
        );
    }

    #[test]
    fn a_decimal_comma_is_read_whatever_the_locale_when_the_amount_shows_it() {
        for style in [POINT, COMMA] {
            let p = |t: &str| parse_amount("b", t, "EUR", style).unwrap();
            assert_eq!(p("12,50"), Some(1_250), "twelve and a half");
            assert_eq!(p("1.234,56"), Some(123_456));
            assert_eq!(p("12 500"), Some(1_250_000));
            assert_eq!(p("12\u{a0}500,5"), Some(1_250_050));
            assert_eq!(p("12,500.50"), Some(1_250_050));
            assert_eq!(p("12500.50"), Some(1_250_050));
            assert_eq!(p("1.234.567"), Some(123_456_700));
        }
    }

    #[test]
    fn an_ambiguous_amount_follows_the_typists_decimal_mark() {
        assert_eq!(
            parse_amount("b", "1,250", "EUR", POINT).unwrap(),
            Some(125_000)
        );
        assert_eq!(parse_amount("b", "1,250", "EUR", COMMA).unwrap(), Some(125));
        assert_eq!(
            parse_amount("b", "1.250", "EUR", COMMA).unwrap(),
            Some(125_000)
        );
        assert_eq!(parse_amount("b", "1.250", "EUR", POINT).unwrap(), Some(125));
        assert_eq!(
            parse_amount("b", "1,250", "BHD", COMMA).unwrap(),
            Some(1_250)
        );
        assert_eq!(
            parse_amount("b", "1.250", "BHD", POINT).unwrap(),
            Some(1_250)
        );
        for style in [POINT, COMMA] {
            assert_eq!(
                parse_amount("b", "1,250", "JPY", style).unwrap(),
                Some(1_250),
                "yen have no decimals, so 1,250 can only be thousands"
            );
            assert_eq!(
                parse_amount("b", "1.250", "JPY", style).unwrap(),
                Some(1_250)
            );
        }
    }

    #[test]
    fn yen_are_whole_and_dinars_have_three_decimals() {
        assert_eq!(
            parse_amount("b", "1200", "JPY", POINT).unwrap(),
            Some(1_200)
        );
        assert_eq!(
            parse_amount("b", "1,200,000", "JPY", POINT).unwrap(),
            Some(1_200_000)
        );
        let err = parse_amount("budget", "1200.50", "JPY", POINT).unwrap_err();
        assert_eq!(
            err.message,
            "JPY has no decimals: type a whole amount such as 1200."
        );
        assert_eq!(err.field.as_deref(), Some("budget"));
        assert_eq!(
            parse_amount("b", "12.5", "BHD", POINT).unwrap(),
            Some(12_500)
        );
        assert_eq!(
            parse_amount("b", "12,345", "BHD", COMMA).unwrap(),
            Some(12_345)
        );
        assert_eq!(
            parse_amount("b", "1 234.567", "KWD", POINT).unwrap(),
            Some(1_234_567)
        );
        let err = parse_amount("b", "12.3456", "BHD", POINT).unwrap_err();
        assert!(
            err.message.starts_with("BHD has three decimals"),
            "{}",
            err.message
        );
        let err = parse_amount("b", "12,345", "EUR", COMMA).unwrap_err();
        assert_eq!(
            err.message,
            "EUR has two decimals: round the amount to the cent, such as 1200,50."
        );
    }

    #[test]
    fn bad_amounts_are_refused_with_a_sentence() {
        let neg = parse_amount("budget", "-40", "EUR", POINT).unwrap_err();
        assert!(
            neg.message.contains("cannot be negative"),
            "{}",
            neg.message
        );
        assert_eq!(neg.field.as_deref(), Some("budget"));
        assert!(parse_amount("b", "−40", "JPY", POINT).is_err());
        assert!(parse_amount("b", "12.345", "EUR", POINT)
            .unwrap_err()
            .message
            .contains("two decimals"));
        let twelve = parse_amount("b", "twelve", "EUR", POINT).unwrap_err();
        assert!(twelve.message.contains("“twelve”"), "{}", twelve.message);
        assert!(twelve.message.contains("12500.50"), "{}", twelve.message);
        assert!(parse_amount("b", "1.2.3", "EUR", POINT).is_err());
        assert!(parse_amount("b", "1,2,3", "EUR", COMMA).is_err());
        assert!(parse_amount("b", ",", "EUR", POINT).is_err());
        assert!(parse_amount("b", "1e5", "EUR", POINT).is_err());
        assert!(parse_amount("b", "€12", "EUR", POINT).is_err());
    }

    #[test]
    fn huge_amounts_are_refused_per_currency() {
        let big = "99999999999999999999999";
        let err = parse_amount("b", big, "EUR", POINT).unwrap_err();
        assert!(err.message.contains("larger"), "{}", err.message);
        assert!(
            err.message.contains("EUR 1,000,000,000,000"),
            "the limit is named in the currency: {}",
            err.message
        );
        assert_eq!(
            parse_amount("b", "1000000000000", "JPY", POINT).unwrap(),
            Some(MAX_BUDGET_UNITS)
        );
        assert!(parse_amount("b", "1000000000001", "JPY", POINT).is_err());
        assert_eq!(
            parse_amount("b", "1000000000000", "BHD", POINT).unwrap(),
            Some(max_budget_minor("BHD"))
        );
        assert!(parse_amount("b", "1000000000000.001", "BHD", POINT).is_err());
        let ten_thousand = vec![
            Money {
                minor: max_budget_minor("BHD"),
                currency: "BHD".into()
            };
            9_000
        ];
        assert_eq!(
            sum_by_currency(&ten_thousand)[0].minor,
            max_budget_minor("BHD") * 9_000,
            "totals of thousands of the largest budgets do not overflow"
        );
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
    fn amounts_display_grouped_by_currency() {
        assert_eq!(amount_text(1_250_050, "EUR"), "12,500.50");
        assert_eq!(amount_text(1_250_000, "EUR"), "12,500");
        assert_eq!(amount_text(5, "EUR"), "0.05");
        assert_eq!(amount_text(1_200, "JPY"), "1,200");
        assert_eq!(amount_text(12_500, "BHD"), "12.500");
        assert_eq!(amount_text(12_345, "BHD"), "12.345");
        assert_eq!(amount_text(12_000, "BHD"), "12");
        assert_eq!(amount_input(1_250_050, "EUR", POINT), "12500.50");
        assert_eq!(amount_input(1_250_050, "EUR", COMMA), "12500,50");
        assert_eq!(amount_input(1_200_000, "JPY", COMMA), "1200000");
        assert_eq!(amount_input(12_500, "BHD", COMMA), "12,500");
        let money = |minor: i64, currency: &str| Money {
            minor,
            currency: currency.into(),
        };
        assert_eq!(money(1_250_000, "EUR").display(), "EUR 12,500");
        assert_eq!(money(1_250_050, "EUR").display(), "EUR 12,500.50");
        assert_eq!(money(1_200, "JPY").display(), "JPY 1,200");
        assert_eq!(money(12_500, "BHD").display(), "BHD 12.500");
        assert_eq!(money(1_250_000, "EUR").short(), "EUR 12.5k");
        assert_eq!(money(250_000_000, "USD").short(), "USD 2.5m");
        assert_eq!(money(12_500, "JPY").short(), "JPY 12.5k");
        assert_eq!(money(2_500_000_000, "BHD").short(), "BHD 2.5m");
    }

    #[test]
    fn money_crosses_to_the_screens_with_its_text() {
        let json = serde_json::to_value(Money {
            minor: 1_200,
            currency: "JPY".into(),
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"minor": 1200, "currency": "JPY", "text": "JPY 1,200", "short": "JPY 1.2k"})
        );
        let back: Money = serde_json::from_value(json).unwrap();
        assert_eq!(back.minor, 1_200, "the text is ignored when read back");
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
        fn an_amount_survives_its_own_text(
            units in 0i64..MAX_BUDGET_UNITS,
            fraction in 0i64..1000,
            currency in proptest::sample::select(vec!["EUR", "JPY", "BHD", "KWD", "USD"]),
            comma in proptest::bool::ANY,
        ) {
            let per = per_unit(currency);
            let minor = units * per + fraction % per;
            let style = if comma { COMMA } else { POINT };
            prop_assert_eq!(parse_amount("b", &amount_text(minor, currency), currency, POINT).unwrap(), Some(minor));
            prop_assert_eq!(parse_amount("b", &amount_input(minor, currency, style), currency, style).unwrap(), Some(minor));
        }
    }
}
