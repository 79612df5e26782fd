//! The `kpi` and `measurement` tables.

use chrono::{NaiveDate, Utc};
use groundwork_core::goals::kpis::{Cadence, Direction, Kpi, KpiCategory, KpiEdit, KpiOwner};
use groundwork_core::goals::measurements::{self, Measurement, MeasurementEdit, PasteReport};
use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use crate::profile::touch;
use crate::sql::{date, parse_timestamp, timestamp, uuid, word};
use crate::{Result, Store, StoreError};

/// The columns [`kpi_from_row`] reads, by position (see [`MEASUREMENT_COLUMNS`]), with the
/// linked owner's current name last.
const KPI_COLUMNS: &str = "kpi.id, kpi.goal_id, kpi.name, kpi.category, kpi.custom_category,
    kpi.definition, kpi.unit, kpi.direction, kpi.baseline_value, kpi.baseline_date,
    kpi.target_value, kpi.target_date, kpi.data_source, kpi.owner_stakeholder_id, kpi.owner_name,
    kpi.cadence, kpi.weight, kpi.created_at, kpi.updated_at, stakeholders.name";

fn kpi_from_row(row: &Row<'_>) -> rusqlite::Result<Kpi> {
    let owner_id: Option<&str> = row.get_ref(13)?.as_str_or_null()?;
    Ok(Kpi {
        id: uuid(row, 0)?,
        goal_id: uuid(row, 1)?,
        name: row.get(2)?,
        category: word(row, 3, KpiCategory::from_slug)?,
        custom_category: row.get(4)?,
        definition: row.get(5)?,
        unit: row.get(6)?,
        direction: word(row, 7, Direction::from_slug)?,
        baseline_value: row.get(8)?,
        baseline_date: date(row, 9)?,
        target_value: row.get(10)?,
        target_date: date(row, 11)?,
        data_source: row.get(12)?,
        owner: KpiOwner {
            stakeholder_id: owner_id.and_then(|s| Uuid::parse_str(s).ok()),
            // A linked stakeholder's current name; the typed name otherwise.
            name: row
                .get::<_, Option<String>>(19)?
                .map_or_else(|| row.get(14), Ok)?,
        },
        cadence: word(row, 15, Cadence::from_slug)?,
        weight: row.get(16)?,
        created_at: parse_timestamp(row.get_ref(17)?.as_str()?)?,
        updated_at: parse_timestamp(row.get_ref(18)?.as_str()?)?,
    })
}

/// The columns [`measurement_from_row`] reads, by position: a goals screen reads thousands of
/// measurements, and looking each column up by name was a good part of its time.
const MEASUREMENT_COLUMNS: &str = "id, kpi_id, measured_on, value, note, created_at";

fn measurement_from_row(row: &Row<'_>) -> rusqlite::Result<Measurement> {
    Ok(Measurement {
        id: uuid(row, 0)?,
        kpi_id: uuid(row, 1)?,
        measured_on: date(row, 2)?,
        value: row.get(3)?,
        note: row.get(4)?,
        created_at: parse_timestamp(row.get_ref(5)?.as_str()?)?,
    })
}

impl Store {
    /// KPIs in the order they were added.
    pub fn kpis(&self) -> Result<Vec<Kpi>> {
        let read = || -> rusqlite::Result<Vec<Kpi>> {
            self.conn
                .prepare(&format!(
                    "SELECT {KPI_COLUMNS} FROM kpi
                     LEFT JOIN stakeholders ON stakeholders.id = kpi.owner_stakeholder_id
                     ORDER BY kpi.created_at, kpi.id"
                ))?
                .query_map([], kpi_from_row)?
                .collect()
        };
        read().map_err(|e| self.sql_error(e))
    }

