//! The `document_settings` table: what the documents ask of the reader and their accent colour,
//! in at most one row. No row means the defaults (a workbook imported without one).

use chrono::Utc;
use groundwork_core::document_settings::{DocumentSettings, DocumentSettingsEdit, Logo};
use rusqlite::{params, OptionalExtension};

use crate::profile::touch;
use crate::sql::sql;
use crate::{Result, Store};

impl Store {
    pub fn document_settings(&self) -> Result<DocumentSettings> {
        let row = self
            .conn
            .query_row(
                "SELECT ask, accent FROM document_settings WHERE id = 1",
                [],
                |row| {
                    Ok(DocumentSettings {
                        ask: row.get("ask")?,
                        accent: row.get("accent")?,
                    })
                },
            )
            .optional()
            .map_err(sql(&self.path))?;
        Ok(row.unwrap_or_default())
    }

    /// Saves the Documents screen's settings. Validation happens first, so a refused edit
    /// changes nothing and the screen still holds what was typed.
    pub fn save_document_settings(
        &mut self,
        edit: &DocumentSettingsEdit,
    ) -> Result<DocumentSettings> {
        let settings = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO document_settings (id, ask, accent) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET ask = excluded.ask, accent = excluded.accent",
                params![settings.ask, settings.accent],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(sql(&path))
        })?;
        self.document_settings()
    }

    /// The organisation's logo, when one was chosen.
    pub fn logo(&self) -> Result<Option<Logo>> {
        self.conn
            .query_row(
                "SELECT png, width, height, file_name FROM document_logo WHERE id = 1",
                [],
                |row| {
                    Ok(Logo {
                        png: row.get("png")?,
                        width: row.get("width")?,
                        height: row.get("height")?,
                        file_name: row.get("file_name")?,
                    })
                },
            )
            .optional()
            .map_err(sql(&self.path))
    }

    /// Keeps `logo` in the workbook, in place of any logo before it. The caller made it from
    /// the chosen file (`groundwork_docs::logo::prepare`), so it is a PNG of bounded size.
    pub fn save_logo(&mut self, logo: &Logo) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO document_logo (id, png, width, height, file_name)
                 VALUES (1, ?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET png = excluded.png, width = excluded.width,
                     height = excluded.height, file_name = excluded.file_name",
                params![logo.png, logo.width, logo.height, logo.file_name],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(sql(&path))
        })
    }

    /// Takes the logo out of the workbook; the documents print without one.
    pub fn remove_logo(&mut self) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute("DELETE FROM document_logo", [])
                .and_then(|_| touch(tx, Utc::now()))
                .map_err(sql(&path))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logo_is_kept_replaced_and_removed() {
        let mut store = Store::in_memory("Docs").unwrap();
        assert_eq!(store.logo().unwrap(), None);
        let first = Logo {
            png: vec![0x89, b'P', b'N', b'G', 1],
            width: 300,
            height: 100,
            file_name: "Harbour — logo.png".to_owned(),
        };
        store.save_logo(&first).unwrap();
        assert_eq!(store.logo().unwrap().as_ref(), Some(&first));
        assert_eq!(
            store.load_workbook().unwrap().logo,
            None,
            "only documents read it"
        );
        assert_eq!(
            store.load_workbook_to_print().unwrap().logo,
            Some(first.clone())
        );
        let second = Logo {
            png: vec![2; 10],
            width: 1200,
            height: 1,
            file_name: "mark.svg".to_owned(),
        };
        store.save_logo(&second).unwrap();
        assert_eq!(store.logo().unwrap(), Some(second));
        store.remove_logo().unwrap();
        assert_eq!(store.logo().unwrap(), None);
        assert_eq!(store.load_workbook_to_print().unwrap().logo, None);
    }

    #[test]
    fn a_new_workbook_has_no_ask_and_the_house_accent() {
        let store = Store::in_memory("Docs").unwrap();
        assert_eq!(
            store.document_settings().unwrap(),
            DocumentSettings::default()
        );
    }

    #[test]
    fn settings_round_trip_through_sqlite_and_into_the_workbook() {
        let mut store = Store::in_memory("Docs").unwrap();
        let edit = DocumentSettingsEdit {
            ask: "  Approve €40,000 for 2027; name Ana Souza owner of the launch.\n<script>x</script> 社区 🚀 ".into(),
            accent: "#C0392B".into(),
        };
        let saved = store.save_document_settings(&edit).unwrap();
        let expected = DocumentSettings {
            ask: "Approve €40,000 for 2027; name Ana Souza owner of the launch.\n<script>x</script> 社区 🚀".into(),
            accent: Some("#c0392b".into()),
        };
        assert_eq!(saved, expected, "trimmed, colour in lower case");
        assert_eq!(
            store.document_settings().unwrap(),
            expected,
            "read back from SQLite"
        );
        assert_eq!(
            store.load_workbook().unwrap().documents,
            expected,
            "documents render what was saved"
        );
        // Saving again replaces the one row.
        let cleared = store
            .save_document_settings(&DocumentSettingsEdit::default())
            .unwrap();
        assert_eq!(cleared, DocumentSettings::default());
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let mut store = Store::in_memory("Docs").unwrap();
        let kept = DocumentSettingsEdit {
            ask: "Approve the budget.".into(),
            accent: "#1f6f78".into(),
        };
        store.save_document_settings(&kept).unwrap();
        let err = store
            .save_document_settings(&DocumentSettingsEdit {
                ask: "changed".into(),
                accent: "teal".into(),
            })
            .unwrap_err();
        assert_eq!(err.field(), Some("accent"));
        assert_eq!(
            DocumentSettingsEdit::from(&store.document_settings().unwrap()),
            kept
        );
    }

    #[test]
    fn the_table_refuses_a_colour_the_core_would_not_write() {
        let store = Store::in_memory("Docs").unwrap();
        for bad in ["#C0392B", "red", "#c0392", "#c0392bb"] {
            assert!(
                store
                    .conn
                    .execute(
                        "INSERT INTO document_settings (id, accent) VALUES (1, ?1)",
                        [bad]
                    )
                    .is_err(),
                "{bad} must be refused, so an imported file cannot hold it"
            );
        }
    }
}
