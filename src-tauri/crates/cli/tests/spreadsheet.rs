//! `export-xlsx` and `export-csv` as a user runs them on the example workbook.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

use calamine::{open_workbook, Data, Reader, Xlsx};

fn groundwork(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_groundwork"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let out = groundwork(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn export_xlsx_writes_every_table_and_export_csv_one() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    ok(&["example", &p("example.groundwork")]);

    let said = ok(&[
        "export-xlsx",
        &p("example.groundwork"),
        "-o",
        &p("strategy.xlsx"),
        "--date",
        "2026-05-04",
    ]);
    assert!(
        said.starts_with(&format!("Wrote {} (19 sheets, ", p("strategy.xlsx"))),
        "{said}"
    );
    let mut xlsx: Xlsx<_> = open_workbook(p("strategy.xlsx")).unwrap();
    let names = xlsx.sheet_names();
    assert_eq!(names.first().map(String::as_str), Some("Channels"));
    assert!(names.iter().any(|n| n == "Initiatives"), "{names:?}");
    let register = xlsx.worksheet_range("Stakeholders").unwrap();
    assert_eq!(register.get((0, 0)), Some(&Data::String("Name".into())));
    assert_eq!(
        register.height(),
        7,
        "a header and the example's six stakeholders"
    );

    // Dated on request: two exports for one day are the same file.
    ok(&[
        "export-xlsx",
        &p("example.groundwork"),
        "-o",
        &p("again.xlsx"),
        "--date",
        "2026-05-04",
    ]);
    assert!(std::fs::read(p("strategy.xlsx")).unwrap() == std::fs::read(p("again.xlsx")).unwrap());

    let said = ok(&[
        "export-csv",
        &p("example.groundwork"),
        "--sheet",
        "initiatives",
        "-o",
        &p("initiatives.csv"),
    ]);
    assert!(said.contains("(Initiatives, 5 rows)"), "{said}");
    let csv = std::fs::read_to_string(p("initiatives.csv")).unwrap();
    assert!(csv.starts_with("\u{FEFF}Initiative,Phase,Status,"), "{csv}");
    assert_eq!(csv.matches("\r\n").count(), 6, "{csv}");

    let out = groundwork(&[
        "export-csv",
        &p("example.groundwork"),
        "--sheet",
        "roadmap",
        "-o",
        &p("x.csv"),
    ]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("“roadmap” is not a table; choose one of channels, "),
        "{said}"
    );
    assert!(!dir.path().join("x.csv").exists());
}
