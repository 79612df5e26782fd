//! The portable JSON format: lossless round trips, and imports that check everything first and
//! write nothing when anything is wrong.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

use groundwork_core::profile::ProfileEdit;
use groundwork_store::{import_json, ImportError, ImportProblem, Store, StoreError};
use serde_json::{json, Value};

/// A small workbook with a profile written in several scripts and markup.
fn small_workbook(dir: &Path) -> Store {
    let mut store =
        Store::create(&dir.join("small.groundwork"), "Makers 社区", "Northwind").unwrap();
    let edit = ProfileEdit {
        purpose: "Help makers <b>help</b> each other.\n\n  Ελληνικά 🚀 \"quoted\"".into(),
        ..ProfileEdit::from(&store.profile().unwrap())
    };
    store.update_profile(&edit).unwrap();
    store
}

fn problems(err: ImportError) -> Vec<ImportProblem> {
    match err {
        ImportError::Refused(problems) => problems,
        ImportError::Store(e) => panic!("expected problems, got {e}"),
    }
}

/// Entries of a folder, to prove an import that failed left nothing behind.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn export_import_export_is_byte_identical_and_opens() {
    let dir = tempfile::tempdir().unwrap();
    let store = small_workbook(dir.path());
    let first = store.export_json().unwrap();
    let dest = dir.path().join("imported.groundwork");
    import_json(&first, &dest, false).unwrap();
    let imported = Store::open(&dest).unwrap();
    assert_eq!(
        imported.export_json().unwrap(),
        first,
        "the round trip lost or changed something"
    );
    assert_eq!(imported.profile().unwrap(), store.profile().unwrap());
    assert_eq!(
        first,
        store.export_json().unwrap(),
        "export is deterministic"
    );
}

#[test]
fn the_document_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let store = small_workbook(dir.path());
    let doc: Value = serde_json::from_str(&store.export_json().unwrap()).unwrap();
    assert_eq!(doc["format"], "groundwork-workbook");
    assert_eq!(doc["formatVersion"], 1);
    assert_eq!(doc["schemaVersion"], groundwork_store::SCHEMA_VERSION);
    let tables = doc["tables"].as_object().unwrap();
    assert!(tables.contains_key("profile"));
    assert!(
        !tables
            .keys()
            .any(|t| t.contains("fts") || t.starts_with("sqlite_")),
        "derived and internal tables stay out: {:?}",
        tables.keys().collect::<Vec<_>>()
    );
    let text = store.export_json().unwrap();
    assert!(
        !text.contains(&chrono::Utc::now().format("%Y-%m-%dT%H:%M").to_string())
            || text.contains("created_at"),
        "no export time outside the records"
    );
}

fn valid_document(dir: &Path) -> Value {
    serde_json::from_str(&small_workbook(dir).export_json().unwrap()).unwrap()
}

fn refused(doc: &Value, dir: &Path) -> Vec<ImportProblem> {
    let before = entries(dir);
    let dest = dir.join("target.groundwork");
    let err = import_json(&doc.to_string(), &dest, false).unwrap_err();
    assert!(
        !dest.exists(),
        "nothing may be written when the import is refused"
    );
    assert_eq!(entries(dir), before, "no temporary file left behind");
    problems(err)
}

fn has(problems: &[ImportProblem], path: &str, words: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.path == path && p.message.contains(words)),
        "expected a problem at {path} saying “{words}”, got {problems:#?}"
    );
}

#[test]
fn each_kind_of_problem_is_named_with_its_path_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let base = valid_document(dir.path());

    let mut doc = base.clone();
    doc["tables"]["channels_of_mars"] = json!([]);
    has(
        &refused(&doc, dir.path()),
        "$.tables.channels_of_mars",
        "no table named",
    );

    let mut doc = base.clone();
    doc["tables"]["profile"][0]["favourite_colour"] = json!("blue");
    has(
        &refused(&doc, dir.path()),
        "$.tables.profile[0].favourite_colour",
        "no column",
    );

    let mut doc = base.clone();
    doc["tables"]["profile"][0]["name"] = json!(42);
    has(
        &refused(&doc, dir.path()),
        "$.tables.profile[0].name",
        "should be text",
    );

    let mut doc = base.clone();
    doc["tables"]["profile"][0]
        .as_object_mut()
        .unwrap()
        .remove("name");
    has(
        &refused(&doc, dir.path()),
        "$.tables.profile[0].name",
        "every profile row needs",
    );

    let mut doc = base.clone();
    doc["tables"]["profile"][0]["purpose"] =
        json!("x".repeat(groundwork_core::text::LONG_TEXT_MAX_CHARS + 1));
    has(
        &refused(&doc, dir.path()),
        "$.tables.profile[0].purpose",
        "characters long",
    );

    let mut doc = base.clone();
    doc["tables"]["profile"][0] = json!("not a row");
    has(
        &refused(&doc, dir.path()),
        "$.tables.profile[0]",
        "should be an object",
    );

    let mut doc = base.clone();
    doc["schemaVersion"] = json!(groundwork_store::SCHEMA_VERSION + 1);
    has(
        &refused(&doc, dir.path()),
        "$.schemaVersion",
        "newer Groundwork",
    );

    let mut doc = base.clone();
    doc["format"] = json!("something-else");
    has(
        &refused(&doc, dir.path()),
        "$.format",
        "not a Groundwork workbook export",
    );

    let mut doc = base.clone();
    doc["exportedAt"] = json!("2026-01-01");
    has(
        &refused(&doc, dir.path()),
        "$[\"exportedAt\"]",
        "not part of the workbook format",
    );

    // Several problems are all reported at once.
    let mut doc = base.clone();
    doc["tables"]["profile"][0]["name"] = json!(1);
    doc["tables"]["profile"][0]["organisation"] = json!(2);
    assert!(refused(&doc, dir.path()).len() >= 2);

    let err = import_json("{ not json", &dir.path().join("x.groundwork"), false).unwrap_err();
    has(&problems(err), "$", "not valid JSON");
}

