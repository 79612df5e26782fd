//! Reading numbers and dates the way spreadsheets and analytics exports write them.
//!
//! A KPI value may be negative (a net promoter score) and may carry its unit ("45 %", "€1,200").
//! Separators follow the writer's habits: "1,250" and "1 250" are thousands, "12,5" is a
//! decimal comma, "1.250,5" is continental. When a block of values shows which habit it follows
//! (any value such as "12,5" or "1.250,5"), ambiguous values such as "1,250" are read the same
//! way; otherwise a comma followed by three digits is a thousands separator.

use std::sync::atomic::{AtomicU8, Ordering};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Invalid;

/// How the commas in a set of values are meant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum NumberStyle {
    /// "1,250.5": commas group thousands (also the reading when nothing says otherwise).
    #[default]
    DecimalPoint,
    /// "1.250,5": the comma is the decimal mark.
    DecimalComma,
}

/// The style one value shows by itself: "12,5" and "1.250,5" a decimal comma, "12.50",
/// "1,250.5" and "1,250,000" a decimal point, "1.250.000" a decimal comma. "1,250", "1.250" and
/// "1250" could be either and say nothing.
pub fn written_style(raw: &str) -> Option<NumberStyle> {
    let t = strip_number(raw);
    let (commas, dots) = (t.matches(',').count(), t.matches('.').count());
    let after = |mark: char| t.rsplit(mark).next().unwrap_or("").len();
    match (commas, dots) {
        (0, 0) => None,
        (1, 0) => (after(',') != 3).then_some(NumberStyle::DecimalComma),
        (0, 1) => (after('.') != 3).then_some(NumberStyle::DecimalPoint),
        (_, 0) => Some(NumberStyle::DecimalPoint),
        (0, _) => Some(NumberStyle::DecimalComma),
        (1, _) if t.rfind(',') > t.rfind('.') => Some(NumberStyle::DecimalComma),
        (_, 1) if t.rfind('.') > t.rfind(',') => Some(NumberStyle::DecimalPoint),
        _ => None,
    }
}

/// The style a set of raw values follows, from the ones that are unambiguous.
pub fn number_style<'a>(values: impl IntoIterator<Item = &'a str>) -> NumberStyle {
    if values
        .into_iter()
        .any(|raw| written_style(raw) == Some(NumberStyle::DecimalComma))
    {
        NumberStyle::DecimalComma
    } else {
        NumberStyle::DecimalPoint
    }
}

/// The decimal mark the person at the keyboard uses, for numbers they type that could be read
/// either way ("1,250"). Set once by the app from the locale the window reports, and by the
/// CLI from its environment; tests and everything else leave the default, a decimal point.
static DECIMAL_STYLE: AtomicU8 = AtomicU8::new(0);

/// Sets the decimal mark typed numbers are read and written with from now on.
pub fn set_decimal_style(style: NumberStyle) {
    DECIMAL_STYLE.store(style as u8, Ordering::Relaxed);
}

/// The decimal mark typed numbers are read and written with now.
pub fn decimal_style() -> NumberStyle {
    match DECIMAL_STYLE.load(Ordering::Relaxed) {
        1 => NumberStyle::DecimalComma,
        _ => NumberStyle::DecimalPoint,
    }
}

/// The decimal mark of a POSIX locale name such as "de_DE.UTF-8" or "en_US" (what `LC_NUMERIC`
/// and `LANG` hold). Rust has no locale data: the languages and regions writing a decimal
/// comma are listed here; everything else, "C" and "POSIX" included, writes a point.
pub fn locale_style(locale: &str) -> NumberStyle {
    let name = locale.split(['.', '@']).next().unwrap_or("");
    let mut parts = name.split(['_', '-']);
    let language = parts.next().unwrap_or("").to_ascii_lowercase();
    let region = parts.next().unwrap_or("").to_ascii_uppercase();
    const POINT_REGIONS: [&str; 12] = [
        "CH", "LI", "MX", "GT", "HN", "NI", "PA", "PR", "DO", "SV", "PH", "US",
    ];
    const COMMA_ENGLISH: [&str; 3] = ["ZA", "DK", "NL"];
    let comma_language = matches!(
        language.as_str(),
        "af" | "az"
            | "be"
            | "bg"
            | "bs"
            | "ca"
            | "cs"
            | "da"
            | "de"
            | "el"
            | "es"
            | "et"
            | "eu"
            | "fi"
            | "fo"
            | "fr"
            | "gl"
            | "hr"
            | "hu"
            | "hy"
            | "id"
            | "is"
            | "it"
            | "ka"
            | "kk"
            | "ky"
            | "lb"
            | "lt"
            | "lv"
            | "mk"
            | "mn"
            | "nb"
            | "nl"
            | "nn"
            | "no"
            | "pl"
            | "pt"
            | "ro"
            | "ru"
            | "sk"
            | "sl"
            | "sq"
            | "sr"
            | "sv"
            | "tr"
            | "uk"
            | "uz"
            | "vi"
    );
    let comma = if language == "en" {
        COMMA_ENGLISH.contains(&region.as_str())
    } else {
        comma_language && !POINT_REGIONS.contains(&region.as_str())
    };
    if comma {
        NumberStyle::DecimalComma
    } else {
        NumberStyle::DecimalPoint
    }
}

