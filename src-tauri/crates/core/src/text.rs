//! Limits and checks shared by every text field.
//!
//! Text is stored exactly as typed (any script, emoji, markup as plain characters). The limits
//! are far above anything a person types and exist so that an accidental paste of a whole file
//! is refused with a sentence rather than slowing every screen and document down.

use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Invalid;

/// Names and other one-line fields.
pub const SHORT_TEXT_MAX_CHARS: usize = 1_000;
/// Paragraph fields such as a purpose, notes or a narrative.
pub const LONG_TEXT_MAX_CHARS: usize = 1_000_000;

/// A required one-line value: trimmed, not empty, within the short limit.
pub fn required_line(field: &str, label: &str, value: &str) -> Result<String, Invalid> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Invalid::field(
            field,
            format!("The {label} is empty. Type one to save this change."),
        ));
    }
    optional_line(field, label, trimmed)
}

/// An optional one-line value: trimmed, within the short limit.
pub fn optional_line(field: &str, label: &str, value: &str) -> Result<String, Invalid> {
    let trimmed = value.trim();
    check_length(field, label, trimmed, SHORT_TEXT_MAX_CHARS)?;
    if trimmed.contains(['\n', '\r']) {
        return Err(Invalid::field(
            field,
            format!("The {label} must fit on one line. Remove the line breaks."),
        ));
    }
    Ok(trimmed.to_owned())
}

/// An optional paragraph: kept exactly as typed (leading spaces and blank lines can matter),
/// within the long limit.
pub fn paragraph(field: &str, label: &str, value: &str) -> Result<String, Invalid> {
    check_length(field, label, value, LONG_TEXT_MAX_CHARS)?;
    Ok(value.to_owned())
}

fn check_length(field: &str, label: &str, value: &str, max: usize) -> Result<(), Invalid> {
    let chars = value.chars().count();
    if chars > max {
        return Err(Invalid::field(
            field,
            format!(
                "The {label} is {} characters long; the most it can hold is {}. Shorten it.",
                thousands(chars),
                thousands(max)
            ),
        ));
    }
    Ok(())
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(d: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    MONTHS.get(d.month0() as usize).copied().unwrap_or("")
}

/// The order in which the reader's locale writes day, month and year. Months are always
/// words, so the order is the only thing a locale changes and no date can be misread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum DateOrder {
    /// "5 Nov 2026": most of the world.
    #[default]
    DayMonthYear,
    /// "Nov 5, 2026": the United States and a few others.
    MonthDayYear,
    /// "2026 Nov 5": East Asia, Hungary, Lithuania and others.
    YearMonthDay,
}

/// The process's reading order for dates. It is the one setting the screens' sentences and the
/// documents share, set once by the app from the locale the window reports (the window's Intl
/// knows the locale's custom; Rust has no locale data). The CLI and tests leave the default.
static DATE_ORDER: AtomicU8 = AtomicU8::new(0);

/// Sets the order every date written from now on follows.
pub fn set_date_order(order: DateOrder) {
    DATE_ORDER.store(order as u8, Ordering::Relaxed);
}

/// The order dates are written in now.
pub fn date_order() -> DateOrder {
    match DATE_ORDER.load(Ordering::Relaxed) {
        1 => DateOrder::MonthDayYear,
        2 => DateOrder::YearMonthDay,
        _ => DateOrder::DayMonthYear,
    }
}

/// A date with its month as `month`, in `order`, its parts joined by `space`.
fn written(d: chrono::NaiveDate, month: &str, order: DateOrder, space: char) -> String {
    use chrono::Datelike;
    let (day, year) = (d.day(), d.year());
    match order {
        DateOrder::DayMonthYear => format!("{day}{space}{month}{space}{year}"),
        DateOrder::MonthDayYear => format!("{month}{space}{day},{space}{year}"),
        DateOrder::YearMonthDay => format!("{year}{space}{month}{space}{day}"),
    }
}

/// "5 Nov 2026" (or "Nov 5, 2026" where that is the custom): how a sentence written for a
/// person names a date, the same way the screens write dates. Its spaces are no-break spaces,
/// so a date never breaks across lines.
pub fn date(d: chrono::NaiveDate) -> String {
    written(d, &month_name(d)[..3], date_order(), '\u{a0}')
}

/// "5 March 2026", for documents' prose and title blocks. Written by hand rather than through
/// chrono's format strings: the goals screen writes thousands of these.
pub fn long_date(d: chrono::NaiveDate) -> String {
    written(d, month_name(d), date_order(), ' ')
}

/// "5 Mar 2026", for documents' tables and details beside a quote.
pub fn short_date(d: chrono::NaiveDate) -> String {
    written(d, &month_name(d)[..3], date_order(), ' ')
}

/// "Dana Ruiz, 5 Mar 2026": who said a quote and when, beside it.
pub fn said_by(who: &str, on: chrono::NaiveDate) -> String {
    format!("{who}, {}", date(on))
}

