//! The `themes` table and the tags that attach themes to answers, quotes and notes.

use chrono::Utc;
use groundwork_core::stakeholders::themes::{
    find_by_name, validate_theme_name, TagKind, TagTarget, Theme, ThemeEdit, ThemeSide,
};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use uuid::Uuid;

use crate::sql::{sql, timestamp, unknown_key, update_one, uuid};
use crate::trash::delete_record;
use crate::{Result, Store, StoreError};

fn from_row(row: &Row<'_>) -> rusqlite::Result<Theme> {
    let side: String = row.get("side")?;
    Ok(Theme {
        id: uuid(row, "id")?,
        name: row.get("name")?,
        side: ThemeSide::from_slug(&side).ok_or_else(|| unknown_key(2, &side))?,
        description: row.get("description")?,
    })
}

/// The tag table for a target, its owner column, and the table the owner lives in.
fn tag_table(kind: TagKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        TagKind::Answer => ("answer_themes", "answer_id", "answers"),
        TagKind::Quote => ("quote_themes", "quote_id", "quotes"),
        TagKind::Notes => ("note_themes", "interview_id", "interviews"),
    }
}

fn target_exists(tx: &Transaction<'_>, target: &TagTarget) -> rusqlite::Result<bool> {
    let (_, _, owner) = tag_table(target.kind);
    tx.query_row(
        &format!("SELECT 1 FROM {owner} WHERE id = ?1"),
        [target.id.to_string()],
        |_| Ok(()),
    )
    .optional()
    .map(|o| o.is_some())
}

/// Inserts a validated theme in the caller's transaction.
pub(crate) fn insert_theme(
    tx: &Transaction<'_>,
    id: Uuid,
    edit: &ThemeEdit,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO themes (id, name, side, description, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            id.to_string(),
            edit.name,
            edit.side.slug(),
            edit.description,
            timestamp(Utc::now())
        ],
    )?;
    Ok(())
}