/// Keeps what can be part of a number: digits, signs, separators, exponent marks.
pub(crate) fn strip_number(raw: &str) -> String {
    raw.trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_' | '\''))
        .collect()
}

/// The unit written next to a value, if any: "45 %" → ("45", "%"), "€1,200" → ("1,200", "€").
fn split_unit(text: &str) -> (String, String) {
    let t = text.trim();
    let is_num = |c: char| {
        c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'' | '_')
    };
    let start = t.find(|c: char| c.is_ascii_digit() || c == '-' || c == '+' || c == '−');
    let Some(start) = start else {
        return (t.to_owned(), String::new());
    };
    let prefix = t[..start].trim();
    // A unit before the number is a currency sign or code ("€", "USD"); a word there ("about
    // 300") means the text is not a figure.
    let currency_like = prefix.chars().count() <= 3
        && prefix
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    if !currency_like {
        return (t.to_owned(), String::new());
    }
    let rest = &t[start..];
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        if is_num(c) || (i == 0 && matches!(c, '-' | '+' | '−')) {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    let number = rest[..end].trim().replace('−', "-");
    let suffix = rest[end..].trim();
    let unit = match (prefix.is_empty(), suffix.is_empty()) {
        (true, true) => String::new(),
        (false, true) => prefix.to_owned(),
        (true, false) => suffix.to_owned(),
        (false, false) => format!("{prefix} {suffix}"),
    };
    (number, unit)
}

fn same_unit(written: &str, kpi_unit: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim().to_lowercase();
        match s.as_str() {
            "percent" | "per cent" | "pct" => "%".to_owned(),
            _ => s,
        }
    };
    let (w, k) = (norm(written), norm(kpi_unit));
    !w.is_empty()
        && (w == k || k.starts_with(&w) || k.ends_with(&w) || (!k.is_empty() && w.starts_with(&k)))
}

/// Reads a KPI value. `unit` is the KPI's unit: a value written with that unit ("45 %" for a
/// KPI in %) is accepted, one written with another unit ("3 h" for a KPI in %) is refused, so
/// figures of another measure do not slip in.
pub fn parse_value(
    field: &str,
    label: &str,
    text: &str,
    unit: &str,
    style: NumberStyle,
) -> Result<f64, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Invalid::field(
            field,
            format!("The {label} is empty. Type it in digits, such as 1,250."),
        ));
    }
    let (number, written_unit) = split_unit(t);
    let value = read_number(&number, style);
    let Some(value) = value else {
        return Err(Invalid::field(
            field,
            format!("“{t}” is not a number. Type the {label} in digits, such as 1,250 or 12.5."),
        ));
    };
    if !written_unit.is_empty() && !same_unit(&written_unit, unit) {
        let measured = if unit.trim().is_empty() {
            "has no unit".to_owned()
        } else {
            format!("is measured in {}", unit.trim())
        };
        return Err(Invalid::field(
            field,
            format!(
                "“{t}” is written in {written_unit}, but this KPI {measured}. Type the value in the KPI's unit, or change the KPI's unit."
            ),
        ));
    }
    Ok(value)
}

pub(crate) fn read_number(number: &str, style: NumberStyle) -> Option<f64> {
    normalise(number, style)?
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// A number as written, in `style`, rewritten the way Rust reads numbers: separators of
/// thousands gone, the decimal mark a point ("1.250,5" → "1250.5"). None when it has no
/// digits or its commas make no sense.
pub(crate) fn normalise(number: &str, style: NumberStyle) -> Option<String> {
    let s = strip_number(number);
    if s.is_empty() || !s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(match style {
        NumberStyle::DecimalComma => s.replace('.', "").replace(',', "."),
        NumberStyle::DecimalPoint => {
            let commas = s.matches(',').count();
            if commas == 0 {
                s
            } else if s.contains('.') {
                s.replace(',', "")
            } else {
                let digits = s.trim_start_matches(['-', '+']);
                let groups: Vec<&str> = digits.split(',').collect();
                let thousands = groups.len() > 1
                    && (1..=3).contains(&groups[0].len())
                    && groups[1..].iter().all(|g| g.len() == 3);
                if thousands {
                    s.replace(',', "")
                } else if commas == 1 {
                    s.replace(',', ".")
                } else {
                    return None;
                }
            }
        }
    })
}

/// How the day and month of "03/04/2026" are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    DayFirst,
    MonthFirst,
}

