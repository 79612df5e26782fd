//! The goals step's tables: objectives and goals, the KPIs with where they stand, and every
//! measurement.

use chrono::NaiveDate;
use groundwork_core::workbook::Workbook;

use super::{columns, Cell, Table};

pub fn goals(workbook: &Workbook) -> Table {
    let goals = &workbook.goals;
    let columns = columns(&[
        ("Objective", 36.0),
        ("Goal", 40.0),
        ("KPIs", 8.0),
        ("Description", 60.0),
    ]);
    let mut rows = Vec::new();
    for objective in &goals.objectives {
        for goal in goals.goals_of(objective.id) {
            rows.push(vec![
                Cell::text(&objective.title),
                Cell::text(&goal.title),
                Cell::Number(goals.kpis_of(goal.id).count() as f64),
                Cell::text(&goal.description),
            ]);
        }
    }
    (columns, rows)
}

/// The scorecard: each KPI with its baseline, target, latest measurement and status on `today`.
pub fn kpis(workbook: &Workbook, today: NaiveDate) -> Table {
    let goals = &workbook.goals;
    let columns = columns(&[
        ("Goal", 30.0),
        ("KPI", 34.0),
        ("Category", 16.0),
        ("Unit", 10.0),
        ("Direction", 16.0),
        ("Baseline", 11.0),
        ("Baseline date", 12.0),
        ("Target", 11.0),
        ("Target date", 12.0),
        ("Latest", 11.0),
        ("Latest date", 12.0),
        ("Status", 16.0),
        ("Owner", 22.0),
        ("Cadence", 11.0),
        ("Weight", 8.0),
        ("Data source", 26.0),
        ("Definition", 50.0),
    ]);
    let reports = goals.reports(today);
    let rows = goals
        .kpis
        .iter()
        .map(|k| {
            let report = reports.iter().find(|r| r.kpi_id == k.id);
            let latest = report.and_then(|r| r.latest.as_ref());
            let goal = goals.goals.iter().find(|g| g.id == k.goal_id);
            let category = if k.custom_category.is_empty() {
                k.category.label()
            } else {
                &k.custom_category
            };
            vec![
                Cell::text(goal.map_or("", |g| g.title.as_str())),
                Cell::text(&k.name),
                Cell::text(category),
                Cell::text(&k.unit),
                Cell::text(k.direction.label()),
                Cell::Number(k.baseline_value),
                Cell::Date(k.baseline_date),
                Cell::Number(k.target_value),
                Cell::Date(k.target_date),
                Cell::number(latest.map(|m| m.value)),
                Cell::date(latest.map(|m| m.measured_on)),
                Cell::text(report.map_or("", |r| r.status.label())),
                Cell::text(&k.owner.name),
                Cell::text(k.cadence.label()),
                Cell::Number(k.weight),
                Cell::text(&k.data_source),
                Cell::text(&k.definition),
            ]
        })
        .collect();
    (columns, rows)
}

/// Every measurement, KPI by KPI in the scorecard's order, oldest first.
pub fn measurements(workbook: &Workbook) -> Table {
    let goals = &workbook.goals;
    let columns = columns(&[
        ("KPI", 34.0),
        ("Date", 12.0),
        ("Value", 12.0),
        ("Unit", 10.0),
        ("Note", 50.0),
    ]);
    let mut rows = Vec::new();
    for k in &goals.kpis {
        let mut of_kpi: Vec<_> = goals
            .measurements
            .iter()
            .filter(|m| m.kpi_id == k.id)
            .collect();
        of_kpi.sort_by_key(|m| m.measured_on);
        rows.extend(of_kpi.into_iter().map(|m| {
            vec![
                Cell::text(&k.name),
                Cell::Date(m.measured_on),
                Cell::Number(m.value),
                Cell::text(&k.unit),
                Cell::text(&m.note),
            ]
        }));
    }
    (columns, rows)
}
