//! Measurements: a KPI's actual value on a date, typed by hand or pasted as two columns from a
//! spreadsheet or an analytics export. A KPI has at most one measurement per date.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::figures::delimited;
use crate::figures::table::{Cell, SourceRow};
use crate::goals::values::{
    day_order, is_ambiguous_date, number_style, parse_date, parse_value, read_date, with_unit,
    DayOrder, NumberStyle,
};
use crate::text::date as day;
use crate::text::optional_line;
use crate::Invalid;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Measurement {
    pub id: Uuid,
    pub kpi_id: Uuid,
    pub measured_on: NaiveDate,
    pub value: f64,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

/// A measurement as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct MeasurementEdit {
    pub measured_on: String,
    pub value: String,
    pub note: String,
}

fn future(field: &str, d: NaiveDate, today: NaiveDate) -> Invalid {
    Invalid::field(
        field,
        format!(
            "{} is after today ({}): a measurement records a value already seen. Choose today or an earlier date.",
            day(d),
            day(today)
        ),
    )
}

impl MeasurementEdit {
    /// Reads the form for a KPI measured in `unit`. `others` are the KPI's other measurements
    /// (not the one being edited), so a second value for the same date is refused.
    pub fn validated(
        &self,
        unit: &str,
        today: NaiveDate,
        others: &[Measurement],
    ) -> Result<(NaiveDate, f64, String), Invalid> {
        let on = parse_date("measuredOn", "date", &self.measured_on)?;
        if on > today {
            return Err(future("measuredOn", on, today));
        }
        let value = parse_value(
            "value",
            "value",
            &self.value,
            unit,
            number_style([self.value.as_str()]),
        )?;
        if let Some(m) = others.iter().find(|m| m.measured_on == on) {
            return Err(Invalid::field(
                "measuredOn",
                format!(
                    "There is already a measurement for {} ({}). Change that one, or choose another date.",
                    day(on),
                    with_unit(m.value, unit)
                ),
            ));
        }
        Ok((on, value, optional_line("note", "note", &self.note)?))
    }
}

/// A line of a pasted block that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PasteProblem {
    /// 1-based, as a person counts the lines they pasted.
    pub line: u32,
    pub text: String,
    pub message: String,
}

/// A good row of a pasted block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PastedRow {
    pub line: u32,
    pub measured_on: NaiveDate,
    pub value: f64,
    /// The measurement this row replaces (same date, another value), when replacing.
    pub replaces: Option<Uuid>,
}

/// What a pasted block holds, before or after it is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PasteReport {
    /// Rows to add or replace (after an import: the rows added or replaced).
    pub rows: Vec<PastedRow>,
    /// Rows whose date already holds the same value.
    pub unchanged: u32,
    pub skipped_header: bool,
    pub problems: Vec<PasteProblem>,
    /// How ambiguous text was read ("03/04/2026 read as 3 April 2026").
    pub notes: Vec<String>,
    /// One sentence: what was (or will be) imported and what was not.
    pub summary: String,
}