/// "Mar 2026", for chart axes.
pub fn month_year(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match date_order() {
        DateOrder::YearMonthDay => format!("{} {}", d.year(), &month_name(d)[..3]),
        _ => format!("{} {}", &month_name(d)[..3], d.year()),
    }
}

/// "1 KPI", "3 KPIs": a count and the noun that goes with it.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "a, b and c": names in a sentence.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A figure without needless decimals: 1250, 12.5, 0.25; "—" for one that is not a number.
pub fn figure(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_owned();
    }
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// A figure with its thousands grouped: 1250 -> "1,250"; 42.5 stays "42.5".
pub fn grouped_figure(v: f64) -> String {
    let text = figure(v);
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, format!(".{f}")),
        None => (text.as_str(), String::new()),
    };
    int.parse::<usize>()
        .map_or_else(|_| text.clone(), |n| format!("{}{frac}", thousands(n)))
}

/// 12345 -> "12,345", for sentences a person reads.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_a_sentence_are_joined_with_commas_and_a_final_and() {
        let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(and_list(&names(&[])), "");
        assert_eq!(and_list(&names(&["a"])), "a");
        assert_eq!(and_list(&names(&["a", "b"])), "a and b");
        assert_eq!(and_list(&names(&["a", "b", "c"])), "a, b and c");
    }

    #[test]
    fn each_order_writes_the_date_its_readers_expect() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
        let nb = |s: &str| s.replace(' ', "\u{a0}");
        assert_eq!(
            written(d, "Nov", DateOrder::DayMonthYear, ' '),
            "5 Nov 2026"
        );
        assert_eq!(
            written(d, "Nov", DateOrder::MonthDayYear, ' '),
            "Nov 5, 2026"
        );
        assert_eq!(
            written(d, "Nov", DateOrder::YearMonthDay, ' '),
            "2026 Nov 5"
        );
        // The process default (nothing here sets another order).
        assert_eq!(date(d), nb("5 Nov 2026"));
        assert_eq!(said_by("Dana", d), format!("Dana, {}", nb("5 Nov 2026")));
    }

    #[test]
    fn dates_read_as_chrono_writes_them() {
        let mut d = chrono::NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        for _ in 0..800 {
            assert_eq!(long_date(d), d.format("%-d %B %Y").to_string());
            assert_eq!(month_year(d), d.format("%b %Y").to_string());
            assert_eq!(short_date(d), d.format("%-d %b %Y").to_string());
            d = d + chrono::Days::new(13);
        }
    }

    #[test]
    fn counts_and_figures_read_as_a_person_writes_them() {
        assert_eq!(plural(1, "KPI", "KPIs"), "1 KPI");
        assert_eq!(plural(0, "KPI", "KPIs"), "0 KPIs");
        assert_eq!(plural(3, "person", "people"), "3 people");
        assert_eq!(figure(12.0), "12");
        assert_eq!(figure(12.5), "12.5");
        assert_eq!(figure(0.25), "0.25");
        assert_eq!(figure(-3.10), "-3.1");
        assert_eq!(figure(f64::NAN), "—");
        assert_eq!(grouped_figure(1250.0), "1,250");
        assert_eq!(grouped_figure(1_234_567.5), "1,234,567.5");
        assert_eq!(grouped_figure(42.5), "42.5");
        assert_eq!(grouped_figure(-1250.0), "-1250");
    }

    #[test]
    fn required_line_rejects_blank_with_field() {
        let err = required_line("name", "workbook name", "   ").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("name"));
        assert!(
            err.message.contains("workbook name is empty"),
            "{}",
            err.message
        );
    }

    #[test]
    fn required_line_trims_and_keeps_any_script_and_markup() {
        let value = required_line("name", "name", "  Ελληνικά 社区 🚀 <b>x</b> ").unwrap();
        assert_eq!(value, "Ελληνικά 社区 🚀 <b>x</b>");
    }

    #[test]
    fn line_over_limit_names_both_lengths() {
        let long = "é".repeat(SHORT_TEXT_MAX_CHARS + 1);
        let err = optional_line("organisation", "organisation", &long).unwrap_err();
        assert!(err.message.contains("1,001 characters"), "{}", err.message);
        assert!(err.message.contains("1,000"), "{}", err.message);
    }

    #[test]
    fn line_breaks_are_refused_in_one_line_fields() {
        assert!(optional_line("name", "name", "a\nb").is_err());
    }

    #[test]
    fn paragraph_keeps_text_verbatim_up_to_the_limit() {
        let text = "  line one\n\n<img src=x onerror=alert(1)>\n".repeat(2_000);
        assert_eq!(paragraph("purpose", "purpose", &text).unwrap(), text);
        let too_long = "x".repeat(LONG_TEXT_MAX_CHARS + 1);
        assert!(paragraph("purpose", "purpose", &too_long).is_err());
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
