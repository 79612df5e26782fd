//! The roadmap's phases and initiatives, with the goals, KPIs, channels and initiatives each
//! initiative is linked to.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use groundwork_core::goals::kpis::KpiOwner;
use groundwork_core::roadmap::{
    Initiative, InitiativeEdit, InitiativeStatus, InitiativeValues, Money, Phase, PhaseEdit,
    References, Roadmap, RoadmapOption, RoadmapOverview, Schedule,
};
use rusqlite::{params, Row, Transaction};
use uuid::Uuid;

use crate::audit::{date, uuid, word};
use crate::profile::{parse_timestamp, timestamp, touch};
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

fn optional_date(row: &Row<'_>, col: &str) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(col)? {
        Some(_) => date(row, col).map(Some),
        None => Ok(None),
    }
}

fn initiative_from_row(row: &Row<'_>) -> rusqlite::Result<Initiative> {
    let phase: Option<String> = row.get("phase_id")?;
    let owner_id: Option<String> = row.get("owner_stakeholder_id")?;
    let budget = match (
        row.get::<_, Option<i64>>("budget_minor")?,
        row.get::<_, Option<String>>("currency")?,
    ) {
        (Some(minor), Some(currency)) => Some(Money { minor, currency }),
        _ => None,
    };
    Ok(Initiative {
        id: uuid(row, "id")?,
        title: row.get("title")?,
        description: row.get("description")?,
        phase_id: phase.and_then(|p| Uuid::parse_str(&p).ok()),
        goal_ids: Vec::new(),
        kpi_ids: Vec::new(),
        channel_ids: Vec::new(),
        owner: KpiOwner {
            stakeholder_id: owner_id.and_then(|s| Uuid::parse_str(&s).ok()),
            // A linked stakeholder's current name; the typed name otherwise.
            name: row
                .get::<_, Option<String>>("stakeholder_name")?
                .unwrap_or(row.get("owner_name")?),
        },
        team: row.get("team")?,
        budget,
        schedule: word(row, "schedule", Schedule::from_slug)?,
        start: optional_date(row, "start_on")?,
        end: optional_date(row, "end_on")?,
        status: word(row, "status", InitiativeStatus::from_slug)?,
        milestone: row.get::<_, i64>("milestone")? != 0,
        depends_on: Vec::new(),
        created_at: parse_timestamp(&row.get::<_, String>("created_at")?)?,
        updated_at: parse_timestamp(&row.get::<_, String>("updated_at")?)?,
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

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
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
                .prepare(
                    "SELECT initiative.*, stakeholders.name AS stakeholder_name FROM initiative
                     LEFT JOIN stakeholders ON stakeholders.id = initiative.owner_stakeholder_id
                     ORDER BY initiative.created_at, initiative.id",
                )?
                .query_map([], initiative_from_row)?
                .collect::<rusqlite::Result<_>>()?;
            let index: std::collections::HashMap<Uuid, usize> = initiatives
                .iter()
                .enumerate()
                .map(|(n, i)| (i.id, n))
                .collect();
            for (table, column) in LINKS {
                let mut stmt = self.conn.prepare(&format!(
                    "SELECT initiative_id, {column} AS linked FROM {table} ORDER BY initiative_id, position"
                ))?;
                let rows =
                    stmt.query_map([], |r| Ok((uuid(r, "initiative_id")?, uuid(r, "linked")?)))?;
                for row in rows {
                    let (owner, linked) = row?;
                    if let Some(n) = index.get(&owner) {
                        links_of(&mut initiatives[*n], table).push(linked);
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
    /// unless `keep_initiatives_unphased` (the UI asks first); the initiatives then stay on
    /// the roadmap without a phase.
    pub fn delete_phase(&mut self, id: Uuid, keep_initiatives_unphased: bool) -> Result<()> {
        let roadmap = self.roadmap()?;
        let phase = roadmap.phase(id).ok_or(StoreError::Gone("phase"))?;
        let titles: Vec<&str> = roadmap
            .initiatives_in(Some(id))
            .map(|i| i.title.as_str())
            .collect();
        if !titles.is_empty() && !keep_initiatives_unphased {
            return Err(StoreError::InUse(format!(
                "“{}” holds {} ({}). Deleting the phase keeps them on the roadmap without a phase; move them to another phase first if they belong to one.",
                phase.name,
                plural(titles.len(), "initiative", "initiatives"),
                some_titles(&titles),
            )));
        }
        self.delete_row("phase", id)
    }

    /// What an initiative can be linked to, as the workbook holds it now.
    pub(crate) fn roadmap_references<'a>(
        &self,
        initiatives: &'a [Initiative],
        phases: &[Phase],
    ) -> Result<References<'a>> {
        Ok(References {
            phases: phases.iter().map(|p| p.id).collect(),
            goals: self.ids("goal")?,
            kpis: self.ids("kpi")?,
            channels: self.ids("channel")?,
            stakeholders: self.ids("stakeholders")?,
            initiatives,
        })
    }

    /// Adds (`id` None) or updates an initiative with its links. A dependency circle, dates out
    /// of order, a negative budget or a link to something deleted is refused with a sentence.
    pub fn save_initiative(
        &mut self,
        id: Option<Uuid>,
        edit: &InitiativeEdit,
    ) -> Result<Initiative> {
        let roadmap = self.roadmap()?;
        if let Some(id) = id {
            roadmap
                .initiative(id)
                .ok_or(StoreError::Gone("initiative"))?;
        }
        let refs = self.roadmap_references(&roadmap.initiatives, &roadmap.phases)?;
        let v = edit.validated(id, &refs)?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let path = self.path.clone();
        self.with_tx(|tx| {
            write_initiative(tx, id, &v).map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.roadmap()?
            .initiative(id)
            .cloned()
            .ok_or(StoreError::Gone("initiative"))
    }

    /// Removes an initiative; initiatives that depended on it no longer do.
    pub fn delete_initiative(&mut self, id: Uuid) -> Result<()> {
        self.delete_row("initiative", id)
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
