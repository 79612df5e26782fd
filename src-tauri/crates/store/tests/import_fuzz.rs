//! Import against arbitrary and damaged input: it never panics, and whenever it refuses it
//! leaves nothing behind, not even a partial file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use groundwork_store::{import_json, ImportError, Store};
use proptest::prelude::*;
use serde_json::Value;

/// A real export to damage: a workbook with a profile in several scripts.
fn valid_export() -> &'static str {
    static EXPORT: OnceLock<String> = OnceLock::new();
    EXPORT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut store =
            Store::create(&dir.path().join("w.groundwork"), "Makers 社区", "Northwind").unwrap();
        store.rename("Makers <b>社区</b> 🚀").unwrap();
        store.export_json().unwrap()
    })
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        prop_oneof![
            Just("groundwork-workbook"),
            Just("profile"),
            Just("name"),
            Just("$base64")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("format".to_owned()),
                    Just("formatVersion".to_owned()),
                    Just("schemaVersion".to_owned()),
                    Just("tables".to_owned()),
                    Just("profile".to_owned()),
                    Just("name".to_owned()),
                    any::<String>(),
                ],
                inner,
                0..6,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Imports `json`; a refusal must leave the folder empty and an import must open.
fn import_leaves_nothing_or_a_workbook(json: &str) {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("imported.groundwork");
    match import_json(json, &dest, false) {
        Ok(path) => {
            Store::open(&path).unwrap().load_workbook().unwrap();
        }
        Err(err) => {
            if let ImportError::Refused(problems) = &err {
                assert!(!problems.is_empty(), "a refusal names at least one problem");
                assert!(problems
                    .iter()
                    .all(|p| p.path.starts_with('$') && !p.message.is_empty()));
            }
            assert_eq!(
                listing(dir.path()),
                Vec::<String>::new(),
                "refused, yet something was written: {err}"
            );
        }
    }
}

fn listing(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Replaces the value at the `at`-th place in a walk of the document with `value`.
fn replace_nth(doc: &mut Value, at: &mut usize, value: &Value) -> bool {
    if *at == 0 {
        *doc = value.clone();
        return true;
    }
    *at -= 1;
    match doc {
        Value::Array(items) => items.iter_mut().any(|v| replace_nth(v, at, value)),
        Value::Object(map) => map.values_mut().any(|v| replace_nth(v, at, value)),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics_and_writes_nothing_when_refused(doc in arbitrary_json()) {
        import_leaves_nothing_or_a_workbook(&doc.to_string());
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        import_leaves_nothing_or_a_workbook(&text);
    }

    #[test]
    fn a_valid_export_with_one_value_changed_is_imported_or_refused_cleanly(
        at in 0usize..60,
        value in arbitrary_json(),
    ) {
        let mut doc: Value = serde_json::from_str(valid_export()).unwrap();
        let mut place = at;
        replace_nth(&mut doc, &mut place, &value);
        import_leaves_nothing_or_a_workbook(&doc.to_string());
    }

    #[test]
    fn a_valid_export_with_damaged_bytes_is_imported_or_refused_cleanly(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let mut bytes = valid_export().as_bytes().to_vec();
        for (index, byte, how) in edits {
            let at = index.index(bytes.len().max(1));
            match how {
                0 if !bytes.is_empty() => { bytes.remove(at); }
                1 => bytes.insert(at, byte),
                _ => if let Some(b) = bytes.get_mut(at) { *b = byte; },
            }
        }
        import_leaves_nothing_or_a_workbook(&String::from_utf8_lossy(&bytes));
    }
}