/// The order a set of dates follows, from any that are unambiguous (a part above 12). When
/// none says, the order the reader's locale writes dates in (day first unless it puts the
/// month first), which the import reports.
pub fn day_order<'a>(dates: impl IntoIterator<Item = &'a str>) -> (DayOrder, bool) {
    for raw in dates {
        if let Some((a, b, _)) = numeric_parts(raw) {
            if a > 12 && b <= 12 {
                return (DayOrder::DayFirst, true);
            }
            if b > 12 && a <= 12 {
                return (DayOrder::MonthFirst, true);
            }
        }
    }
    let usual = match crate::text::date_order() {
        crate::text::DateOrder::MonthDayYear => DayOrder::MonthFirst,
        _ => DayOrder::DayFirst,
    };
    (usual, false)
}

/// "14/03/2026", "3.4.2026", "03-04-26" → the three numbers, year last.
fn numeric_parts(raw: &str) -> Option<(u32, u32, i32)> {
    let t = raw.trim();
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    if parts.len() != 3 || parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let a = parts[0].parse().ok()?;
    let b = parts[1].parse().ok()?;
    let year: i32 = parts[2].trim().parse().ok()?;
    let year = match parts[2].trim().len() {
        2 => 2000 + year,
        4 => year,
        _ => return None,
    };
    Some((a, b, year))
}

/// Whether a date of this shape needs the day order to be read.
pub fn is_ambiguous_date(raw: &str) -> bool {
    numeric_parts(raw).is_some_and(|(a, b, _)| a <= 12 && b <= 12 && a != b)
}

/// Reads a date as spreadsheets and exports write it: 2026-03-14, 2026/03/14, 20260314,
/// 14/03/2026 (or 03/14/2026 by `order`), 14.03.2026, 14 March 2026, March 14, 2026,
/// 14 Mar 2026, and a date with a time after it.
pub fn read_date(raw: &str, order: DayOrder) -> Option<NaiveDate> {
    let t = raw.trim().trim_matches('"').trim();
    let head = t.split(['T', ' ']).next().unwrap_or(t);
    let year_first = head
        .split(['-', '/', '.'])
        .next()
        .is_some_and(|y| y.len() == 4);
    for fmt in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Some(d) = NaiveDate::parse_from_str(head, fmt)
            .ok()
            .filter(|_| year_first)
        {
            return Some(d);
        }
    }
    if head.len() == 8 && head.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(d) = NaiveDate::parse_from_str(head, "%Y%m%d") {
            return Some(d);
        }
    }
    if let Some((a, b, year)) = numeric_parts(head) {
        let (day, month) = match order {
            DayOrder::DayFirst => (a, b),
            DayOrder::MonthFirst => (b, a),
        };
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let words = t.replace(',', " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    for fmt in [
        "%d %B %Y",
        "%d %b %Y",
        "%B %d %Y",
        "%b %d %Y",
        "%A %d %B %Y",
        "%a %d %b %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(&words, fmt) {
            return Some(d);
        }
    }
    None
}

/// A date typed in a form: any format [`read_date`] reads, day first when ambiguous.
pub fn parse_date(field: &str, label: &str, text: &str) -> Result<NaiveDate, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Invalid::field(
            field,
            format!("The {label} is empty. Type it as year-month-day, such as 2026-03-14."),
        ));
    }
    read_date(t, DayOrder::DayFirst).filter(|d| d.year() > 1900).ok_or_else(|| {
        Invalid::field(
            field,
            format!("“{t}” is not a date Groundwork can read. Type the {label} as year-month-day, such as 2026-03-14."),
        )
    })
}

