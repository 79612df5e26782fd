//! The `groundwork` command as a user runs it: real process, real files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::process::{Command, Output};

fn groundwork(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_groundwork"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn new_then_info_shows_the_profile_and_step_counts() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.groundwork");
    let file = file.to_str().unwrap();
    let out = groundwork(&[
        "new",
        file,
        "--name",
        "Makers 社区",
        "--organisation",
        "Northwind",
    ]);
    assert!(out.status.success(), "new failed: {}", text(&out.stderr));

    let out = groundwork(&["info", file]);
    assert!(out.status.success(), "info failed: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Workbook:     Makers 社区"), "{stdout}");
    assert!(stdout.contains("Organisation: Northwind"), "{stdout}");
    for step in [
        "Community audit",
        "Stakeholders and interviews",
        "Goals and KPIs",
        "Crisis plan",
        "Roadmap",
    ] {
        assert!(stdout.contains(step), "missing step {step} in {stdout}");
    }
}

#[test]
fn new_adds_the_extension_and_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("plan");
    let out = groundwork(&["new", bare.to_str().unwrap(), "--name", "Plan"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.path().join("plan.groundwork").exists());

    let existing = dir.path().join("keep.groundwork");
    fs::write(&existing, b"keep me").unwrap();
    let out = groundwork(&["new", existing.to_str().unwrap(), "--name", "X"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("already exists"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read(&existing).unwrap(), b"keep me");
}

#[test]
fn errors_are_one_clear_line_on_stderr_with_a_failing_exit() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_workbook = dir.path().join("notes.groundwork");
    fs::write(&not_a_workbook, "hello").unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "new".into(),
                dir.path().join("e.groundwork").display().to_string(),
                "--name".into(),
                "   ".into(),
            ],
            "workbook name is empty",
        ),
        (
            vec![
                "new".into(),
                dir.path().join("n.txt").display().to_string(),
                "--name".into(),
                "N".into(),
            ],
            "workbooks end in .groundwork",
        ),
        (
            vec!["info".into(), not_a_workbook.display().to_string()],
            "not a Groundwork workbook",
        ),
        (
            vec![
                "info".into(),
                dir.path().join("missing.groundwork").display().to_string(),
            ],
            "There is no workbook",
        ),
    ];
    for (args, expected) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = groundwork(&args);
        let stderr = text(&out.stderr);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        vec!["--help"],
        vec!["new", "--help"],
        vec!["info", "--help"],
    ] {
        let out = groundwork(&sub);
        assert!(out.status.success(), "{sub:?}");
        assert!(text(&out.stdout).contains("Usage:"), "{sub:?}");
    }
}

#[test]
fn pdf_writes_a_document_that_holds_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.groundwork");
    let file = file.to_str().unwrap();
    assert!(groundwork(&[
        "new",
        file,
        "--name",
        "Makers Guild",
        "--organisation",
        "Northwind"
    ])
    .status
    .success());
    for (document, paper) in [
        ("full", "a4"),
        ("roadmap", "letter"),
        ("crisis", "a4"),
        ("audit", "a4"),
    ] {
        let pdf = dir.path().join(format!("{document}.pdf"));
        let out = groundwork(&[
            "pdf",
            file,
            "--document",
            document,
            "--paper",
            paper,
            "-o",
            pdf.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{document}: {}", text(&out.stderr));
        let bytes = fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{document} is a PDF");
        let extracted = Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output();
        if let Ok(extracted) = extracted {
            let extracted = text(&extracted.stdout);
            assert!(
                extracted.contains("Makers Guild"),
                "{document}: {extracted}"
            );
        }
    }
    let out = groundwork(&["pdf", file, "--document", "brochure", "-o", "x.pdf"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("full"),
        "lists the documents: {}",
        text(&out.stderr)
    );
}
