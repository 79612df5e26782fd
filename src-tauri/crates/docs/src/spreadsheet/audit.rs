//! The audit's tables: channels, their figures over time, the maturity profile, findings.

use groundwork_core::audit::maturity::STAGES;
use groundwork_core::audit::snapshots::Metric;
use groundwork_core::workbook::Workbook;

use super::{columns, names_of, Cell, Column, Table};

pub fn channels(workbook: &Workbook) -> Table {
    let columns = columns(&[
        ("Channel", 30.0),
        ("Kind", 18.0),
        ("Ownership", 12.0),
        ("Link", 32.0),
        ("Audience", 30.0),
        ("Run by", 20.0),
        ("Notes", 50.0),
    ]);
    let rows = workbook
        .audit
        .channels
        .iter()
        .map(|c| {
            vec![
                Cell::text(&c.name),
                Cell::text(c.kind.label()),
                Cell::text(c.ownership.label()),
                Cell::text(&c.link),
                Cell::text(&c.audience),
                Cell::text(&c.run_by),
                Cell::text(&c.notes),
            ]
        })
        .collect();
    (columns, rows)
}

/// One row per snapshot: the standard figures, then one column per custom figure name in the
/// order the names first appear, then the notes.
pub fn metrics(workbook: &Workbook) -> Table {
    let audit = &workbook.audit;
    let mut custom: Vec<&str> = Vec::new();
    for s in &audit.snapshots {
        for f in &s.custom {
            if !custom.contains(&f.name.as_str()) {
                custom.push(&f.name);
            }
        }
    }
    let mut columns = columns(&[("Channel", 30.0), ("Kind", 18.0), ("Date", 12.0)]);
    columns.extend(Metric::ALL.map(|m| Column::new(m.label(), 14.0)));
    columns.extend(custom.iter().map(|name| Column::new(*name, 14.0)));
    columns.push(Column::new("Notes", 40.0));
    let mut snapshots: Vec<_> = audit.snapshots.iter().collect();
    // Channel by channel, in the audit's channel order, oldest first.
    let position = |id| audit.channels.iter().position(|c| c.id == id);
    snapshots.sort_by_key(|s| (position(s.channel_id), s.taken_on));
    let rows = snapshots
        .into_iter()
        .map(|s| {
            let channel = audit.channels.iter().find(|c| c.id == s.channel_id);
            let mut row = vec![
                Cell::text(channel.map_or("", |c| c.name.as_str())),
                Cell::text(channel.map_or("", |c| c.kind.label())),
                Cell::Date(s.taken_on),
            ];
            row.extend(Metric::ALL.map(|m| Cell::number(m.of(s))));
            row.extend(custom.iter().map(|name| {
                Cell::number(s.custom.iter().find(|f| f.name == *name).map(|f| f.value))
            }));
            row.push(Cell::text(&s.notes));
            row
        })
        .collect();
    (columns, rows)
}

pub fn maturity(workbook: &Workbook) -> Table {
    let columns = columns(&[
        ("Competency", 26.0),
        ("Stage", 8.0),
        ("Stage name", 14.0),
        ("Evidence", 60.0),
    ]);
    let rows = workbook
        .audit
        .maturity
        .iter()
        .map(|m| {
            let name = m
                .stage
                .and_then(|s| STAGES.get(usize::from(s).wrapping_sub(1)))
                .copied()
                .unwrap_or("");
            vec![
                Cell::text(m.competency.label()),
                Cell::number(m.stage.map(f64::from)),
                Cell::text(name),
                Cell::text(&m.evidence),
            ]
        })
        .collect();
    (columns, rows)
}

pub fn findings(workbook: &Workbook) -> Table {
    let audit = &workbook.audit;
    let columns = columns(&[
        ("Finding", 40.0),
        ("Importance", 12.0),
        ("Evidence", 60.0),
        ("Channels", 30.0),
    ]);
    let rows = audit
        .findings
        .iter()
        .map(|f| {
            vec![
                Cell::text(&f.title),
                Cell::text(f.importance.label()),
                Cell::text(&f.evidence),
                names_of(&f.channel_ids, &audit.channels, |c| c.id, |c| &c.name),
            ]
        })
        .collect();
    (columns, rows)
}
