//! Reading one cell as a date or a number, the way analytics exports and spreadsheets write
//! them: ISO dates, day-first and month-first dates, "Mar 14, 2026", Excel serial dates,
//! numbers with thousands separators, a decimal comma or point, and percentages.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::figures::table::Cell;
use crate::goals::values::{read_date, read_number, DayOrder, NumberStyle};

/// How dates such as 03/04/2026 are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DateReading {
    /// From the dates that say (a day above 12), else the system's habit.
    #[default]
    Auto,
    DayFirst,
    MonthFirst,
}

/// How the commas and points in numbers are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DecimalReading {
    /// From the numbers that say ("12,5" or "1.250,5"), else a point.
    #[default]
    Auto,
    /// 1,250.5
    Point,
    /// 1.250,5
    Comma,
}

/// Excel counts days from 30 December 1899. Serials outside 1954–2119 are not taken for
/// dates: a column of counts must not turn into days.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 20_000.0..=80_000.0;

fn excel_serial(n: f64) -> Option<NaiveDate> {
    if !SERIAL_RANGE.contains(&n) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    // A serial's fraction is the time of day.
    epoch.checked_add_signed(Duration::days(n.floor() as i64))
}

/// A cell of a date column as a calendar date.
pub fn date_of(cell: &Cell, order: DayOrder) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        Cell::Number(n) => excel_serial(*n),
        Cell::Text(t) => {
            let t = t.trim();
            if t.len() == 5 && t.chars().all(|c| c.is_ascii_digit()) {
                return t.parse::<f64>().ok().and_then(excel_serial);
            }
            read_date(t, order).filter(|d| (1900..=9999).contains(&d.year()))
        }
        Cell::Empty => None,
    }
}

/// A cell of a figures column as a number: "1,250", "12,5" (by `style`), "45 %", "45%".
pub fn number_of(cell: &Cell, style: NumberStyle) -> Option<f64> {
    match cell {
        Cell::Number(n) => Some(*n).filter(|n| n.is_finite()),
        Cell::Text(t) => {
            let t = t.trim();
            let t = t.strip_suffix('%').unwrap_or(t).trim_end();
            // Letters make it a word, not a figure ("about 300", "n/a").
            if t.chars().any(char::is_alphabetic) {
                return None;
            }
            read_number(&t.replace('−', "-"), style)
        }
        Cell::Date(_) | Cell::Empty => None,
    }
}

pub(crate) fn looks_like_number(text: &str) -> bool {
    number_of(&Cell::Text(text.to_owned()), NumberStyle::DecimalPoint).is_some()
}

pub(crate) fn looks_like_date(text: &str) -> bool {
    read_date(text, DayOrder::DayFirst).is_some()
}

/// The day order for a date column: the one chosen, or the one its dates show.
pub fn day_order_of<'a>(
    reading: DateReading,
    texts: impl IntoIterator<Item = &'a str>,
) -> (DayOrder, bool) {
    match reading {
        DateReading::DayFirst => (DayOrder::DayFirst, true),
        DateReading::MonthFirst => (DayOrder::MonthFirst, true),
        DateReading::Auto => crate::goals::values::day_order(texts),
    }
}

/// The number style for figures columns: the one chosen, or the one their numbers show.
pub fn number_style_of<'a>(
    reading: DecimalReading,
    texts: impl IntoIterator<Item = &'a str>,
) -> NumberStyle {
    match reading {
        DecimalReading::Point => NumberStyle::DecimalPoint,
        DecimalReading::Comma => NumberStyle::DecimalComma,
        DecimalReading::Auto => crate::goals::values::number_style(texts),
    }
}