impl Store {
    /// Every theme, in the order they were created. Ids are stable: later steps cite them.
    pub fn themes(&self) -> Result<Vec<Theme>> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM themes ORDER BY created_at, id")
            .map_err(sql(&self.path))?;
        let rows = stmt
            .query_map([], from_row)
            .map_err(sql(&self.path))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql(&self.path))?;
        Ok(rows)
    }

    fn theme(&self, id: Uuid) -> Result<Theme> {
        self.conn
            .query_row(
                "SELECT * FROM themes WHERE id = ?1",
                [id.to_string()],
                from_row,
            )
            .optional()
            .map_err(sql(&self.path))?
            .ok_or(StoreError::Gone("theme"))
    }

    /// Adds a theme (`id` None) or changes one; answers the theme. A name already taken in any
    /// letter case is refused with a sentence.
    pub fn save_theme(&mut self, id: Option<Uuid>, edit: &ThemeEdit) -> Result<Theme> {
        let edit = edit.validated(&self.themes()?, id)?;
        let path = self.path.clone();
        let Some(id) = id else {
            let id = Uuid::now_v7();
            self.with_tx(|tx| insert_theme(tx, id, &edit).map_err(sql(&path)))?;
            return self.theme(id);
        };
        self.with_tx(|tx| {
            update_one(
                tx,
                &path,
                "theme",
                "UPDATE themes SET name = ?2, side = ?3, description = ?4 WHERE id = ?1",
                params![
                    id.to_string(),
                    edit.name,
                    edit.side.slug(),
                    edit.description
                ],
            )?;
            Ok(())
        })?;
        self.theme(id)
    }

    /// Deletes a theme and its tags; the tagged answers, quotes and notes stay.
    pub fn delete_theme(&mut self, id: Uuid) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            delete_record(tx, "Theme", "themes", &id.to_string()).map_err(sql(&path))?;
            Ok(())
        })
    }

    /// Tags `target` with the theme called `name` (in any letter case), creating the theme
    /// when there is none yet. Returns the theme.
    pub fn tag_theme(&mut self, target: &TagTarget, name: &str) -> Result<Theme> {
        let themes = self.themes()?;
        let (theme_id, new_name) = match find_by_name(&themes, name) {
            Some(t) => (t.id, None),
            None => (
                Uuid::now_v7(),
                Some(validate_theme_name(name, &themes, None)?),
            ),
        };
        let path = self.path.clone();
        self.with_tx(|tx| {
            if !target_exists(tx, target).map_err(sql(&path))? {
                return Err(StoreError::Gone(match target.kind {
                    TagKind::Answer => "answer",
                    TagKind::Quote => "quote",
                    TagKind::Notes => "interview",
                }));
            }
            if let Some(name) = &new_name {
                tx.execute(
                    "INSERT INTO themes (id, name, side, description, created_at)
                     VALUES (?1, ?2, 'unmarked', '', ?3)",
                    params![theme_id.to_string(), name, timestamp(Utc::now())],
                )
                .map_err(sql(&path))?;
            }
            let (table, owner, _) = tag_table(target.kind);
            tx.execute(
                &format!("INSERT OR IGNORE INTO {table} ({owner}, theme_id) VALUES (?1, ?2)"),
                params![target.id.to_string(), theme_id.to_string()],
            )
            .map_err(sql(&path))?;
            Ok(())
        })?;
        self.theme(theme_id)
    }

    pub fn untag_theme(&mut self, target: &TagTarget, theme_id: Uuid) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            let (table, owner, _) = tag_table(target.kind);
            tx.execute(
                &format!("DELETE FROM {table} WHERE {owner} = ?1 AND theme_id = ?2"),
                params![target.id.to_string(), theme_id.to_string()],
            )
            .map_err(sql(&path))?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stakeholders::tests::edit as person;
    use groundwork_core::stakeholders::interviews::{InterviewEdit, InterviewMode};
    use groundwork_core::stakeholders::Department;

    fn theme(name: &str, side: ThemeSide) -> ThemeEdit {
        ThemeEdit {
            name: name.into(),
            side,
            description: String::new(),
        }
    }

    #[test]
    fn theme_names_are_unique_in_any_case_and_a_refusal_writes_nothing() {
        let mut store = Store::in_memory("Makers").unwrap();
        let t = store
            .save_theme(None, &theme("Onboarding", ThemeSide::Both))
            .unwrap();
        let err = store
            .save_theme(None, &theme("onBOARDING", ThemeSide::Members))
            .unwrap_err();
        assert_eq!(err.field(), Some("name"));
        assert!(
            err.to_string().contains("“Onboarding” already exists"),
            "{err}"
        );
        assert_eq!(store.themes().unwrap(), vec![t.clone()]);
        let other = store
            .save_theme(None, &theme("Events", ThemeSide::Unmarked))
            .unwrap();
        assert!(store
            .save_theme(Some(other.id), &theme("ONBOARDING", ThemeSide::Unmarked))
            .is_err());
        let renamed = store
            .save_theme(Some(t.id), &theme("ONBOARDING", ThemeSide::Both))
            .unwrap();
        assert_eq!(renamed.id, t.id, "renaming keeps the id later steps cite");
    }

    #[test]
    fn tagging_by_name_reuses_a_theme_in_any_case_and_feeds_the_insights() {
        let mut store = Store::in_memory("Makers").unwrap();
        let exec = store.save_stakeholder(None, &person("Eve")).unwrap();
        let mut m = person("Mo");
        m.department = Department::Members;
        let member = store.save_stakeholder(None, &m).unwrap();
        let g = store.copy_starter_guide("member").unwrap();
        let mut ids = Vec::new();
        for s in [&exec, &member] {
            let i = store
                .save_interview(
                    None,
                    &InterviewEdit {
                        stakeholder_id: Some(s.id),
                        date: "2025-10-01".into(),
                        interviewer: String::new(),
                        mode: InterviewMode::Phone,
                        guide_id: Some(g.id),
                    },
                )
                .unwrap();
            ids.push(i);
        }
        let peer = store
            .tag_theme(
                &TagTarget {
                    kind: TagKind::Answer,
                    id: ids[0].answers[2].id,
                },
                "Peer support",
            )
            .unwrap();
        let q = store
            .save_quote(ids[1].id, None, "I learn most from other members")
            .unwrap();
        let same = store
            .tag_theme(
                &TagTarget {
                    kind: TagKind::Quote,
                    id: q.id,
                },
                "  PEER SUPPORT ",
            )
            .unwrap();
        assert_eq!(same.id, peer.id, "the existing theme is reused");
        assert_eq!(store.themes().unwrap().len(), 1);

        let step = store.stakeholder_step().unwrap();
        let insight = &step.insights[0];
        assert_eq!(insight.voices.len(), 2);
        assert!(
            insight.sweet_spot,
            "raised by the organisation and by a member"
        );
        assert_eq!(insight.quotes[0].quote_id, q.id);

        store
            .untag_theme(
                &TagTarget {
                    kind: TagKind::Quote,
                    id: q.id,
                },
                peer.id,
            )
            .unwrap();
        assert!(!store.stakeholder_step().unwrap().insights[0].sweet_spot);

        let err = store
            .tag_theme(
                &TagTarget {
                    kind: TagKind::Notes,
                    id: Uuid::now_v7(),
                },
                "Brand new",
            )
            .unwrap_err();
        assert!(err.to_string().contains("no longer in this workbook"));
        assert_eq!(
            store.themes().unwrap().len(),
            1,
            "no theme made for a failed tag"
        );
    }
}