/// A value without needless decimals and with thousands grouped: 1,250, 12.5, -3.
pub fn format_value(v: f64) -> String {
    // Whole hundredths as an integer: exact, and far cheaper than float formatting (the goals
    // screen writes thousands of these). Beyond 2^53 hundredths an f64 holds no hundredths.
    let hundredths = (v.abs() * 100.0).round();
    if hundredths.is_nan() || hundredths >= 9_007_199_254_740_992.0 {
        return format_value_by_float(v);
    }
    let hundredths = hundredths as u64;
    let mut out = String::with_capacity(24);
    if v < 0.0 && hundredths > 0 {
        out.push('-');
    }
    out.push_str(&crate::text::thousands(
        usize::try_from(hundredths / 100).unwrap_or(usize::MAX),
    ));
    match hundredths % 100 {
        0 => {}
        f if f % 10 == 0 => out.push_str(&format!(".{}", f / 10)),
        f => out.push_str(&format!(".{f:02}")),
    }
    out
}

/// [`format_value`] for values too large for whole hundredths, and for NaN and infinities.
fn format_value_by_float(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc();
    let frac = abs - whole;
    let mut digits = format!("{whole:.0}");
    let mut grouped = String::new();
    let len = digits.len();
    for (i, ch) in digits.drain(..).enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let mut out = if negative && abs > 0.0 {
        format!("-{grouped}")
    } else {
        grouped
    };
    if frac > 1e-9 {
        let f = format!("{frac:.2}");
        let f = f.trim_start_matches('0').trim_end_matches('0');
        out.push_str(f);
    }
    out
}

