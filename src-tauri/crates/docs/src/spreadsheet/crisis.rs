//! The crisis plan's tables: severity levels, scenarios, the crisis team and the escalation
//! matrix.

use groundwork_core::workbook::Workbook;

use super::{columns, joined, names_of, Cell, Table};

pub fn levels(workbook: &Workbook) -> Table {
    let columns = columns(&[
        ("Level", 20.0),
        ("Respond within (minutes)", 14.0),
        ("Respond within", 16.0),
        ("Definition", 60.0),
    ]);
    let rows = workbook
        .crisis
        .levels
        .iter()
        .map(|l| {
            vec![
                Cell::text(&l.name),
                Cell::Number(f64::from(l.response_minutes)),
                Cell::text(&l.response_time),
                Cell::text(&l.definition),
            ]
        })
        .collect();
    (columns, rows)
}

pub fn scenarios(workbook: &Workbook) -> Table {
    let plan = &workbook.crisis;
    let columns = columns(&[
        ("Scenario", 34.0),
        ("Likelihood (1–5)", 10.0),
        ("Impact (1–5)", 10.0),
        ("Risk score", 9.0),
        ("Risk", 10.0),
        ("Severity", 16.0),
        ("Owner", 22.0),
        ("Description", 50.0),
        ("Early-warning signals", 40.0),
        ("Response channels", 30.0),
        ("First actions", 50.0),
        ("Holding statements", 30.0),
        ("Findings", 30.0),
        ("Still lacks", 30.0),
    ]);
    let rows = plan
        .scenarios
        .iter()
        .map(|s| {
            let severity = s
                .severity_id
                .and_then(|id| plan.levels.iter().find(|l| l.id == id));
            vec![
                Cell::text(&s.title),
                Cell::Number(f64::from(s.likelihood)),
                Cell::Number(f64::from(s.impact)),
                Cell::Number(f64::from(s.risk.score)),
                Cell::text(s.risk.band.label()),
                Cell::text(severity.map_or("", |l| l.name.as_str())),
                Cell::text(&s.owner),
                Cell::text(&s.description),
                Cell::text(&s.signals),
                Cell::text(&s.channels),
                numbered(s.actions.iter().map(|a| a.text.as_str())),
                joined(s.statements.iter().map(|h| h.title.as_str())),
                names_of(
                    &s.finding_ids,
                    &workbook.audit.findings,
                    |f| f.id,
                    |f| &f.title,
                ),
                joined(s.gaps.iter().map(String::as_str)),
            ]
        })
        .collect();
    (columns, rows)
}

/// "1. Pause posting\n2. Tell the team": steps in one cell, one per line.
fn numbered<'a>(steps: impl IntoIterator<Item = &'a str>) -> Cell {
    let lines: Vec<String> = steps
        .into_iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {s}", i + 1))
        .collect();
    if lines.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(lines.join("\n"))
    }
}

pub fn contacts(workbook: &Workbook) -> Table {
    let plan = &workbook.crisis;
    let columns = columns(&[
        ("Name", 24.0),
        ("Role", 24.0),
        ("Phone", 18.0),
        ("Email", 28.0),
        ("Backup", 24.0),
    ]);
    let rows = plan
        .contacts
        .iter()
        .map(|c| {
            let backup = c
                .backup_id
                .and_then(|id| plan.contacts.iter().find(|b| b.id == id));
            vec![
                Cell::text(&c.name),
                Cell::text(&c.role),
                Cell::text(&c.phone),
                Cell::text(&c.email),
                Cell::text(backup.map_or("", |b| b.name.as_str())),
            ]
        })
        .collect();
    (columns, rows)
}

/// The escalation matrix, level by level in the plan's order.
pub fn escalation(workbook: &Workbook) -> Table {
    let plan = &workbook.crisis;
    let columns = columns(&[
        ("Level", 20.0),
        ("Tell", 24.0),
        ("Role", 24.0),
        ("Within (minutes)", 12.0),
        ("Within", 14.0),
        ("Approves", 10.0),
    ]);
    let mut rows = Vec::new();
    for level in &plan.levels {
        for e in plan
            .escalations
            .iter()
            .filter(|e| e.severity_id == level.id)
        {
            let contact = plan.contacts.iter().find(|c| c.id == e.contact_id);
            rows.push(vec![
                Cell::text(&level.name),
                Cell::text(contact.map_or("", |c| c.name.as_str())),
                Cell::text(contact.map_or("", |c| c.role.as_str())),
                Cell::Number(f64::from(e.within_minutes)),
                Cell::text(&e.within),
                Cell::text(if e.approves { "Yes" } else { "No" }),
            ]);
        }
    }
    (columns, rows)
}
