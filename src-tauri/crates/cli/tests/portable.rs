//! `export-json`, `import` and `backup` as a user runs them, on a generated workbook holding
//! every kind of record.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::process::{Command, Output};

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
fn every_table_survives_export_import_export_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    ok(&["generate", &p("generated.groundwork")]);
    ok(&[
        "export-json",
        &p("generated.groundwork"),
        "-o",
        &p("first.json"),
    ]);

    // Generic over the schema: every table the workbook has must hold rows here, so a table
    // added later without generated records fails this test rather than going untested.
    let first = fs::read_to_string(p("first.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&first).unwrap();
    let tables = doc["tables"].as_object().unwrap();
    assert!(tables.len() >= 30, "{} tables", tables.len());
    let empty: Vec<&String> = tables
        .iter()
        .filter(|(_, rows)| rows.as_array().unwrap().is_empty())
        .map(|(name, _)| name)
        .collect();
    assert!(
        empty.is_empty(),
        "generate must fill every table so the round trip covers it; empty: {empty:?}"
    );

    ok(&["import", &p("first.json"), &p("imported.groundwork")]);
    ok(&[
        "export-json",
        &p("imported.groundwork"),
        "-o",
        &p("second.json"),
    ]);
    let second = fs::read_to_string(p("second.json")).unwrap();
    assert!(first == second, "export → import → export changed the JSON");

    // The imported workbook reads as the original does.
    let info_a = ok(&["info", &p("generated.groundwork")]);
    let info_b = ok(&["info", &p("imported.groundwork")]);
    assert_eq!(info_a, info_b);
}

#[test]
fn import_refuses_a_bad_file_listing_problems_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    ok(&["new", &p("a.groundwork"), "--name", "A"]);
    ok(&["export-json", &p("a.groundwork"), "-o", &p("a.json")]);
    let mut doc: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(p("a.json")).unwrap()).unwrap();
    doc["tables"]["profile"][0]["name"] = serde_json::json!(7);
    doc["tables"]["nonsense"] = serde_json::json!([]);
    fs::write(p("bad.json"), doc.to_string()).unwrap();

    let out = groundwork(&["import", &p("bad.json"), &p("b.groundwork")]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("$.tables.profile[0].name"), "{stderr}");
    assert!(stderr.contains("$.tables.nonsense"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!dir.path().join("b.groundwork").exists());

    // An existing workbook is replaced only with --force.
    let before = fs::read(p("a.groundwork")).unwrap();
    let out = groundwork(&["import", &p("a.json"), &p("a.groundwork")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(fs::read(p("a.groundwork")).unwrap(), before);
    ok(&["import", &p("a.json"), &p("a.groundwork"), "--force"]);
}

#[test]
fn backup_writes_a_workbook_into_the_backups_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.groundwork");
    ok(&["new", file.to_str().unwrap(), "--name", "Plan"]);
    let stdout = ok(&["backup", file.to_str().unwrap()]);
    assert!(stdout.contains("Backed up to"), "{stdout}");
    let folder = dir.path().join("backups").join("plan.groundwork");
    let backups: Vec<_> = fs::read_dir(&folder).unwrap().collect();
    assert_eq!(backups.len(), 1);
    let backup = backups[0].as_ref().unwrap().path();
    let info = ok(&["info", backup.to_str().unwrap()]);
    assert!(info.contains("Workbook:     Plan"), "{info}");
}
