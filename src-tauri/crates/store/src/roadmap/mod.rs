//! The roadmap's phases and initiatives, with the goals, KPIs, channels and initiatives each
//! initiative is linked to.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use groundwork_core::goals::kpis::KpiOwner;
use groundwork_core::roadmap::{
    DependencyNode, Initiative, InitiativeEdit, InitiativeStatus, InitiativeValues, Money, Phase,
    PhaseEdit, References, Roadmap, RoadmapOption, RoadmapOverview, Schedule,
};
use groundwork_core::text::plural;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use uuid::Uuid;

use crate::profile::touch;
use crate::sql::{date, parse_timestamp, timestamp, uuid, word};
use crate::{Result, Store, StoreError};

fn phase_from_row(row: &Row<'_>) -> rusqlite::Result<Phase> {
    Ok(Phase {
        id: uuid(row, "id")?,
        name: row.get("name")?,
        start: date(row, "start_on")?,
        end: date(row, "end_on")?,
        objective: row.get("objective")?,
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
    })
}

fn optional_date(row: &Row<'_>, col: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get_ref(col)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => date(row, col).map(Some),
    }
}

/// The columns [`initiative_from_row`] reads, by position, with the linked owner's current
/// name last (every autosave answers with the whole roadmap: names cost more than reads).
const INITIATIVE_COLUMNS: &str = "initiative.id, initiative.title, initiative.description,
    initiative.phase_id, initiative.owner_stakeholder_id, initiative.owner_name, initiative.team,
    initiative.budget_minor, initiative.currency, initiative.schedule, initiative.start_on,
    initiative.end_on, initiative.status, initiative.milestone, initiative.created_at,
    initiative.updated_at, stakeholders.name";

fn initiative_from_row(row: &Row<'_>) -> rusqlite::Result<Initiative> {
    let phase: Option<&str> = row.get_ref(3)?.as_str_or_null()?;
    let owner_id: Option<&str> = row.get_ref(4)?.as_str_or_null()?;
    let budget = match (
        row.get::<_, Option<i64>>(7)?,
        row.get::<_, Option<String>>(8)?,
    ) {
        (Some(minor), Some(currency)) => Some(Money { minor, currency }),
        _ => None,
    };
    Ok(Initiative {
        id: uuid(row, 0)?,
        title: row.get(1)?,
        description: row.get(2)?,
        phase_id: phase.and_then(|p| Uuid::parse_str(p).ok()),
        goal_ids: Vec::new(),
        kpi_ids: Vec::new(),
        channel_ids: Vec::new(),
        owner: KpiOwner {
            stakeholder_id: owner_id.and_then(|s| Uuid::parse_str(s).ok()),
            // A linked stakeholder's current name; the typed name otherwise.
            name: row
                .get::<_, Option<String>>(16)?
                .map_or_else(|| row.get(5), Ok)?,
        },
        team: row.get(6)?,
        budget,
        schedule: word(row, 9, Schedule::from_slug)?,
        start: optional_date(row, 10)?,
        end: optional_date(row, 11)?,
        status: word(row, 12, InitiativeStatus::from_slug)?,
        milestone: row.get::<_, i64>(13)? != 0,
        depends_on: Vec::new(),
        created_at: parse_timestamp(row.get_ref(14)?.as_str()?)?,
        updated_at: parse_timestamp(row.get_ref(15)?.as_str()?)?,
    })
}

/// The link tables: (table, column of the linked id).
const LINKS: [(&str, &str); 4] = [
    ("initiative_goal", "goal_id"),
    ("initiative_kpi", "kpi_id"),
    ("initiative_channel", "channel_id"),
    ("initiative_dependency", "depends_on_id"),
];

fn links_of<'a>(initiative: &'a mut Initiative, table: &str) -> &'a mut Vec<Uuid> {
    match table {
        "initiative_goal" => &mut initiative.goal_ids,
        "initiative_kpi" => &mut initiative.kpi_ids,
        "initiative_channel" => &mut initiative.channel_ids,
        _ => &mut initiative.depends_on,
    }
}

