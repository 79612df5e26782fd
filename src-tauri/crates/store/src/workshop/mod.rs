//! The workshop board's tables: notes, groups, participants, votes and the dot budget; and the
//! one-step conversion of a group into a record of another step.

use chrono::Utc;
use groundwork_core::audit::findings::{FindingEdit, Importance};
use groundwork_core::crisis::ScenarioEdit;
use groundwork_core::goals::GoalEdit;
use groundwork_core::roadmap::InitiativeEdit;
use groundwork_core::stakeholders::themes::{ThemeEdit, ThemeSide};
use groundwork_core::workshop::priority::BoardView;
use groundwork_core::workshop::{
    validate_budget, validate_group_name, validate_idea_text, validate_participant_name,
    validate_score, validate_vote, Board, Conversion, ConvertTarget, Idea, IdeaGroup,
    InitiativeScore, Participant, Vote,
};
use groundwork_core::Invalid;
use rusqlite::{params, Row, Transaction};
use serde::Deserialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::profile::touch;
use crate::sql::{refused, sql, timestamp};
use crate::{Result, Store, StoreError};

/// What the facilitator asked a group to become. A goal needs the business objective it serves.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ConvertRequest {
    pub target: ConvertTarget,
    #[serde(default)]
    pub objective_id: Option<Uuid>,
}

fn idea_from_row(row: &Row<'_>) -> rusqlite::Result<Idea> {
    Ok(Idea {
        id: row.get("id")?,
        text: row.get("text")?,
        group_id: row.get("group_id")?,
        value: row.get("value")?,
        effort: row.get("effort")?,
    })
}