/// A value with its unit: "1,250 members", "45%", "€1,200" is left to the unit's spelling.
pub fn with_unit(v: f64, unit: &str) -> String {
    let unit = unit.trim();
    match unit {
        "" => format_value(v),
        "%" => format!("{}%", format_value(v)),
        _ => format!("{} {unit}", format_value(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The integer path writes exactly what the float path writes, where both apply.
        #[test]
        fn values_are_written_as_the_float_path_writes_them(
            v in proptest::num::f64::NORMAL | proptest::num::f64::ZERO,
            scale in 0_i32..14,
        ) {
            let v = (v % 1.0) * 10_f64.powi(scale);
            proptest::prop_assert_eq!(format_value(v), format_value_by_float(v));
        }
    }

    #[test]
    fn values_are_grouped_and_trimmed() {
        for (v, text) in [
            (0.0, "0"),
            (-0.001, "0"),
            (1250.0, "1,250"),
            (12.5, "12.5"),
            (-3.0, "-3"),
            (0.05, "0.05"),
            (-1234567.891, "-1,234,567.89"),
            (999.999, "1,000"),
            (1e20, "100,000,000,000,000,000,000"),
        ] {
            assert_eq!(format_value(v), text, "{v}");
        }
        assert_eq!(format_value(f64::NAN), "NaN");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numbers_as_people_and_exports_write_them() {
        let p = |t: &str| parse_value("value", "value", t, "", NumberStyle::DecimalPoint);
        assert_eq!(p("1250").unwrap(), 1250.0);
        assert_eq!(p("1,250").unwrap(), 1250.0);
        assert_eq!(p("1 250").unwrap(), 1250.0);
        assert_eq!(
            p("12,5").unwrap(),
            12.5,
            "a lone comma not followed by three digits is decimal"
        );
        assert_eq!(p("1,250.5").unwrap(), 1250.5);
        assert_eq!(p("-12").unwrap(), -12.0, "KPIs such as NPS go negative");
        assert_eq!(p("−7").unwrap(), -7.0, "typographic minus");
        assert!(p("about 300").is_err());
        assert!(p("n/a").is_err());
        let comma = |t: &str| parse_value("value", "value", t, "", NumberStyle::DecimalComma);
        assert_eq!(comma("1.250,5").unwrap(), 1250.5);
        assert_eq!(
            comma("1,250").unwrap(),
            1.25,
            "in a decimal-comma block, 1,250 is 1.25"
        );
    }

    #[test]
    fn the_style_of_a_block_comes_from_its_unambiguous_values() {
        assert_eq!(number_style(["1,250", "12,5"]), NumberStyle::DecimalComma);
        assert_eq!(number_style(["1.250,75"]), NumberStyle::DecimalComma);
        assert_eq!(number_style(["1,250", "2,300"]), NumberStyle::DecimalPoint);
        assert_eq!(number_style(["1,250.5"]), NumberStyle::DecimalPoint);
    }

    #[test]
    fn one_value_shows_its_style_only_when_it_cannot_be_read_otherwise() {
        assert_eq!(written_style("12,5"), Some(NumberStyle::DecimalComma));
        assert_eq!(written_style("1.234,56"), Some(NumberStyle::DecimalComma));
        assert_eq!(written_style("1.234.567"), Some(NumberStyle::DecimalComma));
        assert_eq!(written_style("12.50"), Some(NumberStyle::DecimalPoint));
        assert_eq!(written_style("12,500.50"), Some(NumberStyle::DecimalPoint));
        assert_eq!(written_style("1,234,567"), Some(NumberStyle::DecimalPoint));
        assert_eq!(written_style("1,250"), None);
        assert_eq!(written_style("1.250"), None);
        assert_eq!(written_style("12 500"), None);
    }

    #[test]
    fn a_locale_name_gives_its_decimal_mark() {
        assert_eq!(locale_style("de_DE.UTF-8"), NumberStyle::DecimalComma);
        assert_eq!(locale_style("fr_FR"), NumberStyle::DecimalComma);
        assert_eq!(locale_style("pt_BR.UTF-8"), NumberStyle::DecimalComma);
        assert_eq!(locale_style("en_ZA.UTF-8"), NumberStyle::DecimalComma);
        assert_eq!(locale_style("en_US.UTF-8"), NumberStyle::DecimalPoint);
        assert_eq!(locale_style("en_GB"), NumberStyle::DecimalPoint);
        assert_eq!(locale_style("de_CH.UTF-8"), NumberStyle::DecimalPoint);
        assert_eq!(locale_style("es_MX"), NumberStyle::DecimalPoint);
        assert_eq!(locale_style("ja_JP.UTF-8"), NumberStyle::DecimalPoint);
        assert_eq!(locale_style("C"), NumberStyle::DecimalPoint);
        assert_eq!(locale_style(""), NumberStyle::DecimalPoint);
    }

    #[test]
    fn a_value_in_another_unit_is_refused_with_both_units_named() {
        let p = |t: &str, u: &str| parse_value("value", "value", t, u, NumberStyle::DecimalPoint);
        assert_eq!(p("45 %", "%").unwrap(), 45.0);
        assert_eq!(p("45%", "percent").unwrap(), 45.0);
        assert_eq!(p("1,200 members", "members").unwrap(), 1200.0);
        assert_eq!(p("€1,200", "€").unwrap(), 1200.0);
        let err = p("3 h", "%").unwrap_err();
        assert!(
            err.message.contains("written in h") && err.message.contains("measured in %"),
            "{}",
            err.message
        );
        let err = p("45%", "").unwrap_err();
        assert!(err.message.contains("has no unit"), "{}", err.message);
    }

    #[test]
    fn dates_in_iso_and_common_formats() {
        let r = |t: &str| read_date(t, DayOrder::DayFirst);
        assert_eq!(r("2026-03-14"), Some(d(2026, 3, 14)));
        assert_eq!(r("2026/03/14"), Some(d(2026, 3, 14)));
        assert_eq!(
            r("20260314"),
            Some(d(2026, 3, 14)),
            "Google Analytics exports"
        );
        assert_eq!(r("14/03/2026"), Some(d(2026, 3, 14)));
        assert_eq!(r("14.03.2026"), Some(d(2026, 3, 14)));
        assert_eq!(r("14 March 2026"), Some(d(2026, 3, 14)));
        assert_eq!(r("March 14, 2026"), Some(d(2026, 3, 14)));
        assert_eq!(r("14 Mar 2026"), Some(d(2026, 3, 14)));
        assert_eq!(r("2026-03-14T09:30:00Z"), Some(d(2026, 3, 14)));
        assert_eq!(r("03/04/26"), Some(d(2026, 4, 3)));
        assert_eq!(
            read_date("03/04/2026", DayOrder::MonthFirst),
            Some(d(2026, 3, 4))
        );
        assert_eq!(r("31/02/2026"), None);
        assert_eq!(r("soon"), None);
    }

    #[test]
    fn day_order_comes_from_an_unambiguous_date() {
        assert_eq!(
            day_order(["03/04/2026", "03/14/2026"]),
            (DayOrder::MonthFirst, true)
        );
        assert_eq!(
            day_order(["03/04/2026", "14/03/2026"]),
            (DayOrder::DayFirst, true)
        );
        assert_eq!(day_order(["03/04/2026"]), (DayOrder::DayFirst, false));
        assert!(is_ambiguous_date("03/04/2026"));
        assert!(!is_ambiguous_date("2026-03-04"));
    }

    #[test]
    fn values_are_written_back_readably() {
        assert_eq!(format_value(1250.0), "1,250");
        assert_eq!(format_value(12.5), "12.5");
        assert_eq!(format_value(-3.0), "-3");
        assert_eq!(format_value(0.25), "0.25");
        assert_eq!(format_value(1_234_567.891), "1,234,567.89");
        assert_eq!(with_unit(45.0, "%"), "45%");
        assert_eq!(with_unit(1200.0, "members"), "1,200 members");
    }
}