    pub(crate) fn kpi(&self, id: Uuid) -> Result<Kpi> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {KPI_COLUMNS} FROM kpi
                 LEFT JOIN stakeholders ON stakeholders.id = kpi.owner_stakeholder_id
                 WHERE kpi.id = ?1"
            ))
            .and_then(|mut st| st.query_row([id.to_string()], kpi_from_row).optional())
            .map_err(|e| self.sql_error(e))?
            .ok_or(StoreError::Gone("KPI"))
    }

    pub fn save_kpi(&mut self, id: Option<Uuid>, edit: &KpiEdit) -> Result<Kpi> {
        if let Some(id) = id {
            self.kpi(id)?;
        }
        if !self.exists("goal", edit.goal_id)? {
            return Err(StoreError::Gone("goal"));
        }
        // The one stakeholder the edit names is all the validation needs to know about.
        let owners: Vec<Uuid> = edit
            .owner
            .stakeholder_id
            .into_iter()
            .map(|s| {
                self.exists("stakeholders", s)
                    .map(|known| known.then_some(s))
            })
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        let v = edit.validated(&owners)?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO kpi (id, goal_id, name, category, custom_category, definition, unit,
                     direction, baseline_value, baseline_date, target_value, target_date,
                     data_source, owner_stakeholder_id, owner_name, cadence, weight,
                     created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?18)
                 ON CONFLICT (id) DO UPDATE SET goal_id = ?2, name = ?3, category = ?4,
                     custom_category = ?5, definition = ?6, unit = ?7, direction = ?8,
                     baseline_value = ?9, baseline_date = ?10, target_value = ?11,
                     target_date = ?12, data_source = ?13, owner_stakeholder_id = ?14,
                     owner_name = ?15, cadence = ?16, weight = ?17, updated_at = ?18",
                params![
                    id.to_string(),
                    v.goal_id.to_string(),
                    v.name,
                    v.category.slug(),
                    v.custom_category,
                    v.definition,
                    v.unit,
                    v.direction.slug(),
                    v.baseline_value,
                    v.baseline_date.to_string(),
                    v.target_value,
                    v.target_date.to_string(),
                    v.data_source,
                    v.owner.stakeholder_id.map(|s| s.to_string()),
                    v.owner.name,
                    v.cadence.slug(),
                    v.weight,
                    timestamp(Utc::now()),
                ],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.kpi(id)
    }

    /// Removes a KPI; with measurements, only once `confirmed` (the sentence counts them).
    pub fn delete_kpi(&mut self, id: Uuid, confirmed: bool) -> Result<()> {
        let kpi = self.kpi(id)?;
        let measured = self.kpi_measurements(id)?.len();
        if measured > 0 && !confirmed {
            let what = if measured == 1 {
                "1 measurement".to_owned()
            } else {
                format!("{measured} measurements")
            };
            return Err(StoreError::InUse(format!(
                "“{}” has {what}. Deleting the KPI deletes them too.",
                kpi.name
            )));
        }
        self.trash_one("KPI", "kpi", id, "KPI")
    }

    /// Every measurement, oldest first.
    pub fn measurements(&self) -> Result<Vec<Measurement>> {
        let read = || -> rusqlite::Result<Vec<Measurement>> {
            self.conn
                .prepare(&format!("SELECT {MEASUREMENT_COLUMNS} FROM measurement"))?
                .query_map([], measurement_from_row)?
                .collect()
        };
        // Sorted here rather than by SQLite's sorter, which cost more than the read. A UUID's
        // bytes sort as its lowercase text does.
        let mut list = read().map_err(|e| self.sql_error(e))?;
        list.sort_by(|a, b| {
            a.measured_on
                .cmp(&b.measured_on)
                .then(a.kpi_id.cmp(&b.kpi_id))
        });
        Ok(list)
    }

    /// Adds a measurement to a KPI (`id` is `None`) or changes one. `today` is the
    /// strategist's date: a measurement can't be dated after it.
    pub fn save_measurement(
        &mut self,
        kpi_id: Uuid,
        id: Option<Uuid>,
        edit: &MeasurementEdit,
        today: NaiveDate,
    ) -> Result<Measurement> {
        let kpi = self.kpi(kpi_id)?;
        let (mine, others): (Vec<Measurement>, Vec<Measurement>) = self
            .kpi_measurements(kpi_id)?
            .into_iter()
            .partition(|m| Some(m.id) == id);
        if id.is_some() && mine.is_empty() {
            return Err(StoreError::Gone("measurement"));
        }
        let (on, value, note) = edit.validated(&kpi.unit, today, &others)?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let path = self.path.clone();
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO measurement (id, kpi_id, measured_on, value, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET measured_on = ?3, value = ?4, note = ?5",
                params![
                    id.to_string(),
                    kpi_id.to_string(),
                    on.to_string(),
                    value,
                    note,
                    timestamp(Utc::now())
                ],
            )
            .and_then(|_| touch(tx, Utc::now()))
            .map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        self.kpi_measurements(kpi_id)?
            .into_iter()
            .find(|m| m.id == id)
            .ok_or(StoreError::Gone("measurement"))
    }

    /// One KPI's measurements, oldest first.
    pub(crate) fn kpi_measurements(&self, kpi_id: Uuid) -> Result<Vec<Measurement>> {
        let read = || -> rusqlite::Result<Vec<Measurement>> {
            self.conn
                .prepare_cached(&format!(
                    "SELECT {MEASUREMENT_COLUMNS} FROM measurement WHERE kpi_id = ?1
                     ORDER BY measured_on"
                ))?
                .query_map([kpi_id.to_string()], measurement_from_row)?
                .collect()
        };
        read().map_err(|e| self.sql_error(e))
    }

    pub fn delete_measurement(&mut self, id: Uuid) -> Result<()> {
        self.trash_one("Measurement", "measurement", id, "measurement")
    }

    /// Reads a pasted block of (date, value) rows for a KPI and, unless `dry_run`, writes the
    /// good rows in one transaction. The report lists every line that was not imported.
    pub fn import_measurements(
        &mut self,
        kpi_id: Uuid,
        text: &str,
        replace_existing: bool,
        today: NaiveDate,
        dry_run: bool,
    ) -> Result<PasteReport> {
        let kpi = self.kpi(kpi_id)?;
        let existing = self.kpi_measurements(kpi_id)?;
        let report = measurements::read_block(text, &kpi.unit, today, &existing, replace_existing);
        if dry_run || report.rows.is_empty() {
            return Ok(report);
        }
        let path = self.path.clone();
        self.with_tx(|tx| {
            let write = || -> rusqlite::Result<()> {
                let now = timestamp(Utc::now());
                for row in &report.rows {
                    if let Some(old) = row.replaces {
                        tx.execute(
                            "UPDATE measurement SET value = ?2 WHERE id = ?1",
                            params![old.to_string(), row.value],
                        )?;
                    } else {
                        tx.execute(
                            "INSERT INTO measurement (id, kpi_id, measured_on, value, note, created_at)
                             VALUES (?1, ?2, ?3, ?4, '', ?5)",
                            params![Uuid::now_v7().to_string(), kpi_id.to_string(), row.measured_on.to_string(), row.value, now],
                        )?;
                    }
                }
                touch(tx, Utc::now())
            };
            write().map_err(|e| StoreError::from_sqlite(e, &path))
        })?;
        Ok(report)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use groundwork_core::goals::status::KpiStatus;

    use super::*;
    use crate::goals::tests::objective_and_goal;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    pub(crate) fn edit(goal: Uuid) -> KpiEdit {
        KpiEdit {
            goal_id: goal,
            name: "Questions answered by members".into(),
            category: KpiCategory::SupportCostReduction,
            custom_category: String::new(),
            definition: "Share of forum questions whose accepted answer came from a member.".into(),
            unit: "%".into(),
            direction: Direction::Higher,
            baseline_value: "20".into(),
            baseline_date: "2026-01-01".into(),
            target_value: "60".into(),
            target_date: "2026-12-31".into(),
            data_source: "Forum analytics".into(),
            owner: KpiOwner {
                stakeholder_id: None,
                name: "Ana Souza".into(),
            },
            cadence: Cadence::Monthly,
            weight: "2".into(),
        }
    }

    fn measure(on: &str, value: &str) -> MeasurementEdit {
        MeasurementEdit {
            measured_on: on.into(),
            value: value.into(),
            note: String::new(),
        }
    }

    #[test]
    fn the_goals_overview_reports_each_kpi_as_of_the_day_it_is_asked_for() {
        let mut store = Store::in_memory("Goals").unwrap();
        store
            .update_profile(&groundwork_core::profile::ProfileEdit {
                name: "Goals".into(),
                organisation: String::new(),
                community_name: String::new(),
                strategist: String::new(),
                purpose: "Members help members".into(),
            })
            .unwrap();
        let (_, g) = objective_and_goal(&mut store);
        // From 20 on 1 January to 60 on 31 December; 45 measured on 1 July.
        let k = store.save_kpi(None, &edit(g.id)).unwrap();
        store
            .save_measurement(k.id, None, &measure("2026-07-01", "45"), day(7, 1))
            .unwrap();
        let status_on = |today: NaiveDate| {
            let overview = store.goals_overview(today).unwrap();
            assert_eq!(
                overview.today, today,
                "the overview is worked out for that day"
            );
            assert_eq!(overview.purpose, "Members help members");
            assert_eq!(overview.reports.len(), 1, "one report per KPI");
            overview.reports[0].status
        };
        assert_eq!(
            status_on(day(6, 30)),
            KpiStatus::NotYetMeasured,
            "a measurement after that day does not count yet"
        );
        assert_eq!(
            status_on(day(7, 2)),
            KpiStatus::OnTrack,
            "62% of the way with about half the year gone"
        );
        assert_eq!(
            status_on(NaiveDate::from_ymd_opt(2027, 1, 15).unwrap()),
            KpiStatus::OffTrack,
            "the target date passed short of the target"
        );
    }

    #[test]
    fn a_kpi_round_trips_every_field_and_a_refused_edit_changes_nothing() {
        let mut store = Store::in_memory("Goals").unwrap();
        let (_, g) = objective_and_goal(&mut store);
        let k = store.save_kpi(None, &edit(g.id)).unwrap();
        assert_eq!(
            k.to_edit(),
            KpiEdit {
                baseline_date: "2026-01-01".into(),
                ..edit(g.id)
            }
        );
        assert_eq!(k.weight, 2.0);
        let err = store
            .save_kpi(
                Some(k.id),
                &KpiEdit {
                    target_date: "2025-06-01".into(),
                    ..edit(g.id)
                },
            )
            .unwrap_err();
        assert_eq!(err.field(), Some("targetDate"));
        assert_eq!(
            store.kpis().unwrap(),
            vec![k.clone()],
            "the refused edit left the KPI as it was"
        );
        let lower = store
            .save_kpi(
                Some(k.id),
                &KpiEdit {
                    direction: Direction::Lower,
                    target_value: "5".into(),
                    ..edit(g.id)
                },
            )
            .unwrap();
        assert_eq!(lower.direction, Direction::Lower);
        assert_eq!(lower.created_at, k.created_at);
    }

    #[test]
    fn three_measurements_give_a_status_and_duplicates_are_refused() {
        let mut store = Store::in_memory("Goals").unwrap();
        let (_, g) = objective_and_goal(&mut store);
        let k = store.save_kpi(None, &edit(g.id)).unwrap();
        let today = day(7, 2);
        for (on, v) in [
            ("2026-03-01", "28"),
            ("2026-05-01", "34 %"),
            ("2026-07-01", "39,5"),
        ] {
            store
                .save_measurement(k.id, None, &measure(on, v), today)
                .unwrap();
        }
        let err = store
            .save_measurement(k.id, None, &measure("2026-05-01", "35"), today)
            .unwrap_err();
        assert_eq!(err.field(), Some("measuredOn"));
        let err = store
            .save_measurement(k.id, None, &measure("2026-07-02", "3 h"), today)
            .unwrap_err();
        assert_eq!(err.field(), Some("value"), "{err}");
        let err = store
            .save_measurement(k.id, None, &measure("2026-08-01", "40"), today)
            .unwrap_err();
        assert!(err.to_string().contains("after today"), "{err}");
        let goals = store.goals().unwrap();
        assert_eq!(goals.measurements.len(), 3);
        let r = &goals.reports(today)[0];
        assert_eq!(r.latest.as_ref().map(|m| m.value), Some(39.5));
        // 39.5 is 48.75% of 20 → 60; expected 50% by 2 July: on track.
        assert_eq!(r.status, KpiStatus::OnTrack);
        assert_eq!(
            store.step_counts().unwrap()[2].records,
            6,
            "objective, goal, KPI, 3 measurements"
        );
    }

    #[test]
    fn a_pasted_block_imports_its_good_rows_in_one_go() {
        let mut store = Store::in_memory("Goals").unwrap();
        let (_, g) = objective_and_goal(&mut store);
        let k = store.save_kpi(None, &edit(g.id)).unwrap();
        let today = day(7, 2);
        store
            .save_measurement(k.id, None, &measure("2026-02-01", "25"), today)
            .unwrap();
        let text =
            "Month\tShare\n2026-02-01\t26\n2026-03-01\t28\n2026-04-01\tn/a\n2026-05-01\t31\n";
        let preview = store
            .import_measurements(k.id, text, false, today, true)
            .unwrap();
        assert_eq!(preview.rows.len(), 2);
        assert_eq!(
            store.measurements().unwrap().len(),
            1,
            "a preview writes nothing"
        );
        let report = store
            .import_measurements(k.id, text, false, today, false)
            .unwrap();
        assert_eq!(
            report.problems.iter().map(|p| p.line).collect::<Vec<_>>(),
            [2, 4]
        );
        assert_eq!(store.measurements().unwrap().len(), 3);
        let report = store
            .import_measurements(k.id, text, true, today, false)
            .unwrap();
        assert_eq!(
            report.rows.len(),
            1,
            "only the conflicting date is replaced"
        );
        let values: Vec<f64> = store
            .measurements()
            .unwrap()
            .iter()
            .map(|m| m.value)
            .collect();
        assert_eq!(values, [26.0, 28.0, 31.0]);
    }

    #[test]
    fn deleting_a_measured_kpi_or_its_goal_asks_first() {
        let mut store = Store::in_memory("Goals").unwrap();
        let (_, g) = objective_and_goal(&mut store);
        let k = store.save_kpi(None, &edit(g.id)).unwrap();
        store
            .save_measurement(k.id, None, &measure("2026-03-01", "28"), day(7, 2))
            .unwrap();
        let err = store.delete_goal(g.id, false).unwrap_err();
        assert!(
            err.to_string()
                .contains("1 KPI (“Questions answered by members”) with 1 measurement"),
            "{err}"
        );
        let err = store.delete_kpi(k.id, false).unwrap_err();
        assert!(err.to_string().contains("has 1 measurement"), "{err}");
        store.delete_kpi(k.id, true).unwrap();
        assert!(
            store.measurements().unwrap().is_empty(),
            "measurements go with their KPI"
        );
        store.delete_goal(g.id, false).unwrap();
    }

    #[test]
    fn a_stakeholder_owns_a_kpi_and_leaving_the_register_keeps_the_name() {
        let mut store = Store::in_memory("Goals").unwrap();
        let (_, g) = objective_and_goal(&mut store);
        let ines = store
            .save_stakeholder(None, &crate::stakeholders::tests::edit("Inês"))
            .unwrap();
        let id = ines.id;
        let k = store
            .save_kpi(
                None,
                &KpiEdit {
                    owner: KpiOwner {
                        stakeholder_id: Some(id),
                        name: "Inês".into(),
                    },
                    ..edit(g.id)
                },
            )
            .unwrap();
        assert_eq!(k.owner.stakeholder_id, Some(id));
        let mut renamed = crate::stakeholders::tests::edit("Inês Costa");
        renamed.role = "Head of Support".into();
        store.save_stakeholder(Some(ines.id), &renamed).unwrap();
        assert_eq!(
            store.kpis().unwrap()[0].owner.name,
            "Inês Costa",
            "the owner's current name"
        );
        store.delete_stakeholder(ines.id).unwrap();
        let k = &store.kpis().unwrap()[0];
        assert_eq!(k.owner.stakeholder_id, None);
        assert_eq!(k.owner.name, "Inês", "the name typed when linked stays");
        let err = store
            .save_kpi(
                None,
                &KpiEdit {
                    owner: KpiOwner {
                        stakeholder_id: Some(Uuid::now_v7()),
                        name: String::new(),
                    },
                    ..edit(g.id)
                },
            )
            .unwrap_err();
        assert_eq!(err.field(), Some("owner"));
    }

    #[test]
    fn the_schema_refuses_what_validation_refuses() {
        let mut store = Store::in_memory("Goals").unwrap();
        let (_, g) = objective_and_goal(&mut store);
        let k = store.save_kpi(None, &edit(g.id)).unwrap();
        let bad = store.conn.execute(
            "UPDATE kpi SET target_value = 10 WHERE id = ?1",
            params![k.id.to_string()],
        );
        assert!(
            bad.is_err(),
            "a higher-is-better KPI can't have a target below its baseline"
        );
    }
}
