//! The goals step's narrative, objectives and goals with their cited evidence.

pub(crate) mod kpis;

use chrono::{NaiveDate, Utc};
use groundwork_core::goals::{
    EvidenceCandidate, EvidenceKind, EvidenceRef, Goal, GoalEdit, Goals, GoalsOverview, Narrative,
    Objective, ObjectiveEdit, OwnerCandidate,
};
use groundwork_core::text::plural;
use rusqlite::{params, Row, Transaction};
use uuid::Uuid;

use crate::profile::touch;
use crate::sql::{date, parse_timestamp, timestamp, uuid, word};
use crate::{Result, Store, StoreError};

fn objective_from_row(row: &Row<'_>) -> rusqlite::Result<Objective> {
    Ok(Objective {
        id: uuid(row, "id")?,
        title: row.get("title")?,
        description: row.get("description")?,
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
    })
}

fn goal_from_row(row: &Row<'_>) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: uuid(row, "id")?,
        objective_id: uuid(row, "objective_id")?,
        title: row.get("title")?,
        description: row.get("description")?,
        evidence: Vec::new(),
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
    })
}

/// Writes a validated goal and its citations (insert or update); the caller owns the
/// transaction, so a workshop conversion can write the goal with its other changes at once.
pub(crate) fn write_goal(tx: &Transaction<'_>, id: Uuid, edit: &GoalEdit) -> rusqlite::Result<()> {
    let key = id.to_string();
    tx.execute(
        "INSERT INTO goal (id, objective_id, title, description, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (id) DO UPDATE SET objective_id = ?2, title = ?3,
             description = ?4, updated_at = ?5",
        params![
            key,
            edit.objective_id.to_string(),
            edit.title,
            edit.description,
            timestamp(Utc::now())
        ],
    )?;
    tx.execute("DELETE FROM goal_evidence WHERE goal_id = ?1", params![key])?;
    for (i, e) in edit.evidence.iter().enumerate() {
        tx.execute(
            "INSERT INTO goal_evidence (goal_id, kind, ref_id, position) VALUES (?1, ?2, ?3, ?4)",
            params![
                key,
                e.kind.slug(),
                e.id.to_string(),
                i64::try_from(i).unwrap_or(i64::MAX)
            ],
        )?;
    }
    touch(tx, Utc::now())
}

impl Store {
    /// Every record of the goals step.
    pub fn goals(&self) -> Result<Goals> {
        Ok(Goals {
            narrative: self.narrative()?,
            objectives: self.objectives()?,
            goals: self.goal_list()?,
            kpis: self.kpis()?,
            measurements: self.measurements()?,
        })
    }

    /// What the goals screens show on `today`: the records, each KPI's progress and status
    /// as of that day, the step's health, and what a goal can cite and a KPI be owned by.
    pub fn goals_overview(&self, today: NaiveDate) -> Result<GoalsOverview> {
        Ok(GoalsOverview::new(
            self.profile()?.purpose,
            self.goals()?,
            self.evidence_candidates()?,
            self.owner_candidates()?,
            today,
        ))
    }

