//! One sheet as CSV: UTF-8 with a byte order mark so that Excel reads accents, comma-separated,
//! quoted where needed, lines ended with CRLF (RFC 4180).

use super::{Cell, Sheet};
use crate::DocsError;

/// A text cell starting with one of these is taken for a formula by spreadsheet programs;
/// it gets a leading apostrophe (OWASP's advice on CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The sheet as CSV text, header first.
pub fn write_csv(sheet: &Sheet) -> Result<String, DocsError> {
    let failed = |e: &dyn std::fmt::Display| DocsError::Spreadsheet(e.to_string());
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    out.write_record(sheet.columns.iter().map(|c| defused(&c.header)))
        .map_err(|e| failed(&e))?;
    for row in &sheet.rows {
        out.write_record(row.iter().map(field))
            .map_err(|e| failed(&e))?;
    }
    let bytes = out.into_inner().map_err(|e| failed(&e))?;
    let text = String::from_utf8(bytes).map_err(|e| failed(&e))?;
    Ok(format!("\u{FEFF}{text}"))
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => defused(text),
        Cell::Number(n) if n.is_finite() => n.to_string(),
        Cell::Amount { value, decimals } if value.is_finite() => {
            format!("{value:.*}", usize::from(*decimals))
        }
        Cell::Date(day) => day.format("%Y-%m-%d").to_string(),
        Cell::Number(_) | Cell::Amount { .. } | Cell::Empty => String::new(),
    }
}

/// Text as typed, with an apostrophe before it when it would start a formula.
fn defused(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spreadsheet::{Column, SheetKind};
    use chrono::NaiveDate;

    fn sheet(rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            kind: SheetKind::Stakeholders,
            columns: vec![Column::new("Name", 10.0), Column::new("Figure", 10.0)],
            rows,
        }
    }

    #[test]
    fn text_that_would_be_a_formula_gets_an_apostrophe_and_numbers_do_not() {
        let csv = write_csv(&sheet(vec![
            vec![
                Cell::text(r#"=HYPERLINK("http://x","y")"#),
                Cell::Number(-5.0),
            ],
            vec![Cell::text("+cmd|' /C calc'!A0"), Cell::Number(0.25)],
            vec![Cell::text("-2+3"), Cell::Empty],
            vec![Cell::text("@SUM(A1)"), Cell::text("\tx")],
            vec![Cell::text("\rx"), Cell::text("a - b = c")],
        ]))
        .unwrap();
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "\u{FEFF}Name,Figure", "a BOM, then the header");
        assert_eq!(lines[1], r#""'=HYPERLINK(""http://x"",""y"")",-5"#);
        assert_eq!(lines[2], "'+cmd|' /C calc'!A0,0.25");
        assert_eq!(lines[3], "'-2+3,");
        assert_eq!(lines[4], "'@SUM(A1),'\tx");
        assert_eq!(lines[5], "\"'\rx\",a - b = c", "a CR inside is quoted");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_and_accents_kept() {
        let csv = write_csv(&sheet(vec![
            vec![
                Cell::text("Zoë, “the lead”"),
                Cell::Amount {
                    value: 1250.5,
                    decimals: 2,
                },
            ],
            vec![
                Cell::text("say \"hi\"\nthen go"),
                Cell::Date(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()),
            ],
        ]))
        .unwrap();
        assert!(csv.starts_with('\u{FEFF}'));
        assert!(csv.contains("\"Zoë, “the lead”\",1250.50\r\n"), "{csv}");
        assert!(
            csv.contains("\"say \"\"hi\"\"\nthen go\",2026-03-01\r\n"),
            "{csv}"
        );
    }
}