/// A pasted row's cells as text, read by the same reader as files (delimiter found by looking,
/// double quotes grouping a cell: "1,250").
fn cells(row: &SourceRow, delimiter: u8) -> Vec<String> {
    let mut out: Vec<String> = row.cells.iter().map(Cell::text).collect();
    // An unquoted "2026-03-01,1,250" is a date and a value with a thousands separator in it;
    // "2026-03-14,1200,350" is three columns, and stays three so the row is refused.
    if delimiter == b',' && out.len() > 2 && thousands_groups(&out[1..]) {
        let value = out[1..].join(",");
        out.truncate(1);
        out.push(value);
    }
    while out.len() > 2 && out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// Whether the cells after the date are one number cut at its thousands separators: a
/// first group of one to three digits (a sign allowed), then groups of exactly three digits
/// (the last may carry decimals or a unit, "250.5 %").
fn thousands_groups(cells: &[String]) -> bool {
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let Some((first, rest)) = cells.split_first() else {
        return false;
    };
    let first = first.trim_start_matches(['-', '+', '−']);
    let first_ok = (1..=3).contains(&first.len()) && digits(first);
    let last = rest.len().saturating_sub(1);
    first_ok
        && rest.iter().enumerate().all(|(i, group)| {
            let head: String = group.chars().take(3).collect();
            let tail = &group[head.len()..];
            head.len() == 3
                && digits(&head)
                && (tail.is_empty()
                    || (i == last && !tail.starts_with(|c: char| c.is_ascii_digit())))
        })
}

/// Reads a pasted block of (date, value) rows for a KPI measured in `unit`. Good rows are kept
/// and bad ones listed with their line numbers; nothing is written here.
pub fn read_block(
    text: &str,
    unit: &str,
    today: NaiveDate,
    existing: &[Measurement],
    replace_existing: bool,
) -> PasteReport {
    let delimiter = delimited::sniff(text);
    let raw: Vec<&str> = text.lines().collect();
    let lines: Vec<(u32, &str, Vec<String>)> = delimited::rows(text, delimiter, usize::MAX)
        .0
        .iter()
        .map(|row| {
            let line = raw.get(row.line as usize - 1).copied().unwrap_or_default();
            (row.line, line, cells(row, delimiter))
        })
        .filter(|(_, l, cells)| {
            !l.trim_start().starts_with('#') && cells.iter().any(|c| !c.is_empty())
        })
        .collect();
    let style = number_style(
        lines
            .iter()
            .filter_map(|(_, _, c)| c.get(1).map(String::as_str)),
    );
    let (order, certain) = day_order(
        lines
            .iter()
            .filter_map(|(_, _, c)| c.first().map(String::as_str)),
    );
    let mut report = PasteReport {
        rows: Vec::new(),
        unchanged: 0,
        skipped_header: false,
        problems: Vec::new(),
        notes: Vec::new(),
        summary: String::new(),
    };
    if style == NumberStyle::DecimalComma {
        report.notes.push("Commas were read as decimal marks (12,5 is twelve and a half), as the pasted values use them that way.".into());
    }
    let mut ambiguous_seen = false;
    for (index, (line, raw, row)) in lines.iter().enumerate() {
        let problem = |message: String| PasteProblem {
            line: *line,
            text: raw.trim().to_owned(),
            message,
        };
        let date_text = row.first().map_or("", String::as_str);
        let value_text = row.get(1).map_or("", String::as_str);
        let date = read_date(date_text, order);
        if date.is_none()
            && index == 0
            && parse_value("value", "value", value_text, unit, style).is_err()
        {
            report.skipped_header = true;
            continue;
        }
        let Some(date) = date else {
            report.problems.push(problem(format!(
                "“{date_text}” is not a date Groundwork can read. Write dates as 2026-03-14, 14/03/2026 or 14 March 2026."
            )));
            continue;
        };
        if row.len() < 2 || value_text.is_empty() {
            report.problems.push(problem(
                "There is no value after the date. Paste two columns: the date, then the value."
                    .into(),
            ));
            continue;
        }
        if row.len() > 2 {
            report.problems.push(problem(format!(
                "This line has {} columns ({}); a measurement is a date and one value. Copy only those two columns from the spreadsheet.",
                row.len(),
                row.join(" | ")
            )));
            continue;
        }
        let value = match parse_value("value", "value", value_text, unit, style) {
            Ok(v) => v,
            Err(e) => {
                report.problems.push(problem(e.message));
                continue;
            }
        };
        if date > today {
            report
                .problems
                .push(problem(future("", date, today).message));
            continue;
        }
        if is_ambiguous_date(date_text) && !ambiguous_seen {
            ambiguous_seen = true;
            let reading = if order == DayOrder::DayFirst {
                "day/month/year"
            } else {
                "month/day/year"
            };
            let why = if certain {
                "as other dates in the block show"
            } else {
                "the order your system writes dates in"
            };
            report.notes.push(format!(
                "Dates such as {date_text} were read as {reading} ({}), {why}.",
                day(date)
            ));
        }
        if let Some(earlier) = report.rows.iter().find(|r| r.measured_on == date) {
            report.problems.push(problem(format!(
                "{} appears twice; line {} was kept. Remove one of the two lines.",
                day(date),
                earlier.line
            )));
            continue;
        }
        match existing.iter().find(|m| m.measured_on == date) {
            Some(m) if m.value == value => report.unchanged += 1,
            Some(m) if !replace_existing => report.problems.push(problem(format!(
                "{} already has a measurement of {}; this line says {}. Tick “Replace values already measured” to take the pasted value.",
                day(date),
                with_unit(m.value, unit),
                with_unit(value, unit)
            ))),
            found => report.rows.push(PastedRow { line: *line, measured_on: date, value, replaces: found.map(|m| m.id) }),
        }
    }
    report.summary = summary(&report);
    report
}

fn summary(r: &PasteReport) -> String {
    if r.rows.is_empty() && r.problems.is_empty() && r.unchanged == 0 {
        return "Nothing to import: no line holds a date and a value.".to_owned();
    }
    let count = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let replacing = r.rows.iter().filter(|x| x.replaces.is_some()).count();
    let mut parts = vec![count(
        r.rows.len() - replacing,
        "new measurement",
        "new measurements",
    )];
    if replacing > 0 {
        parts.push(count(replacing, "replaced value", "replaced values"));
    }
    if r.unchanged > 0 {
        parts.push(count(
            r.unchanged as usize,
            "already there",
            "already there",
        ));
    }
    if !r.problems.is_empty() {
        parts.push(count(
            r.problems.len(),
            "line not imported (see below)",
            "lines not imported (see below)",
        ));
    }
    let mut s = parts.join(", ");
    s.push('.');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn existing(on: NaiveDate, value: f64) -> Measurement {
        Measurement {
            id: Uuid::now_v7(),
            kpi_id: Uuid::nil(),
            measured_on: on,
            value,
            note: String::new(),
            created_at: Utc::now(),
        }
    }

    #[test]
    fn a_spreadsheet_block_with_a_header_and_bad_rows_keeps_the_good_rows() {
        let text = "Date\tActive members\n2026-01-31\t1,250\n2026-02-28\tabout 1300\n\n2026-03-31\t1 410\nnot a date\t5\n2026-04-30\n";
        let r = read_block(text, "members", d(6, 1), &[], false);
        assert!(r.skipped_header);
        let got: Vec<(u32, f64)> = r.rows.iter().map(|x| (x.line, x.value)).collect();
        assert_eq!(got, [(2, 1250.0), (5, 1410.0)]);
        let lines: Vec<u32> = r.problems.iter().map(|p| p.line).collect();
        assert_eq!(
            lines,
            [3, 6, 7],
            "bad rows are listed with the line numbers the person pasted"
        );
        assert!(
            r.problems[0].message.contains("not a number"),
            "{}",
            r.problems[0].message
        );
        assert_eq!(
            r.summary,
            "2 new measurements, 3 lines not imported (see below)."
        );
    }

    #[test]
    fn csv_and_semicolon_exports_with_their_number_habits() {
        let csv = "date,value\n2026-01-31,\"1,250\"\n2026-02-28,1,300\n";
        let r = read_block(csv, "", d(6, 1), &[], false);
        assert_eq!(
            r.rows.iter().map(|x| x.value).collect::<Vec<_>>(),
            [1250.0, 1300.0]
        );
        let semi = "Datum;Wert\n31.01.2026;12,5\n28.02.2026;1.250,75\n";
        let r = read_block(semi, "", d(6, 1), &[], false);
        assert_eq!(
            r.rows.iter().map(|x| x.value).collect::<Vec<_>>(),
            [12.5, 1250.75]
        );
        assert_eq!(r.rows[0].measured_on, d(1, 31));
        assert!(!r.notes.is_empty(), "the decimal-comma reading is reported");
        let ga = "# Analytics export\nDay Index,Users\n20260301,410\n20260302,395\n";
        let r = read_block(ga, "", d(6, 1), &[], false);
        assert_eq!(r.rows.len(), 2);
    }

    #[test]
    fn three_columns_are_refused_and_a_thousands_separator_is_not_a_column() {
        let r = read_block(
            "2026-03-14,1200,350\n2026-03-15,1,250\n2026-03-16,\"1,300\"\n2026-03-17,2,400.5",
            "",
            d(3, 31),
            &[],
            false,
        );
        let values: Vec<f64> = r.rows.iter().map(|row| row.value).collect();
        assert_eq!(values, vec![1250.0, 1300.0, 2400.5]);
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert_eq!(r.problems[0].line, 1);
        assert!(
            r.problems[0]
                .message
                .contains("3 columns (2026-03-14 | 1200 | 350)"),
            "{}",
            r.problems[0].message
        );
    }

    #[test]
    fn a_block_without_rows_says_so() {
        let r = read_block("Date\tValue\n\n", "", d(6, 1), &[], false);
        assert_eq!(
            r.summary,
            "Nothing to import: no line holds a date and a value."
        );
    }

    #[test]
    fn us_dates_are_recognised_from_one_unambiguous_date() {
        let r = read_block("03/04/2026\t10\n03/14/2026\t12\n", "", d(6, 1), &[], false);
        assert_eq!(r.rows[0].measured_on, d(3, 4));
        assert!(
            r.notes.iter().any(|n| n.contains("month/day/year")),
            "{:?}",
            r.notes
        );
    }

    #[test]
    fn duplicate_dates_within_the_block_and_with_existing_measurements() {
        let have = [existing(d(1, 31), 1250.0), existing(d(2, 28), 1300.0)];
        let text = "2026-01-31\t1250\n2026-02-28\t1320\n2026-03-31\t1400\n2026-03-31\t1450\n";
        let r = read_block(text, "", d(6, 1), &have, false);
        assert_eq!(
            r.unchanged, 1,
            "the same value for the same date is already there"
        );
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.problems.len(), 2);
        assert!(
            r.problems[0]
                .message
                .contains("already has a measurement of 1,300"),
            "{}",
            r.problems[0].message
        );
        assert!(
            r.problems[1].message.contains("line 3 was kept"),
            "{}",
            r.problems[1].message
        );
        let r = read_block(text, "", d(6, 1), &have, true);
        assert_eq!(
            r.rows[0].replaces,
            Some(have[1].id),
            "replacing is explicit"
        );
    }

    #[test]
    fn future_dates_and_mixed_units_are_refused() {
        let r = read_block("2026-07-01\t5\n2026-05-01\t3 h\n", "%", d(6, 1), &[], false);
        assert!(r.rows.is_empty());
        assert!(r.problems[0].message.contains("after today"));
        assert!(
            r.problems[1].message.contains("measured in %"),
            "{}",
            r.problems[1].message
        );
    }

    #[test]
    fn a_typed_measurement_for_a_date_already_measured_is_refused() {
        let edit = MeasurementEdit {
            measured_on: "2026-01-31".into(),
            value: "12".into(),
            note: String::new(),
        };
        let err = edit
            .validated("", d(6, 1), &[existing(d(1, 31), 10.0)])
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("measuredOn"));
        assert!(
            err.message
                .replace('\u{a0}', " ")
                .contains("already a measurement for 31 Jan 2026 (10)"),
            "{}",
            err.message
        );
        let err = MeasurementEdit {
            value: "twelve".into(),
            ..edit.clone()
        }
        .validated("", d(6, 1), &[])
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("value"));
        assert!(edit.validated("", d(6, 1), &[]).is_ok());
    }
}