#[test]
fn constraint_and_reference_problems_name_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let base = valid_document(dir.path());
    let channel = |id: &str, name: &str| {
        json!({"id": id, "kind": "forum", "name": name, "link": "", "ownership": "owned",
               "audience": "", "run_by": "", "notes": "", "position": 0,
               "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"})
    };
    // Two channels with the same name break the unique rule on channel names.
    let mut doc = base.clone();
    let mut first = channel("01900000-0000-7000-8000-000000000001", "Forum");
    let mut second = channel("01900000-0000-7000-8000-000000000002", "forum");
    // Fill in whatever columns this schema version has that the sketch above lacks.
    let columns = column_names("channel");
    for row in [&mut first, &mut second] {
        row.as_object_mut()
            .unwrap()
            .retain(|k, _| columns.contains(k));
    }
    doc["tables"]["channel"] = json!([first, second]);
    let found = refused(&doc, dir.path());
    assert!(
        found.iter().any(|p| p.path == "$.tables.channel[1]"),
        "the second channel repeats a unique name: {found:#?}"
    );

    // A snapshot of a channel that is not in the file.
    let mut doc = base.clone();
    let store = Store::create(&dir.path().join("ref.groundwork"), "Ref", "").unwrap();
    drop(store);
    let snapshot_columns = column_names("snapshot");
    let mut snapshot = serde_json::Map::new();
    for c in &snapshot_columns {
        snapshot.insert(c.clone(), json!(null));
    }
    snapshot.insert("id".into(), json!("01900000-0000-7000-8000-0000000000aa"));
    snapshot.insert(
        "channel_id".into(),
        json!("01900000-0000-7000-8000-00000000dead"),
    );
    snapshot.insert("taken_on".into(), json!("2026-01-01"));
    for (c, v) in required_defaults("snapshot") {
        snapshot.entry(c).and_modify(|e| {
            if e.is_null() {
                *e = v.clone();
            }
        });
    }
    doc["tables"]["snapshot"] = json!([Value::Object(snapshot)]);
    let found = refused(&doc, dir.path());
    has(&found, "$.tables.snapshot[0].channel_id", "not in the file");
}

fn column_names(table: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.groundwork");
    Store::create(&path, "S", "").unwrap().close().unwrap();
    let conn2 = rusqlite::Connection::open(&path).unwrap();
    drop(conn);
    let mut stmt = conn2
        .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
        .unwrap();
    stmt.query_map([table], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// A plausible value for every NOT NULL column, by declared type.
fn required_defaults(table: &str) -> Vec<(String, Value)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.groundwork");
    Store::create(&path, "S", "").unwrap().close().unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = conn
        .prepare("SELECT name, type FROM pragma_table_info(?1) WHERE \"notnull\"")
        .unwrap();
    stmt.query_map([table], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })
    .unwrap()
    .map(|r| {
        let (name, kind) = r.unwrap();
        let value = if kind.contains("INT") {
            json!(0)
        } else if kind.contains("REAL") {
            json!(0.0)
        } else {
            json!("")
        };
        (name, value)
    })
    .collect()
}

#[test]
fn an_existing_file_is_never_replaced_without_being_asked() {
    let dir = tempfile::tempdir().unwrap();
    let store = small_workbook(dir.path());
    let json = store.export_json().unwrap();
    let dest = dir.path().join("taken.groundwork");
    fs::write(&dest, b"precious").unwrap();
    let err = import_json(&json, &dest, false).unwrap_err();
    assert!(
        matches!(err, ImportError::Store(StoreError::AlreadyExists { .. })),
        "{err}"
    );
    assert_eq!(fs::read(&dest).unwrap(), b"precious");

    import_json(&json, &dest, true).unwrap();
    assert_eq!(Store::open(&dest).unwrap().export_json().unwrap(), json);
}

#[test]
fn the_search_index_is_rebuilt_not_copied() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = small_workbook(dir.path());
    use groundwork_core::stakeholders::interviews::{InterviewEdit, InterviewMode};
    use groundwork_core::stakeholders::{Attitude, Department, InterviewStatus, StakeholderEdit};
    let stakeholder = store
        .save_stakeholder(
            None,
            &StakeholderEdit {
                name: "Ana".into(),
                role: String::new(),
                department: Department::ALL[0],
                influence: 3,
                interest: 3,
                attitude: Attitude::ALL[0],
                wants: String::new(),
                contact: String::new(),
                interview_status: InterviewStatus::ToInvite,
            },
        )
        .unwrap();
    let interview = store
        .save_interview(
            None,
            &InterviewEdit {
                stakeholder_id: Some(stakeholder.id),
                date: "2026-03-05".into(),
                interviewer: String::new(),
                mode: InterviewMode::ALL[0],
                guide_id: None,
            },
        )
        .unwrap();
    store
        .save_interview_notes(interview.id, "The onboarding wiki is hard to find.")
        .unwrap();
    let json = store.export_json().unwrap();
    let dest = dir.path().join("searched.groundwork");
    import_json(&json, &dest, false).unwrap();
    let imported = Store::open(&dest).unwrap();
    let hits = imported.search("onboarding").unwrap();
    assert!(!hits.hits.is_empty(), "the imported notes are searchable");
}
