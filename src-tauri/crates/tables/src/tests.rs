//! Sample files written here, in the shapes analytics tools and spreadsheets produce.

use chrono::NaiveDate;
use groundwork_core::figures::table::Cell;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

use crate::{read_bytes, table_from_text, TableError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn message(e: TableError) -> String {
    let TableError::Unreadable(m) = e;
    m
}

#[test]
fn a_utf8_csv_with_a_byte_order_mark_and_quoted_thousands() {
    let bytes = "\u{feff}Date,Channel,Members\r\n2026-03-01,\"Maker Forum, EU\",\"1,250\"\r\n2026-03-02,Discord,980\r\n";
    let read = read_bytes(bytes.as_bytes(), "members.csv", None).unwrap();
    assert_eq!(read.table.headers, ["Date", "Channel", "Members"]);
    assert_eq!(read.table.rows[0].cells[1], text("Maker Forum, EU"));
    assert_eq!(read.table.rows[0].cells[2], text("1,250"));
    assert_eq!(read.table.rows[1].line, 3);
    assert_eq!(read.format, "UTF-8 text, separated by commas");
}

#[test]
fn utf16_tab_separated_text_as_spreadsheet_programs_save_unicode_text() {
    let content = "Datum\tKanal\tMitglieder\n14.03.2026\tÜbersicht – Forum\t1.250\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in content.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let read = read_bytes(&bytes, "export.txt", None).unwrap();
    assert_eq!(read.table.rows[0].cells[1], text("Übersicht – Forum"));
    assert!(
        read.format.starts_with("UTF-16 text, separated by tabs"),
        "{}",
        read.format
    );
    // Without the byte order mark too.
    let read = read_bytes(&bytes[2..], "export.txt", None).unwrap();
    assert_eq!(read.table.rows[0].cells[0], text("14.03.2026"));
}

#[test]
fn windows_1252_with_semicolons_and_decimal_commas() {
    // "Café" and "€" in Windows-1252; commas inside the numbers must not split columns.
    let mut bytes = b"Datum;Kanal;Stimmung\n01.03.2026;Caf".to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b" ");
    bytes.push(0x80);
    bytes.extend_from_slice(b";4,5\n02.03.2026;Forum;3,5\n");
    let read = read_bytes(&bytes, "stimmung.csv", None).unwrap();
    assert_eq!(
        read.table.rows[0].cells,
        [text("01.03.2026"), text("Café €"), text("4,5")]
    );
    assert_eq!(read.format, "Windows-1252 text, separated by semicolons");
}

#[test]
fn files_that_are_not_tables_get_a_sentence() {
    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 1, 2, 0, 0,
    ];
    let m = message(read_bytes(&png, "figures.csv", None).unwrap_err());
    assert!(m.contains("binary data"), "{m}");
    let m = message(read_bytes(b"", "empty.csv", None).unwrap_err());
    assert!(m.contains("is empty"), "{m}");
    let m = message(read_bytes(b"Date,Members\n", "header.csv", None).unwrap_err());
    assert!(m.contains("no rows of figures"), "{m}");
    let m = message(read_bytes(b"PK\x03\x04 not really a zip", "broken.xlsx", None).unwrap_err());
    assert!(m.contains("not a spreadsheet"), "{m}");
}

#[test]
fn a_file_with_more_rows_than_can_be_imported_is_refused_whole() {
    let mut csv = String::from("Date,Members\n");
    for i in 0..(crate::MAX_ROWS + 5) {
        csv.push_str(&format!("2026-01-01,{i}\n"));
    }
    let m = message(read_bytes(csv.as_bytes(), "huge.csv", None).unwrap_err());
    assert!(m.contains("more than 250,000 rows"), "{m}");
}

#[test]
fn a_pasted_block_is_read_by_the_same_reader() {
    let t = table_from_text("2026-03-14\t1200\t350\n2026-03-15\t1210\t360\n");
    assert_eq!(t.rows[0].cells.len(), 3);
    let t = table_from_text("2026-03-14,\"1,250\"\n");
    assert_eq!(t.rows[0].cells[1], text("1,250"));
}

fn xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes
        .write_string(0, 0, "Exported by a forum tool")
        .unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Figures").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    // A title merged across the columns above the table, as report exports have.
    sheet
        .merge_range(0, 0, 0, 2, "Community report", &Format::new())
        .unwrap();
    for (c, h) in ["Date", "Members", "Active"].iter().enumerate() {
        sheet
            .write_string(2, u16::try_from(c).unwrap(), *h)
            .unwrap();
    }
    sheet
        .write_datetime_with_format(3, 0, ExcelDateTime::from_ymd(2026, 3, 1).unwrap(), &date)
        .unwrap();
    sheet.write_number(3, 1, 1200).unwrap();
    sheet
        .write_formula(3, 2, Formula::new("=B4/4").set_result("300"))
        .unwrap();
    sheet.write_string(4, 0, "Mar 2, 2026").unwrap();
    sheet.write_number(4, 1, 1210).unwrap();
    sheet
        .write_string(4, 2, "=HYPERLINK(\"http://x\",\"y\")")
        .unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_keeps_dates_numbers_and_formula_results_and_offers_its_sheets() {
    let bytes = xlsx();
    let first = read_bytes(&bytes, "report.xlsx", None).unwrap();
    assert_eq!(first.sheets, ["Notes", "Figures"]);
    assert_eq!(
        first.sheet.as_deref(),
        Some("Figures"),
        "the first sheet with figures"
    );
    let read = read_bytes(&bytes, "report.xlsx", Some("Figures")).unwrap();
    // The merged title above the header is dropped.
    let t = &read.table;
    assert_eq!(t.headers, ["Date", "Members", "Active"]);
    let rows: Vec<&Vec<Cell>> = t.rows.iter().map(|r| &r.cells).collect();
    let data = rows
        .iter()
        .position(|r| r[0] == Cell::Date(d(2026, 3, 1)))
        .unwrap();
    assert_eq!(rows[data][1], Cell::Number(1200.0));
    assert_eq!(rows[data][2], Cell::Number(300.0));
    assert_eq!(rows[data + 1][2], text("=HYPERLINK(\"http://x\",\"y\")"));
    assert_eq!(
        t.rows[data].line, 4,
        "spreadsheet row numbers as the program shows them"
    );
    let m = message(read_bytes(&bytes, "report.xlsx", Some("Budget")).unwrap_err());
    assert!(
        m.contains("no sheet “Budget”") && m.contains("Notes, Figures"),
        "{m}"
    );
}
