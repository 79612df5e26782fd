//! The spreadsheet export of the example workbook, read back with calamine, an independent
//! reader: every table on its own sheet, headers first, dates as dates, numbers as numbers,
//! and text that looks like a formula kept as the words typed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use groundwork_core::workbook::Workbook;
use groundwork_docs::spreadsheet::{self, SheetKind};

const HOSTILE: &str = r#"=HYPERLINK("http://x","y")"#;
const PIPE: &str = "+cmd|' /C calc'!A0";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 4).unwrap()
}

fn example() -> Workbook {
    let dir = tempfile::tempdir().unwrap();
    let store =
        groundwork_fixtures::create_example(&dir.path().join("example.groundwork"), today())
            .unwrap();
    let mut workbook = store.load_workbook().unwrap();
    workbook.stakeholders.stakeholders[0].name = HOSTILE.to_owned();
    workbook.audit.channels[0].name = PIPE.to_owned();
    workbook
}

fn read(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap()
}

fn column(range: &calamine::Range<Data>, header: &str) -> usize {
    let headers: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    headers
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header} in {headers:?}"))
}

#[test]
fn every_table_is_a_sheet_with_its_headers_and_typed_cells() {
    let workbook = example();
    let bytes = spreadsheet::xlsx(&workbook, today()).unwrap();
    let mut xlsx = read(&bytes);

    let names: Vec<&str> = SheetKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(xlsx.sheet_names(), names, "one sheet per table, in order");

    for sheet in spreadsheet::sheets(&workbook, today()) {
        let range = xlsx.worksheet_range(sheet.name()).unwrap();
        let headers: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect();
        let expected: Vec<&str> = sheet.columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(headers, expected, "{}: the header row", sheet.name());
        // The example's interviews keep notes and quotes, not answers to a guide.
        assert!(
            !sheet.rows.is_empty() || sheet.kind == SheetKind::InterviewAnswers,
            "{}: the example fills the table, so the sheet has rows to check",
            sheet.name()
        );
        assert_eq!(
            range.height(),
            sheet.rows.len() + 1,
            "{}: every row written",
            sheet.name()
        );
        for row in &sheet.rows {
            assert_eq!(
                row.len(),
                sheet.columns.len(),
                "{}: a row as long as the header",
                sheet.name()
            );
        }
        let formulas = xlsx.worksheet_formula(sheet.name()).unwrap();
        assert!(
            formulas.cells().all(|(_, _, f)| f.is_empty()),
            "{}: no cell is a formula",
            sheet.name()
        );
    }

    let register = xlsx.worksheet_range("Stakeholders").unwrap();
    assert_eq!(
        register.get((1, column(&register, "Name"))),
        Some(&Data::String(HOSTILE.to_owned())),
        "a name that looks like a formula is a string cell"
    );
    assert!(matches!(
        register.get((1, column(&register, "Influence (1–5)"))),
        Some(Data::Float(_))
    ));

    let channels = xlsx.worksheet_range("Channels").unwrap();
    assert_eq!(channels.get((1, 0)), Some(&Data::String(PIPE.to_owned())));

    let kpis = xlsx.worksheet_range("KPIs").unwrap();
    let target_date = kpis.get((1, column(&kpis, "Target date"))).unwrap();
    let Data::DateTime(date) = target_date else {
        panic!("a date cell is an Excel date, not {target_date:?}");
    };
    assert!(date.is_datetime());
    let first = &workbook.goals.kpis[0];
    let serial = (first.target_date - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days();
    assert_eq!(date.as_f64(), serial as f64, "the KPI's target date");
    assert_eq!(
        kpis.get((1, column(&kpis, "Target"))),
        Some(&Data::Float(first.target_value)),
        "a number cell is a number"
    );

    let initiatives = xlsx.worksheet_range("Initiatives").unwrap();
    let budget = column(&initiatives, "Budget");
    let currency = column(&initiatives, "Currency");
    let budgeted = initiatives
        .rows()
        .skip(1)
        .find(|r| matches!(r[budget], Data::Float(_)))
        .expect("the example budgets an initiative");
    assert!(matches!(budgeted[currency], Data::String(ref c) if c.len() == 3));
}

#[test]
fn the_same_workbook_gives_the_same_bytes() {
    let workbook = example();
    let a = spreadsheet::xlsx(&workbook, today()).unwrap();
    let b = spreadsheet::xlsx(&workbook, today()).unwrap();
    assert!(a == b, "two exports of one workbook differ");
}

#[test]
fn a_sheet_as_csv_keeps_hostile_text_inert() {
    let workbook = example();
    let csv = spreadsheet::csv(&workbook, today(), SheetKind::Stakeholders).unwrap();
    assert!(csv.starts_with("\u{FEFF}Name,Role,"), "{}", &csv[..40]);
    assert!(
        csv.contains(r#""'=HYPERLINK(""http://x"",""y"")""#),
        "the formula-like name is quoted and starts with an apostrophe"
    );
    let lines = csv.split("\r\n").filter(|l| !l.is_empty()).count();
    assert!(
        lines > workbook.stakeholders.stakeholders.len(),
        "header and one line per stakeholder at least"
    );
}

#[test]
fn a_generated_workbook_fills_every_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let mut store =
        groundwork_fixtures::create_example(&dir.path().join("g.groundwork"), today()).unwrap();
    groundwork_fixtures::fill(&mut store, groundwork_fixtures::Size::REALISTIC, 7).unwrap();
    let workbook = store.load_workbook().unwrap();
    let sheets = spreadsheet::sheets(&workbook, today());
    for sheet in &sheets {
        assert!(!sheet.rows.is_empty(), "{}: no rows", sheet.name());
        for row in &sheet.rows {
            assert_eq!(row.len(), sheet.columns.len(), "{}", sheet.name());
        }
    }
    let bytes = spreadsheet::xlsx(&workbook, today()).unwrap();
    let mut xlsx = read(&bytes);
    let answers = xlsx.worksheet_range("Interview answers").unwrap();
    assert_eq!(
        answers.height(),
        sheets[SheetKind::InterviewAnswers as usize].rows.len() + 1
    );
}
