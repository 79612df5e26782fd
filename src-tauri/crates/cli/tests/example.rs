//! `groundwork example` writes a finished strategy that exports every document.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

fn run(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_groundwork"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "groundwork {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn pdf_text(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_example_workbook_exports_all_four_documents() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("example.groundwork");
    run(&["example", file.to_str().unwrap()]);

    let info = String::from_utf8_lossy(&run(&["info", file.to_str().unwrap()]).stdout).into_owned();
    assert!(info.contains("Fernhill Cargo Bikes"), "{info}");

    let expected: [(&str, &[&str]); 4] = [
        (
            "full",
            &[
                "Fernhill",
                "Members answer each other first",
                "A frame defect rumour spreads",
                "Hedda Brunvoll",
            ],
        ),
        (
            "roadmap",
            &["Fernhill", "Median first response on the forum"],
        ),
        ("crisis", &["A frame defect rumour spreads", "Maren Oduya"]),
        (
            "audit",
            &[
                "Fernhill Riders forum",
                "Nobody from Fernhill has ever said thank you",
            ],
        ),
    ];
    for (document, phrases) in expected {
        let pdf = dir.path().join(format!("{document}.pdf"));
        run(&[
            "pdf",
            file.to_str().unwrap(),
            "--document",
            document,
            "-o",
            pdf.to_str().unwrap(),
        ]);
        let text = pdf_text(&pdf);
        // pdftotext may break a long line; compare with whitespace collapsed.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for phrase in phrases {
            assert!(
                flat.contains(phrase),
                "the {document} document lacks “{phrase}”:\n{text}"
            );
        }
    }

    let again = Command::new(env!("CARGO_BIN_EXE_groundwork"))
        .args(["example", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        !again.status.success(),
        "an existing file is never replaced"
    );
}
