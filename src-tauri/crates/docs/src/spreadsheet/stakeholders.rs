//! The stakeholder step's tables: the register, the interviews with their answers and quotes,
//! and the themes found in them.

use groundwork_core::stakeholders::interviews::Interview;
use groundwork_core::stakeholders::{Quadrant, StakeholderRecords};
use groundwork_core::workbook::Workbook;
use uuid::Uuid;

use super::{columns, joined, names_of, Cell, Table};

pub fn register(workbook: &Workbook) -> Table {
    let columns = columns(&[
        ("Name", 26.0),
        ("Role", 24.0),
        ("Department", 14.0),
        ("Influence (1–5)", 10.0),
        ("Interest (1–5)", 10.0),
        ("Quadrant", 16.0),
        ("Attitude", 12.0),
        ("Wants", 50.0),
        ("Contact", 26.0),
        ("Interview", 14.0),
    ]);
    let rows = workbook
        .stakeholders
        .stakeholders
        .iter()
        .map(|s| {
            vec![
                Cell::text(&s.name),
                Cell::text(&s.role),
                Cell::text(s.department.label()),
                Cell::Number(f64::from(s.influence)),
                Cell::Number(f64::from(s.interest)),
                Cell::text(Quadrant::of(s.influence, s.interest).label()),
                Cell::text(s.attitude.label()),
                Cell::text(&s.wants),
                Cell::text(&s.contact),
                Cell::text(s.interview_status.label()),
            ]
        })
        .collect();
    (columns, rows)
}

/// The interviews, oldest first (as the records hold them, by date).
fn in_date_order(records: &StakeholderRecords) -> Vec<&Interview> {
    let mut interviews: Vec<&Interview> = records.interviews.iter().collect();
    interviews.sort_by_key(|i| i.date);
    interviews
}

fn themes_of(records: &StakeholderRecords, ids: &[Uuid]) -> Cell {
    names_of(ids, &records.themes, |t| t.id, |t| &t.name)
}

pub fn interviews(workbook: &Workbook) -> Table {
    let records = &workbook.stakeholders;
    let columns = columns(&[
        ("Stakeholder", 26.0),
        ("Date", 12.0),
        ("Interviewer", 20.0),
        ("Mode", 12.0),
        ("Guide", 24.0),
        ("Answers", 9.0),
        ("Quotes", 9.0),
        ("Notes", 60.0),
        ("Themes of the notes", 30.0),
    ]);
    let rows = in_date_order(records)
        .into_iter()
        .map(|i| {
            vec![
                Cell::text(records.name_of(i.stakeholder_id)),
                Cell::Date(i.date),
                Cell::text(&i.interviewer),
                Cell::text(i.mode.label()),
                Cell::text(&i.guide_name),
                Cell::Number(i.answers.len() as f64),
                Cell::Number(i.quotes.len() as f64),
                Cell::text(&i.notes),
                themes_of(records, &i.note_theme_ids),
            ]
        })
        .collect();
    (columns, rows)
}

pub fn answers(workbook: &Workbook) -> Table {
    let records = &workbook.stakeholders;
    let columns = columns(&[
        ("Stakeholder", 26.0),
        ("Date", 12.0),
        ("Topic", 20.0),
        ("Question", 40.0),
        ("Answer", 70.0),
        ("Themes", 30.0),
    ]);
    let rows = in_date_order(records)
        .into_iter()
        .flat_map(|i| {
            i.answers.iter().map(move |a| {
                vec![
                    Cell::text(records.name_of(i.stakeholder_id)),
                    Cell::Date(i.date),
                    Cell::text(&a.topic),
                    Cell::text(&a.question),
                    Cell::text(&a.answer),
                    themes_of(records, &a.theme_ids),
                ]
            })
        })
        .collect();
    (columns, rows)
}

pub fn quotes(workbook: &Workbook) -> Table {
    let records = &workbook.stakeholders;
    let columns = columns(&[
        ("Stakeholder", 26.0),
        ("Date", 12.0),
        ("Quote", 70.0),
        ("Themes", 30.0),
    ]);
    let rows = in_date_order(records)
        .into_iter()
        .flat_map(|i| {
            i.quotes.iter().map(move |q| {
                vec![
                    Cell::text(records.name_of(i.stakeholder_id)),
                    Cell::Date(i.date),
                    Cell::text(&q.text),
                    themes_of(records, &q.theme_ids),
                ]
            })
        })
        .collect();
    (columns, rows)
}

pub fn themes(workbook: &Workbook) -> Table {
    let columns = columns(&[
        ("Theme", 30.0),
        ("Side", 20.0),
        ("Sweet spot", 10.0),
        ("Mentions", 10.0),
        ("Raised by", 40.0),
        ("Description", 60.0),
    ]);
    let rows = workbook
        .stakeholders
        .insights()
        .iter()
        .map(|t| {
            vec![
                Cell::text(&t.theme.name),
                Cell::text(t.theme.side.label()),
                Cell::text(if t.sweet_spot { "Yes" } else { "No" }),
                Cell::Number(f64::from(t.mentions)),
                joined(t.voices.iter().map(|v| v.name.as_str())),
                Cell::text(&t.theme.description),
            ]
        })
        .collect();
    (columns, rows)
}