fn group_from_row(row: &Row<'_>) -> rusqlite::Result<IdeaGroup> {
    let kind: Option<String> = row.get("converted_kind")?;
    let converted = match (
        kind.as_deref().and_then(ConvertTarget::from_slug),
        row.get::<_, Option<String>>("converted_id")?,
    ) {
        (Some(target), Some(record_id)) => Some(Conversion {
            target,
            record_id,
            title: row
                .get::<_, Option<String>>("converted_title")?
                .unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(IdeaGroup {
        id: row.get("id")?,
        name: row.get("name")?,
        converted,
    })
}

fn next_position(tx: &Transaction<'_>, table: &str) -> rusqlite::Result<i64> {
    tx.query_row(
        &format!("SELECT COALESCE(MAX(position), 0) + 1 FROM {table}"),
        [],
        |r| r.get(0),
    )
}

impl Store {
    /// The board with its ranking and everyone's dots.
    pub fn workshop_board(&self) -> Result<BoardView> {
        Ok(BoardView::new(self.board()?))
    }

    pub fn board(&self) -> Result<Board> {
        let read = || -> rusqlite::Result<Board> {
            let dot_budget = self.conn.query_row(
                "SELECT dot_budget FROM workshop_settings WHERE id = 1",
                [],
                |r| r.get(0),
            )?;
            let ideas = self
                .conn
                .prepare("SELECT * FROM ideas ORDER BY position, id")?
                .query_map([], idea_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let groups = self
                .conn
                .prepare("SELECT * FROM idea_groups ORDER BY position, id")?
                .query_map([], group_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let participants = self
                .conn
                .prepare("SELECT id, name FROM workshop_participants ORDER BY position, id")?
                .query_map([], |r| {
                    Ok(Participant {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let votes = self
                .conn
                .prepare("SELECT participant_id, idea_id, dots FROM idea_votes ORDER BY participant_id, idea_id")?
                .query_map([], |r| Ok(Vote { participant_id: r.get(0)?, idea_id: r.get(1)?, dots: r.get(2)? }))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let initiatives = self
                .conn
                .prepare(
                    "SELECT i.id, i.title, s.value, s.effort FROM initiative i
                     LEFT JOIN initiative_scores s ON s.initiative_id = i.id
                     ORDER BY i.created_at, i.id",
                )?
                .query_map([], |r| {
                    Ok(InitiativeScore {
                        initiative_id: r.get(0)?,
                        title: r.get(1)?,
                        value: r.get(2)?,
                        effort: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Board {
                dot_budget,
                ideas,
                groups,
                participants,
                votes,
                initiatives,
            })
        };
        read().map_err(sql(&self.path))
    }

    /// Adds a note at the end of `group_id` (or unsorted); answers the new note's id.
    pub fn add_idea(&mut self, text: &str, group_id: Option<&str>) -> Result<String> {
        let text = validate_idea_text(text)?;
        let id = Uuid::now_v7().to_string();
        let path = self.path.clone();
        self.with_tx(|tx| {
            if let Some(g) = group_id {
                if !crate::row_exists(tx, "idea_groups", g).map_err(sql(&path))? {
                    return Err(StoreError::Gone("group"));
                }
            }
            let position = next_position(tx, "ideas").map_err(sql(&path))?;
            tx.execute(
                "INSERT INTO ideas (id, text, group_id, position, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, text, group_id, position, timestamp(Utc::now())],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(sql(&path))
        })?;
        Ok(id)
    }

    pub fn update_idea(&mut self, id: &str, text: &str) -> Result<()> {
        let text = validate_idea_text(text)?;
        self.change_one(
            "UPDATE ideas SET text = ?2 WHERE id = ?1",
            id,
            &text,
            "note",
        )
    }

    pub fn delete_idea(&mut self, id: &str) -> Result<()> {
        self.trash_one("Note", "ideas", id, "note")
    }

    /// Moves a note into a group, or back to the unsorted notes with `None`.
    pub fn move_idea(&mut self, id: &str, group_id: Option<&str>) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            if let Some(g) = group_id {
                if !crate::row_exists(tx, "idea_groups", g).map_err(sql(&path))? {
                    return Err(StoreError::Gone("group"));
                }
            }
            let n = tx
                .execute(
                    "UPDATE ideas SET group_id = ?2 WHERE id = ?1",
                    params![id, group_id],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(StoreError::Gone("note"));
            }
            touch(tx, Utc::now()).map_err(sql(&path))
        })
    }

    pub fn score_idea(&mut self, id: &str, value: Option<i64>, effort: Option<i64>) -> Result<()> {
        let value = validate_score("value", "value", value)?;
        let effort = validate_score("effort", "effort", effort)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let n = tx
                .execute(
                    "UPDATE ideas SET value = ?2, effort = ?3 WHERE id = ?1",
                    params![id, value, effort],
                )
                .map_err(sql(&path))?;
            if n == 0 {
                return Err(StoreError::Gone("note"));
            }
            touch(tx, Utc::now()).map_err(sql(&path))
        })
    }

    /// Scores a roadmap initiative's value and effort (1–5 each, or empty).
    pub fn score_initiative(
        &mut self,
        id: &str,
        value: Option<i64>,
        effort: Option<i64>,
    ) -> Result<()> {
        let value = validate_score("value", "value", value)?;
        let effort = validate_score("effort", "effort", effort)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            if !crate::row_exists(tx, "initiative", id).map_err(sql(&path))? {
                return Err(StoreError::Gone("initiative"));
            }
            tx.execute(
                "INSERT INTO initiative_scores (initiative_id, value, effort) VALUES (?1, ?2, ?3)
                 ON CONFLICT (initiative_id) DO UPDATE SET value = ?2, effort = ?3",
                params![id, value, effort],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(sql(&path))
        })
    }

    /// Adds a group; answers its id.
    pub fn create_group(&mut self, name: &str) -> Result<String> {
        let name = validate_group_name(name)?;
        let id = Uuid::now_v7().to_string();
        let path = self.path.clone();
        self.with_tx(|tx| {
            let position = next_position(tx, "idea_groups").map_err(sql(&path))?;
            tx.execute(
                "INSERT INTO idea_groups (id, name, position, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![id, name, position, timestamp(Utc::now())],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(sql(&path))
        })?;
        Ok(id)
    }

    pub fn rename_group(&mut self, id: &str, name: &str) -> Result<()> {
        let name = validate_group_name(name)?;
        self.change_one(
            "UPDATE idea_groups SET name = ?2 WHERE id = ?1",
            id,
            &name,
            "group",
        )
    }

    /// Deletes a group; its notes go back to the unsorted notes, never lost.
    pub fn delete_group(&mut self, id: &str) -> Result<()> {
        self.trash_one("Group", "idea_groups", id, "group")
    }

    pub fn set_dot_budget(&mut self, budget: i64) -> Result<()> {
        let budget = validate_budget(budget)?;
        let board = self.board()?;
        if let Some(over) = board
            .participants
            .iter()
            .find(|p| board.dots_spent_by(&p.id) > budget)
        {
            return Err(StoreError::Invalid(Invalid::field(
                "dotBudget",
                format!(
                    "{} has already placed {} dots, more than {budget}. Take some of their dots back first.",
                    over.name,
                    board.dots_spent_by(&over.id)
                ),
            )));
        }
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "UPDATE workshop_settings SET dot_budget = ?1 WHERE id = 1",
                [budget],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(sql(&path))
        })
    }

    /// Adds a participant; answers their id.
    pub fn add_participant(&mut self, name: &str) -> Result<String> {
        let name = validate_participant_name(name)?;
        let id = Uuid::now_v7().to_string();
        let path = self.path.clone();
        self.with_tx(|tx| {
            let position = next_position(tx, "workshop_participants").map_err(sql(&path))?;
            tx.execute(
                "INSERT INTO workshop_participants (id, name, position) VALUES (?1, ?2, ?3)",
                params![id, name, position],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(sql(&path))
        })?;
        Ok(id)
    }

    /// Removes a participant and their dots.
    pub fn delete_participant(&mut self, id: &str) -> Result<()> {
        self.trash_one("Participant", "workshop_participants", id, "participant")
    }

    /// Sets how many dots a participant placed on a note (0 takes them back), within the budget.
    pub fn set_vote(&mut self, participant_id: &str, idea_id: &str, dots: i64) -> Result<()> {
        let dots = validate_vote(&self.board()?, participant_id, idea_id, dots)?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            let write = || -> rusqlite::Result<()> {
                if dots == 0 {
                    tx.execute(
                        "DELETE FROM idea_votes WHERE participant_id = ?1 AND idea_id = ?2",
                        params![participant_id, idea_id],
                    )?;
                } else {
                    tx.execute(
                        "INSERT INTO idea_votes (participant_id, idea_id, dots) VALUES (?1, ?2, ?3)
                         ON CONFLICT (participant_id, idea_id) DO UPDATE SET dots = ?3",
                        params![participant_id, idea_id, dots],
                    )?;
                }
                touch(tx, Utc::now())
            };
            write().map_err(sql(&path))
        })
    }

    /// Turns a group into a record of another step in one transaction: the record is created
    /// with the group's name as its title and its notes as its text, and the group remembers
    /// it. Either both land or neither does. Answers the new record's id.
    pub fn convert_group(&mut self, group_id: &str, request: &ConvertRequest) -> Result<String> {
        let board = self.board()?;
        let group = board
            .groups
            .iter()
            .find(|g| g.id == group_id)
            .ok_or(StoreError::Gone("group"))?;
        let notes = board.group_notes(group_id);
        if notes.is_empty() {
            return Err(refused(format!(
                "“{}” has no notes yet. Move some notes into it before turning it into {}.",
                group.name,
                request.target.noun()
            )));
        }
        let title = group.name.clone();
        let id = Uuid::now_v7();
        let record_id = id.to_string();
        let path = self.path.clone();
        match request.target {
            ConvertTarget::Theme => {
                let edit = ThemeEdit {
                    name: title.clone(),
                    side: ThemeSide::Unmarked,
                    description: notes,
                }
                .validated(&self.themes()?, None)?;
                self.with_tx(|tx| {
                    crate::stakeholders::themes::insert_theme(tx, id, &edit).map_err(sql(&path))?;
                    mark_converted(tx, group_id, request.target, &record_id, &title)
                        .map_err(sql(&path))
                })?;
            }
            ConvertTarget::Finding => {
                let edit = FindingEdit {
                    title: title.clone(),
                    importance: Importance::Medium,
                    evidence: notes,
                    channel_ids: Vec::new(),
                    snapshot_ids: Vec::new(),
                }
                .validated(&[], &[])?;
                self.with_tx(|tx| {
                    crate::audit::write_finding(tx, id, &edit).map_err(sql(&path))?;
                    mark_converted(tx, group_id, request.target, &record_id, &title)
                        .map_err(sql(&path))
                })?;
            }
            ConvertTarget::Goal => {
                let objectives: Vec<Uuid> = self.objectives()?.iter().map(|o| o.id).collect();
                let Some(objective_id) =
                    request.objective_id.or_else(|| objectives.first().copied())
                else {
                    return Err(refused(
                        "A goal serves a business objective, and this workbook has none yet. Add one in Goals and KPIs, then turn the group into a goal.",
                    ));
                };
                let edit = GoalEdit {
                    objective_id,
                    title: title.clone(),
                    description: notes,
                    evidence: Vec::new(),
                }
                .validated(&objectives, &[])?;
                self.with_tx(|tx| {
                    crate::goals::write_goal(tx, id, &edit).map_err(sql(&path))?;
                    mark_converted(tx, group_id, request.target, &record_id, &title)
                        .map_err(sql(&path))
                })?;
            }
            ConvertTarget::Scenario => {
                let edit = ScenarioEdit {
                    title: title.clone(),
                    description: notes,
                    likelihood: 3,
                    impact: 3,
                    severity_id: None,
                    owner: String::new(),
                    signals: String::new(),
                    channels: String::new(),
                    finding_ids: Vec::new(),
                }
                .validated(&[])?;
                self.with_tx(|tx| {
                    crate::crisis::scenarios::insert_scenario(tx, &record_id, &edit)
                        .map_err(sql(&path))?;
                    mark_converted(tx, group_id, request.target, &record_id, &title)
                        .map_err(sql(&path))
                })?;
            }
            ConvertTarget::Initiative => {
                let refs = self.roadmap_references()?;
                let values = InitiativeEdit {
                    title: title.clone(),
                    description: notes,
                    ..InitiativeEdit::default()
                }
                .validated(None, &refs)?;
                self.with_tx(|tx| {
                    crate::roadmap::write_initiative(tx, id, &values).map_err(sql(&path))?;
                    mark_converted(tx, group_id, request.target, &record_id, &title)
                        .map_err(sql(&path))
                })?;
            }
        }
        Ok(record_id)
    }

    /// One-row change by id; a missing row is reported as gone.
    /// Deletes a board record through the Trash, so it can be undone and restored.
    fn trash_one(&mut self, kind: &str, table: &str, id: &str, what: &'static str) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            let n = crate::trash::delete_record(tx, kind, table, id).map_err(sql(&path))?;
            if n == 0 {
                return Err(StoreError::Gone(what));
            }
            touch(tx, Utc::now()).map_err(sql(&path))
        })
    }

    fn change_one(&mut self, query: &str, id: &str, value: &str, what: &'static str) -> Result<()> {
        let path = self.path.clone();
        self.with_tx(|tx| {
            let n = tx.execute(query, params![id, value]).map_err(sql(&path))?;
            if n == 0 {
                return Err(StoreError::Gone(what));
            }
            touch(tx, Utc::now()).map_err(sql(&path))
        })
    }
}

fn mark_converted(
    tx: &Transaction<'_>,
    group_id: &str,
    target: ConvertTarget,
    record_id: &str,
    title: &str,
) -> rusqlite::Result<()> {
    let n = tx.execute(
        "UPDATE idea_groups SET converted_kind = ?2, converted_id = ?3, converted_title = ?4 WHERE id = ?1",
        params![group_id, target.slug(), record_id, title],
    )?;
    if n == 0 {
        // The group went between reading the board and writing: undo the new record too.
        return Err(rusqlite::Error::QueryReturnedNoRows);
    }
    touch(tx, Utc::now())
}

#[cfg(test)]
mod tests {
    use groundwork_core::goals::ObjectiveEdit;

    use super::*;

    fn store_with_notes() -> (Store, String, String) {
        let mut store = Store::in_memory("Workshop").unwrap();
        let group = store.create_group("Onboarding").unwrap();
        let other = store.create_group("Recognition").unwrap();
        for text in [
            "Welcome thread",
            "Buddy for new members",
            "<i>Starter</i> kit 🎒",
        ] {
            store.add_idea(text, Some(&group)).unwrap();
        }
        store.add_idea("Badges", Some(&other)).unwrap();
        store.add_idea("Unsorted thought", None).unwrap();
        (store, group, other)
    }

    #[test]
    fn the_board_persists_notes_groups_votes_and_scores_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.groundwork");
        let mut store = Store::create(&path, "W", "Org").unwrap();
        let group = store.create_group("Onboarding").unwrap();
        let idea = store.add_idea("Welcome thread", None).unwrap();
        store.move_idea(&idea, Some(&group)).unwrap();
        store.rename_group(&group, "First week").unwrap();
        let ines = store.add_participant("Inès").unwrap();
        store.set_dot_budget(5).unwrap();
        store.set_vote(&ines, &idea, 4).unwrap();
        store.score_idea(&idea, Some(5), Some(2)).unwrap();
        store.close().unwrap();

        let store = Store::open(&path).unwrap();
        let view = store.workshop_board().unwrap();
        assert_eq!(view.board.dot_budget, 5);
        assert_eq!(view.board.groups[0].name, "First week");
        assert_eq!(
            view.board.ideas[0].group_id.as_deref(),
            Some(group.as_str())
        );
        assert_eq!(
            view.ranking[0].dots, 4,
            "the vote survives closing the file"
        );
        assert_eq!(
            (view.ranking[0].value, view.ranking[0].effort),
            (Some(5), Some(2))
        );
        assert_eq!(view.dots_left[0].left, 1);
    }

    #[test]
    fn deleting_a_group_returns_its_notes_to_the_unsorted_ones() {
        let (mut store, group, _) = store_with_notes();
        store.delete_group(&group).unwrap();
        let board = store.board().unwrap();
        assert_eq!(board.ideas.len(), 5, "no note is lost with its group");
        assert_eq!(
            board.ideas.iter().filter(|i| i.group_id.is_none()).count(),
            4
        );
    }

    #[test]
    fn votes_over_the_budget_are_refused_and_nothing_changes() {
        let (mut store, _, _) = store_with_notes();
        let board = store.board().unwrap();
        let p = store.add_participant("Sam").unwrap();
        store.set_vote(&p, &board.ideas[0].id, 3).unwrap();
        let err = store.set_vote(&p, &board.ideas[1].id, 1).unwrap_err();
        assert!(err.to_string().contains("Sam has 3 dots"), "{err}");
        assert!(store.set_dot_budget(2).is_err(), "Sam already placed 3");
        store.set_vote(&p, &board.ideas[0].id, 0).unwrap();
        assert!(
            store.board().unwrap().votes.is_empty(),
            "0 dots takes the vote back"
        );
    }

    #[test]
    fn a_group_becomes_a_goal_with_its_notes_as_the_description() {
        let (mut store, group, _) = store_with_notes();
        let refused = store
            .convert_group(
                &group,
                &ConvertRequest {
                    target: ConvertTarget::Goal,
                    objective_id: None,
                },
            )
            .unwrap_err();
        assert!(
            refused.to_string().contains("business objective"),
            "{refused}"
        );
        let objective = store
            .save_objective(
                None,
                &ObjectiveEdit {
                    title: "Cut support cost".into(),
                    description: String::new(),
                },
            )
            .unwrap();
        let id = store
            .convert_group(
                &group,
                &ConvertRequest {
                    target: ConvertTarget::Goal,
                    objective_id: Some(objective.id),
                },
            )
            .unwrap();
        let goal = store
            .goal_list()
            .unwrap()
            .into_iter()
            .find(|g| g.id.to_string() == id)
            .unwrap();
        assert_eq!(goal.title, "Onboarding");
        assert!(
            goal.description.contains("• Buddy for new members"),
            "{}",
            goal.description
        );
        assert!(
            goal.description.contains("<i>Starter</i> kit 🎒"),
            "markup stays plain text"
        );
        let converted = store.board().unwrap().groups[0].converted.clone().unwrap();
        assert_eq!(
            (converted.target, converted.record_id),
            (ConvertTarget::Goal, id)
        );
    }

    #[test]
    fn a_group_becomes_a_theme_a_finding_or_a_scenario() {
        let (mut store, group, other) = store_with_notes();
        store
            .convert_group(
                &group,
                &ConvertRequest {
                    target: ConvertTarget::Theme,
                    objective_id: None,
                },
            )
            .unwrap();
        store
            .convert_group(
                &other,
                &ConvertRequest {
                    target: ConvertTarget::Finding,
                    objective_id: None,
                },
            )
            .unwrap();
        store
            .convert_group(
                &other,
                &ConvertRequest {
                    target: ConvertTarget::Scenario,
                    objective_id: None,
                },
            )
            .unwrap();
        assert_eq!(store.themes().unwrap()[0].name, "Onboarding");
        assert_eq!(store.audit_findings().unwrap()[0].title, "Recognition");
        let plan = store.crisis_plan().unwrap();
        assert!(plan
            .scenarios
            .iter()
            .any(|s| s.title == "Recognition" && s.description == "• Badges"));
        let empty = store.create_group("Empty").unwrap();
        assert!(store
            .convert_group(
                &empty,
                &ConvertRequest {
                    target: ConvertTarget::Theme,
                    objective_id: None
                }
            )
            .is_err());
    }

    #[test]
    fn a_conversion_that_fails_half_way_leaves_no_record_behind() {
        let (mut store, group, _) = store_with_notes();
        // Make the second write of the conversion (marking the group) fail inside the
        // transaction, after the theme row was inserted.
        store
            .conn
            .execute_batch(
                "CREATE TRIGGER refuse_mark BEFORE UPDATE OF converted_id ON idea_groups
                 BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;",
            )
            .unwrap();
        assert!(store
            .convert_group(
                &group,
                &ConvertRequest {
                    target: ConvertTarget::Theme,
                    objective_id: None
                }
            )
            .is_err());
        assert!(
            store.themes().unwrap().is_empty(),
            "the theme was rolled back with the failed mark"
        );
        assert!(store.board().unwrap().groups[0].converted.is_none());
    }

    #[test]
    fn initiatives_are_scored_beside_the_ideas() {
        let (mut store, group, _) = store_with_notes();
        let request = ConvertRequest {
            target: ConvertTarget::Initiative,
            objective_id: None,
        };
        let id = store.convert_group(&group, &request).unwrap();
        let roadmap = store.roadmap().unwrap();
        assert_eq!(roadmap.initiatives[0].title, "Onboarding");
        assert!(roadmap.initiatives[0]
            .description
            .contains("• Welcome thread"));
        store.score_initiative(&id, Some(5), Some(2)).unwrap();
        assert!(
            store.score_initiative(&id, Some(6), None).is_err(),
            "scores run 1 to 5"
        );
        assert!(store.score_initiative("gone", Some(1), None).is_err());
        let view = store.workshop_board().unwrap();
        assert_eq!(view.initiative_ranking[0].title, "Onboarding");
        assert_eq!(
            view.initiative_ranking[0].quadrant,
            Some(groundwork_core::workshop::priority::IdeaQuadrant::QuickWin)
        );
    }
}
