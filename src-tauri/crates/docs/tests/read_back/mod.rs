//! What the tests that read the documents back share: the day they are made on, the example
//! workbook, export options, poppler's `pdftotext`, and keeping the PDFs to look at.

// A test helper's failure is the test's failure.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use groundwork_core::documents::{Document, ExportOptions};
use groundwork_core::workbook::Workbook;

/// The day every document of these tests is made on, so their bytes never depend on the clock.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 16).unwrap()
}

/// Whether poppler's `pdftotext` is installed; says how to install it when it is not.
pub fn pdftotext_present() -> bool {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok();
    if !ok {
        eprintln!("SKIPPED: poppler-utils is needed to read the PDFs back (apt-get install poppler-utils)");
    }
    ok
}

/// The built-in example workbook, made on `today()`.
pub fn example() -> Workbook {
    let dir = tempfile::tempdir().unwrap();
    let store =
        groundwork_fixtures::create_example(&dir.path().join("example.groundwork"), today())
            .unwrap();
    store.load_workbook().unwrap()
}

/// Options for `document` dated `today()`.
pub fn options(document: Document) -> ExportOptions {
    let mut o = ExportOptions::new(document);
    o.date = Some(today());
    o
}

/// The text `pdftotext` reads from `bytes`, with its extra arguments (`-layout`, `-f 3`…).
pub fn pdftotext(bytes: &[u8], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .args(args)
        .arg(Path::new(&path))
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// With `GROUNDWORK_DOCS_OUT=<folder>` set, writes the PDF there as `file`, to be looked at
/// (`pdftoppm -r 60 -png`).
pub fn keep(file: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("GROUNDWORK_DOCS_OUT") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(file), bytes).unwrap();
    }
}
