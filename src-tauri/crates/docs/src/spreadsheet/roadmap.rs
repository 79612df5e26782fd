//! The roadmap's tables: phases, initiatives and the budget's totals.

use groundwork_core::roadmap::rules::budget_totals;
use groundwork_core::roadmap::BudgetTotal;
use groundwork_core::workbook::Workbook;

use super::{amount, columns, names_of, Cell, Table};

pub fn phases(workbook: &Workbook) -> Table {
    let roadmap = &workbook.roadmap;
    let columns = columns(&[
        ("Phase", 26.0),
        ("Start", 12.0),
        ("End", 12.0),
        ("Initiatives", 10.0),
        ("Objective", 60.0),
    ]);
    let rows = roadmap
        .phases
        .iter()
        .map(|p| {
            vec![
                Cell::text(&p.name),
                Cell::Date(p.start),
                Cell::Date(p.end),
                Cell::Number(roadmap.initiatives_in(Some(p.id)).count() as f64),
                Cell::text(&p.objective),
            ]
        })
        .collect();
    (columns, rows)
}

/// The initiatives in time order, as the roadmap's table lists them.
pub fn initiatives(workbook: &Workbook) -> Table {
    let roadmap = &workbook.roadmap;
    let columns = columns(&[
        ("Initiative", 36.0),
        ("Phase", 20.0),
        ("Status", 12.0),
        ("Schedule", 14.0),
        ("Start", 12.0),
        ("End", 12.0),
        ("Milestone", 10.0),
        ("Owner", 22.0),
        ("Team", 22.0),
        ("Budget", 14.0),
        ("Currency", 9.0),
        ("Goals", 34.0),
        ("KPIs", 34.0),
        ("Channels", 26.0),
        ("Depends on", 30.0),
        ("Description", 60.0),
    ]);
    let rows = roadmap
        .in_time_order()
        .into_iter()
        .map(|i| {
            let phase = i.phase_id.and_then(|id| roadmap.phase(id));
            vec![
                Cell::text(&i.title),
                Cell::text(phase.map_or("", |p| p.name.as_str())),
                Cell::text(i.status.label()),
                Cell::text(i.schedule.label()),
                Cell::date(i.start),
                Cell::date(i.end),
                Cell::text(if i.milestone { "Yes" } else { "No" }),
                Cell::text(&i.owner.name),
                Cell::text(&i.team),
                i.budget.as_ref().map_or(Cell::Empty, amount),
                Cell::text(i.budget.as_ref().map_or("", |m| m.currency.as_str())),
                names_of(&i.goal_ids, &workbook.goals.goals, |g| g.id, |g| &g.title),
                names_of(&i.kpi_ids, &workbook.goals.kpis, |k| k.id, |k| &k.name),
                names_of(
                    &i.channel_ids,
                    &workbook.audit.channels,
                    |c| c.id,
                    |c| &c.name,
                ),
                names_of(&i.depends_on, &roadmap.initiatives, |d| d.id, |d| &d.title),
                Cell::text(&i.description),
            ]
        })
        .collect();
    (columns, rows)
}

/// The budget's totals by phase, goal and owner, one row per currency. Parked initiatives do
/// not count, as on the roadmap screen.
pub fn budget(workbook: &Workbook) -> Table {
    let goal_names: Vec<_> = workbook
        .goals
        .goals
        .iter()
        .map(|g| (g.id, g.title.clone()))
        .collect();
    let totals = budget_totals(&workbook.roadmap, &goal_names);
    let columns = columns(&[
        ("By", 10.0),
        ("Of", 36.0),
        ("Initiatives", 10.0),
        ("Amount", 16.0),
        ("Currency", 9.0),
    ]);
    let mut rows = Vec::new();
    for m in &totals.overall {
        rows.push(vec![
            Cell::text("Overall"),
            Cell::text("All initiatives"),
            Cell::Empty,
            amount(m),
            Cell::text(&m.currency),
        ]);
    }
    let groups: [(&str, &[BudgetTotal]); 3] = [
        ("Phase", &totals.by_phase),
        ("Goal", &totals.by_goal),
        ("Owner", &totals.by_owner),
    ];
    for (by, group) in groups {
        for total in group {
            if total.amounts.is_empty() {
                rows.push(vec![
                    Cell::text(by),
                    Cell::text(&total.label),
                    Cell::Number(total.initiatives as f64),
                    Cell::Empty,
                    Cell::Empty,
                ]);
            }
            for m in &total.amounts {
                rows.push(vec![
                    Cell::text(by),
                    Cell::text(&total.label),
                    Cell::Number(total.initiatives as f64),
                    amount(m),
                    Cell::text(&m.currency),
                ]);
            }
        }
    }
    (columns, rows)
}
