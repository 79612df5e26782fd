//! Budgets in minor units of their currency: a workbook and a portable file written when every
//! budget was hundredths of a unit come in with each amount converted, and round trips keep
//! every amount.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use groundwork_core::roadmap::{InitiativeEdit, Money};
use groundwork_store::{import_json, Store, SCHEMA_VERSION};
use serde_json::Value;

fn budgeted(title: &str, budget: &str, currency: &str) -> InitiativeEdit {
    InitiativeEdit {
        budget: budget.into(),
        currency: currency.into(),
        ..InitiativeEdit::untitled(title, None)
    }
}

/// A workbook with a yen, a dinar, a euro and an unbudgeted initiative, and a deleted yen one
/// in the Trash.
fn workbook(path: &Path) -> Store {
    let mut store = Store::create(path, "Budgets", "Org").unwrap();
    for (title, budget, currency) in [
        ("Tokyo meetup", "1,200", "JPY"),
        ("Manama forum", "12.5", "BHD"),
        ("Berlin day", "12,500.50", "EUR"),
        ("Seoul stream", "999", "KRW"),
    ] {
        store
            .save_initiative(None, &budgeted(title, budget, currency))
            .unwrap();
    }
    store
        .save_initiative(None, &InitiativeEdit::untitled("Unbudgeted", None))
        .unwrap();
    let gone = store
        .save_initiative(None, &budgeted("Osaka pop-up", "3,000", "JPY"))
        .unwrap();
    store.delete_initiative(gone.id).unwrap();
    store
}

fn budgets(store: &Store) -> Vec<(String, Option<Money>)> {
    let mut list: Vec<(String, Option<Money>)> = store
        .roadmap()
        .unwrap()
        .initiatives
        .into_iter()
        .map(|i| (i.title, i.budget))
        .collect();
    list.sort();
    list
}

fn money(minor: i64, currency: &str) -> Option<Money> {
    Some(Money {
        minor,
        currency: currency.into(),
    })
}

fn expected() -> Vec<(String, Option<Money>)> {
    vec![
        ("Berlin day".into(), money(1_250_050, "EUR")),
        ("Manama forum".into(), money(12_500, "BHD")),
        ("Seoul stream".into(), money(999, "KRW")),
        ("Tokyo meetup".into(), money(1_200, "JPY")),
        ("Unbudgeted".into(), None),
    ]
}

/// Rewrites the stored budgets as schema 12 held them: hundredths of a unit for every currency
/// (and takes out the tables later schemas added).
const TO_HUNDREDTHS: &str = "
    DROP TABLE figure_import;
    DROP TABLE figure_mapping;
    UPDATE initiative SET budget_minor = CASE currency
        WHEN 'JPY' THEN budget_minor * 100
        WHEN 'KRW' THEN budget_minor * 100 + 49
        WHEN 'BHD' THEN budget_minor / 10
        ELSE budget_minor END;
    UPDATE trash SET contents = json_set(contents, '$.deleted[0].row.budget_minor',
        json_extract(contents, '$.deleted[0].row.budget_minor') * 100)
    WHERE json_extract(contents, '$.deleted[0].table') = 'initiative';
    PRAGMA user_version = 12;";

#[test]
fn a_workbook_from_before_minor_units_is_migrated_per_currency() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twelve.groundwork");
    workbook(&path).close().unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(TO_HUNDREDTHS).unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        budgets(&store),
        expected(),
        "yen and won divided by 100 (rounded), dinars times 10, euros unchanged"
    );
    let trashed = store.trash().unwrap();
    assert_eq!(trashed.len(), 1);
    store.restore_from_trash(trashed[0].id).unwrap();
    let osaka = store
        .roadmap()
        .unwrap()
        .initiatives
        .into_iter()
        .find(|i| i.title == "Osaka pop-up")
        .unwrap();
    assert_eq!(
        osaka.budget,
        money(3_000, "JPY"),
        "a budget in the Trash is converted too, so a restore brings back what was deleted"
    );
    store.close().unwrap();
    assert!(dir
        .path()
        .join("twelve.format-12-backup.groundwork")
        .exists());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn budgets_round_trip_through_the_portable_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = workbook(&dir.path().join("a.groundwork"));
    let first = store.export_json().unwrap();
    let dest = dir.path().join("b.groundwork");
    import_json(&first, &dest, false).unwrap();
    let imported = Store::open(&dest).unwrap();
    assert_eq!(budgets(&imported), expected());
    assert_eq!(
        imported.export_json().unwrap(),
        first,
        "export → import → export keeps every amount"
    );
}

/// Every initiative row of a portable file, by title.
fn initiative_rows(json: &mut Value) -> Vec<&mut serde_json::Map<String, Value>> {
    json["tables"]["initiative"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .map(|r| r.as_object_mut().unwrap())
        .collect()
}

#[test]
fn a_portable_file_from_before_minor_units_imports_with_amounts_converted() {
    let dir = tempfile::tempdir().unwrap();
    let store = workbook(&dir.path().join("a.groundwork"));
    let mut json: Value = serde_json::from_str(&store.export_json().unwrap()).unwrap();
    // As a schema-12 export wrote them: hundredths for every currency, and none of the tables
    // later schemas added.
    json["schemaVersion"] = Value::from(12);
    let tables = json["tables"].as_object_mut().unwrap();
    tables.remove("figure_import");
    tables.remove("figure_mapping");
    for row in initiative_rows(&mut json) {
        let (Some(minor), Some(currency)) = (
            row.get("budget_minor").and_then(Value::as_i64),
            row.get("currency").and_then(Value::as_str),
        ) else {
            continue;
        };
        let old = match currency {
            "JPY" | "KRW" => minor * 100,
            "BHD" => minor / 10,
            _ => minor,
        };
        row.insert("budget_minor".into(), Value::from(old));
    }
    let old_file = serde_json::to_string(&json).unwrap();
    assert!(
        old_file.contains("120000"),
        "the old file holds yen in hundredths"
    );
    let dest = dir.path().join("old.groundwork");
    import_json(&old_file, &dest, false).unwrap();
    let imported = Store::open(&dest).unwrap();
    assert_eq!(budgets(&imported), expected());
    let again: Value = serde_json::from_str(&imported.export_json().unwrap()).unwrap();
    assert_eq!(again["schemaVersion"], Value::from(SCHEMA_VERSION));
    let new_file: Value = serde_json::from_str(&store.export_json().unwrap()).unwrap();
    assert_eq!(
        again["tables"]["initiative"], new_file["tables"]["initiative"],
        "the old file's budgets arrive as this version writes them"
    );
}