fn write_links(
    tx: &Transaction<'_>,
    id: &str,
    table: &str,
    column: &str,
    ids: &[Uuid],
) -> rusqlite::Result<()> {
    tx.execute(
        &format!("DELETE FROM {table} WHERE initiative_id = ?1"),
        params![id],
    )?;
    let mut insert = tx.prepare(&format!(
        "INSERT INTO {table} (initiative_id, {column}, position) VALUES (?1, ?2, ?3)"
    ))?;
    for (position, linked) in ids.iter().enumerate() {
        insert.execute(params![id, linked.to_string(), position as i64])?;
    }
    Ok(())
}

/// "“A”, “B”, “C” and 4 more": names enough to recognise, short enough to read.
fn some_titles(titles: &[&str]) -> String {
    const SHOWN: usize = 5;
    let mut shown: Vec<String> = titles
        .iter()
        .take(SHOWN)
        .map(|t| format!("“{t}”"))
        .collect();
    if titles.len() > SHOWN {
        shown.push(format!("{} more", titles.len() - SHOWN));
    }
    match shown.len() {
        0 => String::new(),
        1 => shown.remove(0),
        n => {
            let last = shown.remove(n - 1);
            format!("{} and {last}", shown.join(", "))
        }
    }
}

impl Store {
    /// Phases by start date, initiatives in the order they were added, with their links.
    pub fn roadmap(&self) -> Result<Roadmap> {
        let read = || -> rusqlite::Result<Roadmap> {
            let phases = self
                .conn
                .prepare("SELECT * FROM phase ORDER BY start_on, end_on, created_at, id")?
                .query_map([], phase_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut initiatives: Vec<Initiative> = self
                .conn
                .prepare(&format!(
                    "SELECT {INITIATIVE_COLUMNS} FROM initiative
                     LEFT JOIN stakeholders ON stakeholders.id = initiative.owner_stakeholder_id
                     ORDER BY initiative.created_at, initiative.id"
                ))?
                .query_map([], initiative_from_row)?
                .collect::<rusqlite::Result<_>>()?;
            let index: std::collections::HashMap<Uuid, usize> = initiatives
                .iter()
                .enumerate()
                .map(|(n, i)| (i.id, n))
                .collect();
            for (table, column) in LINKS {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT initiative_id, {column}, position FROM {table}"
                ))?;
                // Put in order here: SQLite's sorter cost more than reading the rows.
                let mut links: Vec<(usize, i64, Uuid)> = Vec::new();
                for row in stmt.query_map([], |r| Ok((uuid(r, 0)?, uuid(r, 1)?, r.get(2)?)))? {
                    let (owner, linked, position) = row?;
                    if let Some(n) = index.get(&owner) {
                        links.push((*n, position, linked));
                    }
                }
                links.sort_unstable_by_key(|(n, position, _)| (*n, *position));
                for (n, _, linked) in links {
                    if let Some(initiative) = initiatives.get_mut(n) {
                        links_of(initiative, table).push(linked);
                    }
                }
            }
            Ok(Roadmap {
                phases,
                initiatives,
            })
        };
        read().map_err(|e| self.sql_error(e))
    }

    pub(crate) fn roadmap_record_count(&self) -> Result<u64> {
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM phase) + (SELECT count(*) FROM initiative)",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| u64::try_from(n).unwrap_or(0))
            .map_err(|e| self.sql_error(e))
    }

    /// What the roadmap screens show on `today`: the roadmap, its flags and budget totals, and
    /// the goals, KPIs, channels and owners an initiative can be linked to.
    pub fn roadmap_overview(&self, today: NaiveDate) -> Result<RoadmapOverview> {
        // Titles by id, for the options' details; measurements are not needed here.
        let objectives: HashMap<Uuid, String> = self
            .objectives()?
            .into_iter()
            .map(|o| (o.id, o.title))
            .collect();
        let goals = self.goal_list()?;
        let goal_titles: HashMap<Uuid, &str> =
            goals.iter().map(|g| (g.id, g.title.as_str())).collect();
        let kpi_options = self
            .kpis()?
            .into_iter()
            .map(|k| RoadmapOption {
                id: k.id,
                detail: goal_titles
                    .get(&k.goal_id)
                    .map(|t| (*t).to_owned())
                    .unwrap_or_default(),
                label: k.name,
                parent_id: Some(k.goal_id),
            })
            .collect();
        let goal_options: Vec<RoadmapOption> = goals
            .iter()
            .map(|g| RoadmapOption {
                id: g.id,
                label: g.title.clone(),
                detail: objectives.get(&g.objective_id).cloned().unwrap_or_default(),
                parent_id: Some(g.objective_id),
            })
            .collect();
        let channels = self
            .channels()?
            .into_iter()
            .map(|c| RoadmapOption {
                id: c.id,
                label: c.name,
                detail: c.kind.label().to_owned(),
                parent_id: None,
            })
            .collect();
        let owners = self
            .owner_candidates()?
            .into_iter()
            .map(|o| RoadmapOption {
                id: o.id,
                label: o.name,
                detail: o.detail,
                parent_id: None,
            })
            .collect();
        Ok(RoadmapOverview::new(
            self.roadmap()?,
            goal_options,
            kpi_options,
            channels,
            owners,
            today,
        ))
    }

    pub fn save_phase(&mut self, id: Option<Uuid>, edit: &PhaseEdit) -> Result<Phase> {
        if let Some(id) = id {
            self.roadmap()?.phase(id).ok_or(StoreError::Gone("phase"))?;
        }
        let v = edit.validated()?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO phase (id, name, start_on, end_on, objective, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                 ON CONFLICT (id) DO UPDATE SET name = ?2, start_on = ?3, end_on = ?4,
                     objective = ?5, updated_at = ?6",
                params![
                    id.to_string(),
                    v.name,
                    v.start.to_string(),
                    v.end.to_string(),
                    v.objective,
                    timestamp(Utc::now())
                ],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.roadmap()?
            .phase(id)
            .cloned()
            .ok_or(StoreError::Gone("phase"))
    }

    /// Removes a phase. With initiatives in it, it is refused with a sentence naming them
    /// unless `confirmed` (the UI asks first); the initiatives then stay on the roadmap without
    /// a phase.
    pub fn delete_phase(&mut self, id: Uuid, confirmed: bool) -> Result<()> {
        let roadmap = self.roadmap()?;
        let phase = roadmap.phase(id).ok_or(StoreError::Gone("phase"))?;
        let titles: Vec<&str> = roadmap
            .initiatives_in(Some(id))
            .map(|i| i.title.as_str())
            .collect();
        if !titles.is_empty() && !confirmed {
            return Err(StoreError::InUse(format!(
                "“{}” holds {} ({}). Deleting the phase keeps them on the roadmap without a phase; move them to another phase first if they belong to one.",
                phase.name,
                plural(titles.len(), "initiative", "initiatives"),
                some_titles(&titles),
            )));
        }
        self.trash_one("Phase", "phase", id, "phase")
    }

    /// What an initiative can be linked to, as the workbook holds it now: ids, and the
    /// dependency graph with titles (not whole initiatives: an autosave reads this each time).
    pub(crate) fn roadmap_references(&self) -> Result<References> {
        let read = || -> rusqlite::Result<Vec<DependencyNode>> {
            let mut nodes: Vec<DependencyNode> = self
                .conn
                .prepare_cached("SELECT id, title FROM initiative ORDER BY created_at, id")?
                .query_map([], |r| {
                    Ok(DependencyNode {
                        id: uuid(r, 0)?,
                        title: r.get(1)?,
                        depends_on: Vec::new(),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let index: HashMap<Uuid, usize> =
                nodes.iter().enumerate().map(|(n, i)| (i.id, n)).collect();
            let mut stmt = self.conn.prepare_cached(
                "SELECT initiative_id, depends_on_id FROM initiative_dependency
                 ORDER BY initiative_id, position",
            )?;
            for edge in stmt.query_map([], |r| Ok((uuid(r, 0)?, uuid(r, 1)?)))? {
                let (from, to) = edge?;
                if let Some(node) = index.get(&from).and_then(|n| nodes.get_mut(*n)) {
                    node.depends_on.push(to);
                }
            }
            Ok(nodes)
        };
        Ok(References {
            phases: self.ids("phase")?,
            goals: self.ids("goal")?,
            kpis: self.ids("kpi")?,
            channels: self.ids("channel")?,
            stakeholders: self.ids("stakeholders")?,
            initiatives: read().map_err(|e| self.sql_error(e))?,
        })
    }

    /// One initiative with its links.
    pub fn initiative(&self, id: Uuid) -> Result<Initiative> {
        let read = || -> rusqlite::Result<Option<Initiative>> {
            let Some(mut initiative) = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {INITIATIVE_COLUMNS} FROM initiative
                     LEFT JOIN stakeholders ON stakeholders.id = initiative.owner_stakeholder_id
                     WHERE initiative.id = ?1"
                ))?
                .query_row([id.to_string()], initiative_from_row)
                .optional()?
            else {
                return Ok(None);
            };
            for (table, column) in LINKS {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {column} FROM {table} WHERE initiative_id = ?1 ORDER BY position"
                ))?;
                let linked = stmt
                    .query_map([id.to_string()], |r| uuid(r, 0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                *links_of(&mut initiative, table) = linked;
            }
            Ok(Some(initiative))
        };
        read()
            .map_err(|e| self.sql_error(e))?
            .ok_or(StoreError::Gone("initiative"))
    }

    /// Adds (`id` None) or updates an initiative with its links. A dependency circle, dates out
    /// of order, a negative budget or a link to something deleted is refused with a sentence.
    pub fn save_initiative(
        &mut self,
        id: Option<Uuid>,
        edit: &InitiativeEdit,
    ) -> Result<Initiative> {
        if let Some(id) = id {
            if !self.exists("initiative", id)? {
                return Err(StoreError::Gone("initiative"));
            }
        }
        let v = edit.validated(id, &self.roadmap_references()?)?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let path = self.path.clone();
        self.with_tx(|tx| {
            write_initiative(tx, id, &v).map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.initiative(id)
    }

    /// Removes an initiative; initiatives that depended on it no longer do.
    pub fn delete_initiative(&mut self, id: Uuid) -> Result<()> {
        self.trash_one("Initiative", "initiative", id, "initiative")
    }
}

#[cfg(test)]
mod tests;

/// Writes a validated initiative and its links (insert or update) in the caller's transaction.
pub(crate) fn write_initiative(
    tx: &Transaction<'_>,
    id: Uuid,
    v: &InitiativeValues,
) -> rusqlite::Result<()> {
    let key = id.to_string();
    tx.execute(
        "INSERT INTO initiative (id, title, description, phase_id, owner_stakeholder_id,
                 owner_name, team, budget_minor, currency, schedule, start_on, end_on,
                 status, milestone, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)
             ON CONFLICT (id) DO UPDATE SET title = ?2, description = ?3, phase_id = ?4,
                 owner_stakeholder_id = ?5, owner_name = ?6, team = ?7, budget_minor = ?8,
                 currency = ?9, schedule = ?10, start_on = ?11, end_on = ?12, status = ?13,
                 milestone = ?14, updated_at = ?15",
        params![
            key,
            v.title,
            v.description,
            v.phase_id.map(|p| p.to_string()),
            v.owner.stakeholder_id.map(|s| s.to_string()),
            v.owner.name,
            v.team,
            v.budget.as_ref().map(|m| m.minor),
            v.budget.as_ref().map(|m| m.currency.clone()),
            v.schedule.slug(),
            v.start.map(|d| d.to_string()),
            v.end.map(|d| d.to_string()),
            v.status.slug(),
            i64::from(v.milestone),
            timestamp(Utc::now()),
        ],
    )?;
    write_links(tx, &key, "initiative_goal", "goal_id", &v.goal_ids)?;
    write_links(tx, &key, "initiative_kpi", "kpi_id", &v.kpi_ids)?;
    write_links(tx, &key, "initiative_channel", "channel_id", &v.channel_ids)?;
    write_links(
        tx,
        &key,
        "initiative_dependency",
        "depends_on_id",
        &v.depends_on,
    )?;
    touch(tx, Utc::now())
}