    pub(crate) fn goals_record_count(&self) -> Result<u64> {
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM objective) + (SELECT count(*) FROM goal)
                      + (SELECT count(*) FROM kpi) + (SELECT count(*) FROM measurement)
                      + (SELECT count(*) FROM narrative
                         WHERE trim(member_value || organisation_value || behaviours || story) <> '')",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| u64::try_from(n).unwrap_or(0))
            .map_err(|e| self.sql_error(e))
    }

    pub fn narrative(&self) -> Result<Narrative> {
        self.conn
            .query_row("SELECT * FROM narrative WHERE id = 1", [], |r| {
                Ok(Narrative {
                    member_value: r.get("member_value")?,
                    organisation_value: r.get("organisation_value")?,
                    behaviours: r.get("behaviours")?,
                    story: r.get("story")?,
                })
            })
            .map_err(|e| self.sql_error(e))
    }

    pub fn update_narrative(&mut self, edit: &Narrative) -> Result<Narrative> {
        let n = edit.validated()?;
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "UPDATE narrative SET member_value = ?1, organisation_value = ?2, behaviours = ?3,
                     story = ?4 WHERE id = 1",
                params![n.member_value, n.organisation_value, n.behaviours, n.story],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.narrative()
    }

    /// Objectives in the order they were added.
    pub fn objectives(&self) -> Result<Vec<Objective>> {
        let read = || -> rusqlite::Result<Vec<Objective>> {
            self.conn
                .prepare("SELECT * FROM objective ORDER BY created_at, id")?
                .query_map([], objective_from_row)?
                .collect()
        };
        read().map_err(|e| self.sql_error(e))
    }

    pub fn save_objective(&mut self, id: Option<Uuid>, edit: &ObjectiveEdit) -> Result<Objective> {
        if let Some(id) = id {
            self.objectives()?
                .iter()
                .find(|o| o.id == id)
                .ok_or(StoreError::Gone("objective"))?;
        }
        let edit = edit.validated()?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO objective (id, title, description, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)
                 ON CONFLICT (id) DO UPDATE SET title = ?2, description = ?3, updated_at = ?4",
                params![
                    id.to_string(),
                    edit.title,
                    edit.description,
                    timestamp(Utc::now())
                ],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.objectives()?
            .into_iter()
            .find(|o| o.id == id)
            .ok_or(StoreError::Gone("objective"))
    }

    /// Removes an objective. With goals under it, it is refused with a sentence naming what
    /// would go with it unless `confirmed` (the UI asks first); then its goals, their KPIs and
    /// measurements go too.
    pub fn delete_objective(&mut self, id: Uuid, confirmed: bool) -> Result<()> {
        let goals = self.goals()?;
        let objective = goals
            .objectives
            .iter()
            .find(|o| o.id == id)
            .ok_or(StoreError::Gone("objective"))?;
        let under: Vec<&Goal> = goals.goals_of(id).collect();
        if !under.is_empty() && !confirmed {
            let kpis: usize = under.iter().map(|g| goals.kpis_of(g.id).count()).sum();
            let titles: Vec<String> = under.iter().map(|g| format!("“{}”", g.title)).collect();
            return Err(StoreError::InUse(format!(
                "“{}” has {} ({}) with {}. Deleting the objective deletes them too.",
                objective.title,
                plural(under.len(), "goal", "goals"),
                titles.join(", "),
                plural(kpis, "KPI", "KPIs"),
            )));
        }
        self.trash_one("Objective", "objective", id, "objective")
    }

    /// Goals with their evidence, in the order they were added.
    pub fn goal_list(&self) -> Result<Vec<Goal>> {
        let read = || -> rusqlite::Result<Vec<Goal>> {
            let mut list: Vec<Goal> = self
                .conn
                .prepare("SELECT * FROM goal ORDER BY created_at, id")?
                .query_map([], goal_from_row)?
                .collect::<rusqlite::Result<_>>()?;
            let mut stmt = self.conn.prepare(
                "SELECT goal_id, kind, ref_id FROM goal_evidence ORDER BY goal_id, position",
            )?;
            let links = stmt.query_map([], |r| {
                Ok((
                    uuid(r, "goal_id")?,
                    EvidenceRef {
                        kind: word(r, "kind", EvidenceKind::from_slug)?,
                        id: uuid(r, "ref_id")?,
                    },
                ))
            })?;
            for link in links {
                let (goal, cite) = link?;
                if let Some(g) = list.iter_mut().find(|g| g.id == goal) {
                    g.evidence.push(cite);
                }
            }
            Ok(list)
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// What a goal can cite: audit findings (most important first), interview themes and the
    /// quotes of interviews (with who said them).
    pub fn evidence_candidates(&self) -> Result<Vec<EvidenceCandidate>> {
        let mut list: Vec<EvidenceCandidate> = self
            .findings()?
            .into_iter()
            .map(|f| EvidenceCandidate {
                kind: EvidenceKind::Finding,
                id: f.id,
                title: f.title,
                detail: format!("{} importance", f.importance.label()),
            })
            .collect();
        for t in self.themes()? {
            list.push(EvidenceCandidate {
                kind: EvidenceKind::Theme,
                id: t.id,
                title: t.name,
                detail: t.side.label().to_owned(),
            });
        }
        // Each quote with who said it and when, read in one go (not through the interviews,
        // which carry every answer and note).
        let read_quotes = || -> rusqlite::Result<Vec<(String, String, String, NaiveDate)>> {
            self.conn
                .prepare_cached(
                    "SELECT q.id, q.text, s.name, i.date FROM quotes q
                     JOIN interviews i ON i.id = q.interview_id
                     LEFT JOIN stakeholders s ON s.id = i.stakeholder_id
                     ORDER BY i.date DESC, i.created_at DESC, q.created_at, q.seq",
                )?
                .query_map([], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get::<_, Option<String>>(2)?
                            .unwrap_or_else(|| "A stakeholder".to_owned()),
                        date(r, 3)?,
                    ))
                })?
                .collect()
        };
        for (id, text, who, on) in read_quotes().map_err(|e| self.sql_error(e))? {
            let Ok(id) = Uuid::parse_str(&id) else {
                continue;
            };
            list.push(EvidenceCandidate {
                kind: EvidenceKind::Quote,
                id,
                title: text,
                detail: groundwork_core::text::said_by(&who, on),
            });
        }
        Ok(list)
    }

    /// Who can own a KPI: the stakeholder register, by name.
    pub fn owner_candidates(&self) -> Result<Vec<OwnerCandidate>> {
        let mut list: Vec<OwnerCandidate> = self
            .stakeholders()?
            .into_iter()
            .map(|s| {
                let detail = [s.role.trim(), s.department.label()]
                    .into_iter()
                    .filter(|x| !x.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                OwnerCandidate {
                    id: s.id,
                    name: s.name,
                    detail,
                }
            })
            .collect();
        list.sort_by_key(|o| o.name.to_lowercase());
        Ok(list)
    }

    pub fn save_goal(&mut self, id: Option<Uuid>, edit: &GoalEdit) -> Result<Goal> {
        if let Some(id) = id {
            self.goal_list()?
                .iter()
                .find(|g| g.id == id)
                .ok_or(StoreError::Gone("goal"))?;
        }
        let objectives: Vec<Uuid> = self.objectives()?.iter().map(|o| o.id).collect();
        let edit = edit.validated(&objectives, &self.evidence_candidates()?)?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let path = self.path.clone();
        self.with_tx(|tx| {
            write_goal(tx, id, &edit).map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.goal_list()?
            .into_iter()
            .find(|g| g.id == id)
            .ok_or(StoreError::Gone("goal"))
    }

    /// Removes a goal; with KPIs under it, only once `confirmed` (the sentence names them).
    pub fn delete_goal(&mut self, id: Uuid, confirmed: bool) -> Result<()> {
        let goals = self.goals()?;
        let goal = goals
            .goals
            .iter()
            .find(|g| g.id == id)
            .ok_or(StoreError::Gone("goal"))?;
        let kpis: Vec<_> = goals.kpis_of(id).collect();
        if !kpis.is_empty() && !confirmed {
            let measured = goals
                .measurements
                .iter()
                .filter(|m| kpis.iter().any(|k| k.id == m.kpi_id))
                .count();
            let names: Vec<String> = kpis.iter().map(|k| format!("“{}”", k.name)).collect();
            return Err(StoreError::InUse(format!(
                "“{}” is measured by {} ({}) with {}. Deleting the goal deletes them too.",
                goal.title,
                plural(kpis.len(), "KPI", "KPIs"),
                names.join(", "),
                plural(measured, "measurement", "measurements"),
            )));
        }
        self.trash_one("Goal", "goal", id, "goal")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use groundwork_core::audit::findings::{FindingEdit, Importance};

    use super::*;

    pub(crate) fn objective_and_goal(store: &mut Store) -> (Objective, Goal) {
        let o = store
            .save_objective(
                None,
                &ObjectiveEdit {
                    title: "Cut support costs".into(),
                    description: String::new(),
                },
            )
            .unwrap();
        let g = store
            .save_goal(
                None,
                &GoalEdit {
                    objective_id: o.id,
                    title: "Members answer members".into(),
                    description: String::new(),
                    evidence: Vec::new(),
                },
            )
            .unwrap();
        (o, g)
    }

    #[test]
    fn the_narrative_round_trips_and_counts_once_written() {
        let mut store = Store::in_memory("Goals").unwrap();
        assert_eq!(
            store.goals_record_count().unwrap(),
            0,
            "an empty narrative is not a record"
        );
        let n = Narrative {
            member_value: "Answers in minutes 🚀".into(),
            story: "<b>We</b>\n\nhelp".into(),
            ..Narrative::default()
        };
        assert_eq!(store.update_narrative(&n).unwrap(), n);
        assert_eq!(store.goals_record_count().unwrap(), 1);
    }

    #[test]
    fn a_goal_cites_findings_and_loses_the_citation_when_the_finding_goes() {
        let mut store = Store::in_memory("Goals").unwrap();
        let finding = store
            .save_finding(
                None,
                &FindingEdit {
                    title: "Slow replies".into(),
                    importance: Importance::High,
                    evidence: String::new(),
                    channel_ids: Vec::new(),
                    snapshot_ids: Vec::new(),
                },
            )
            .unwrap();
        let candidates = store.evidence_candidates().unwrap();
        assert_eq!(candidates.len(), 1);
        assert_eq!(candidates[0].title, "Slow replies");
        let (o, g) = objective_and_goal(&mut store);
        let cite = EvidenceRef {
            kind: EvidenceKind::Finding,
            id: finding.id,
        };
        let g = store
            .save_goal(
                Some(g.id),
                &GoalEdit {
                    objective_id: o.id,
                    title: g.title.clone(),
                    description: "why".into(),
                    evidence: vec![cite],
                },
            )
            .unwrap();
        assert_eq!(g.evidence, vec![cite]);
        let err = store
            .save_goal(
                None,
                &GoalEdit {
                    objective_id: o.id,
                    title: "x".into(),
                    description: String::new(),
                    evidence: vec![EvidenceRef {
                        kind: EvidenceKind::Quote,
                        id: finding.id,
                    }],
                },
            )
            .unwrap_err();
        assert_eq!(
            err.field(),
            Some("evidence"),
            "a quote with a finding's id is not a citation"
        );
        store.delete_finding(finding.id).unwrap();
        assert!(
            store.goal_list().unwrap()[0].evidence.is_empty(),
            "a deleted finding's citations go with it"
        );
    }

    #[test]
    fn interview_themes_and_quotes_are_cited_and_leave_with_their_record() {
        use groundwork_core::stakeholders::interviews::{InterviewEdit, InterviewMode};
        use groundwork_core::stakeholders::themes::{ThemeEdit, ThemeSide};
        let mut store = Store::in_memory("Goals").unwrap();
        let ines = store
            .save_stakeholder(None, &crate::stakeholders::tests::edit("Inês"))
            .unwrap();
        let theme = store
            .save_theme(
                None,
                &ThemeEdit {
                    name: "Slow answers".into(),
                    side: ThemeSide::Both,
                    description: String::new(),
                },
            )
            .unwrap();
        let interview = store
            .save_interview(
                None,
                &InterviewEdit {
                    stakeholder_id: Some(ines.id),
                    date: "2026-02-03".into(),
                    interviewer: "Ana".into(),
                    mode: InterviewMode::InPerson,
                    guide_id: None,
                },
            )
            .unwrap();
        let quote = store
            .save_quote(interview.id, None, "Nobody answers on weekends.")
            .unwrap();
        let candidates = store.evidence_candidates().unwrap();
        let theme_ref = candidates
            .iter()
            .find(|c| c.kind == EvidenceKind::Theme)
            .unwrap();
        let quote_ref = candidates
            .iter()
            .find(|c| c.kind == EvidenceKind::Quote)
            .unwrap();
        assert_eq!(theme_ref.title, "Slow answers");
        assert_eq!(quote_ref.title, "Nobody answers on weekends.");
        assert_eq!(
            quote_ref.detail, "Inês, 3\u{a0}Feb\u{a0}2026",
            "a quote says who said it and when"
        );
        let (o, _) = objective_and_goal(&mut store);
        let cites = vec![
            EvidenceRef {
                kind: EvidenceKind::Theme,
                id: theme_ref.id,
            },
            EvidenceRef {
                kind: EvidenceKind::Quote,
                id: quote_ref.id,
            },
        ];
        let g = store
            .save_goal(
                None,
                &GoalEdit {
                    objective_id: o.id,
                    title: "Weekend answers".into(),
                    description: String::new(),
                    evidence: cites.clone(),
                },
            )
            .unwrap();
        assert_eq!(g.evidence, cites);
        store.delete_quote(quote.id).unwrap();
        store.delete_theme(theme.id).unwrap();
        let g = store
            .goal_list()
            .unwrap()
            .into_iter()
            .find(|x| x.id == g.id)
            .unwrap();
        assert!(
            g.evidence.is_empty(),
            "deleted themes and quotes take their citations with them"
        );
        let owners = store.owner_candidates().unwrap();
        assert_eq!(owners.len(), 1);
        assert_eq!(owners[0].name, "Inês");
        assert_eq!(owners[0].detail, "Head of Support · Support");
    }

    #[test]
    fn deleting_an_objective_with_goals_asks_first_and_names_them() {
        let mut store = Store::in_memory("Goals").unwrap();
        let (o, _) = objective_and_goal(&mut store);
        let err = store.delete_objective(o.id, false).unwrap_err();
        assert!(matches!(err, StoreError::InUse(_)));
        assert!(
            err.to_string()
                .contains("1 goal (“Members answer members”) with 0 KPIs"),
            "{err}"
        );
        assert_eq!(
            store.goal_list().unwrap().len(),
            1,
            "nothing removed before confirming"
        );
        store.delete_objective(o.id, true).unwrap();
        assert!(store.goals().unwrap().goals.is_empty());
        assert!(matches!(
            store.delete_objective(o.id, true),
            Err(StoreError::Gone(_))
        ));
    }
}
