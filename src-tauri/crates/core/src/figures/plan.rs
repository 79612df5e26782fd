//! What importing a mapped table would do: each row read, checked and sorted into added,
//! replaced, unchanged or kept (the workbook's value stays), or listed as a problem with its
//! line and a sentence. Nothing here writes; the store applies [`ImportPlan::writes`] in one
//! transaction.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::audit::channels::Channel;
use crate::audit::snapshots::{Metric, Snapshot};
use crate::figures::cells::{date_of, day_order_of, number_of, number_style_of};
use crate::figures::mapping::{ChannelSource, Figure, FigureMapping, FigureTarget, OnExisting};
use crate::figures::table::{Cell, SourceRow, SourceTable};
use crate::goals::kpis::Kpi;
use crate::goals::measurements::Measurement;
use crate::goals::values::{
    format_value, is_ambiguous_date, parse_value, with_unit, DayOrder, NumberStyle,
};
use crate::text::date as day;

/// How many rows and problems the preview lists; the counts cover every row.
pub const LISTED: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RowAction {
    Add,
    Replace,
    /// The workbook already holds these figures.
    Unchanged,
    /// The workbook holds other figures for this date and keeps them.
    Keep,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FigureChange {
    pub label: String,
    /// What the workbook holds now, if anything.
    pub before: Option<String>,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PreviewRow {
    pub line: u32,
    pub date: NaiveDate,
    /// The channel's or the KPI's name.
    pub subject: String,
    pub action: RowAction,
    pub changes: Vec<FigureChange>,
}

/// A row that can't be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RowProblem {
    pub line: u32,
    /// The row's cells as the file holds them.
    pub text: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FigurePreview {
    pub added: u32,
    pub replaced: u32,
    pub unchanged: u32,
    pub kept: u32,
    /// The first rows in file order (at most [`LISTED`]).
    pub rows: Vec<PreviewRow>,
    /// The first problems (at most [`LISTED`]); `problem_count` counts them all.
    pub problems: Vec<RowProblem>,
    pub problem_count: u32,
    /// How ambiguous text was read, and which preset was recognised.
    pub notes: Vec<String>,
    /// One sentence: what will be (or was) imported and what not.
    pub summary: String,
}

impl FigurePreview {
    /// Whether importing would change anything.
    pub fn writes_anything(&self) -> bool {
        self.added + self.replaced > 0
    }
}

/// One change to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    Measurement {
        kpi_id: Uuid,
        measured_on: NaiveDate,
        value: f64,
        /// The measurement this replaces, as it was (for Undo).
        replaces: Option<Measurement>,
    },
    Snapshot {
        channel_id: Uuid,
        taken_on: NaiveDate,
        figures: Vec<(Figure, f64)>,
        /// The snapshot this changes, as it was (for Undo).
        replaces: Option<Snapshot>,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPlan {
    pub writes: Vec<Write>,
    pub preview: FigurePreview,
}

/// What the workbook holds that an import is checked against.
pub enum Holding<'a> {
    Kpi {
        kpi: &'a Kpi,
        measurements: &'a [Measurement],
    },
    Channels {
        channels: &'a [Channel],
        snapshots: &'a [Snapshot],
    },
}

/// A mapping that can't be applied at all (a column that is not there, nothing mapped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingProblem(pub String);

/// The row's cells as the file holds them, without the empty cells at its end.
fn row_text(row: &SourceRow) -> String {
    let used = row
        .cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    row.cells[..used]
        .iter()
        .map(Cell::text)
        .collect::<Vec<_>>()
        .join(" | ")
}

fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Plans the import of `table` by `mapping` against what the workbook holds.
pub fn plan(
    table: &SourceTable,
    mapping: &FigureMapping,
    holding: &Holding<'_>,
    today: NaiveDate,
) -> Result<ImportPlan, MappingProblem> {
    let width = u32::try_from(table.headers.len()).unwrap_or(u32::MAX);
    let missing = |column: u32| {
        MappingProblem(format!(
            "The file has {width} columns, so column {} is not there. Choose one of its columns.",
            column + 1
        ))
    };
    if mapping.date_column >= width {
        return Err(missing(mapping.date_column));
    }
    let texts = |column: u32| {
        table
            .rows
            .iter()
            .filter_map(move |r| match r.cells.get(column as usize) {
                Some(Cell::Text(t)) => Some(t.as_str()),
                _ => None,
            })
    };
    let (order, certain) = day_order_of(mapping.dates, texts(mapping.date_column));
    let value_columns: Vec<u32> = match (&mapping.target, holding) {
        (FigureTarget::Kpi { value_column, .. }, Holding::Kpi { .. }) => vec![*value_column],
        (FigureTarget::Snapshots { figures, channel }, Holding::Channels { channels, .. }) => {
            if figures.is_empty() {
                return Err(MappingProblem(
                    "No column is mapped to a figure. Choose at least one column, such as the members."
                        .into(),
                ));
            }
            if let ChannelSource::One { channel_id } = channel {
                if !channels.iter().any(|c| c.id == *channel_id) {
                    return Err(MappingProblem(
                        "Choose the channel these figures belong to, or the column that names it."
                            .into(),
                    ));
                }
            }
            if let ChannelSource::Column { column } = channel {
                if *column >= width {
                    return Err(missing(*column));
                }
                if *column == mapping.date_column || figures.iter().any(|f| f.column == *column) {
                    return Err(MappingProblem(format!(
                        "Column “{}” can't name the channel and hold a date or a figure too. Choose the column that names the channel.",
                        table.header(*column)
                    )));
                }
            }
            for (i, f) in figures.iter().enumerate() {
                if figures[..i].iter().any(|g| g.figure == f.figure) {
                    return Err(MappingProblem(format!(
                        "Two columns are mapped to {}. Map each figure once.",
                        f.figure.label()
                    )));
                }
                if let Figure::Custom { name } = &f.figure {
                    if name.trim().is_empty() {
                        return Err(MappingProblem(format!(
                            "Name the figure in column “{}”, or leave the column out.",
                            table.header(f.column)
                        )));
                    }
                }
            }
            figures.iter().map(|f| f.column).collect()
        }
        _ => {
            return Err(MappingProblem(
                "The mapping is for another kind of import. Choose the columns again.".into(),
            ))
        }
    };
    if let Some(c) = value_columns.iter().find(|c| **c >= width) {
        return Err(missing(*c));
    }
    if value_columns.contains(&mapping.date_column) {
        return Err(MappingProblem(
            "The date column is also mapped to a figure. Choose another column for one of them."
                .into(),
        ));
    }
    let style = number_style_of(
        mapping.decimals,
        value_columns.iter().flat_map(|c| texts(*c)),
    );
    let mut planner = Planner {
        table,
        today,
        order,
        style,
        on_existing: mapping.on_existing,
        plan: ImportPlan::default(),
        ambiguous: None,
    };
    match (&mapping.target, holding) {
        (FigureTarget::Kpi { value_column, .. }, Holding::Kpi { kpi, measurements }) => {
            planner.kpi(kpi, measurements, mapping.date_column, *value_column);
        }
        (
            FigureTarget::Snapshots { channel, figures },
            Holding::Channels {
                channels,
                snapshots,
            },
        ) => {
            let columns: Vec<(u32, Figure)> = figures
                .iter()
                .map(|f| (f.column, f.figure.clone()))
                .collect();
            planner.snapshots(channels, snapshots, mapping.date_column, channel, &columns);
        }
        _ => {}
    }
    let mut notes = Vec::new();
    if style == NumberStyle::DecimalComma {
        notes.push("Commas were read as decimal marks (12,5 is twelve and a half), as the file's numbers use them that way.".to_owned());
    }
    if let Some((raw, date)) = planner.ambiguous {
        let reading = if order == DayOrder::DayFirst {
            "day/month/year"
        } else {
            "month/day/year"
        };
        let why = if certain {
            "as other dates in the file show, or as chosen"
        } else {
            "the order your system writes dates in; change it under Dates if that is wrong"
        };
        notes.push(format!(
            "Dates such as {raw} were read as {reading} ({}), {why}.",
            day(date)
        ));
    }
    let mut plan = planner.plan;
    plan.preview.notes = notes;
    plan.preview.summary = summary(&plan.preview, false);
    Ok(plan)
}

struct Planner<'a> {
    table: &'a SourceTable,
    today: NaiveDate,
    order: DayOrder,
    style: NumberStyle,
    on_existing: OnExisting,
    plan: ImportPlan,
    ambiguous: Option<(String, NaiveDate)>,
}

impl Planner<'_> {
    fn problem(&mut self, row: &SourceRow, message: String) {
        let preview = &mut self.plan.preview;
        preview.problem_count += 1;
        if preview.problems.len() < LISTED {
            preview.problems.push(RowProblem {
                line: row.line,
                text: row_text(row),
                message,
            });
        }
    }

    fn listed(&mut self, row: PreviewRow) {
        let preview = &mut self.plan.preview;
        match row.action {
            RowAction::Add => preview.added += 1,
            RowAction::Replace => preview.replaced += 1,
            RowAction::Unchanged => preview.unchanged += 1,
            RowAction::Keep => preview.kept += 1,
        }
        if preview.rows.len() < LISTED {
            preview.rows.push(row);
        }
    }

    /// The row's date, or a problem listed for it.
    fn date(&mut self, row: &SourceRow, column: u32) -> Option<NaiveDate> {
        let cell = self.table.cell(row, column);
        if cell.is_empty() {
            self.problem(
                row,
                format!("There is no date in “{}”.", self.table.header(column)),
            );
            return None;
        }
        let Some(date) = date_of(&cell, self.order) else {
            self.problem(
                row,
                format!(
                    "“{}” is not a date Groundwork can read. Dates such as 2026-03-14, 14/03/2026, 14 March 2026 or Mar 14, 2026 are read.",
                    cell.text()
                ),
            );
            return None;
        };
        if date > self.today {
            self.problem(
                row,
                format!(
                    "{} is after today ({}): figures record what was already seen. Correct the date in the file.",
                    day(date),
                    day(self.today)
                ),
            );
            return None;
        }
        if self.ambiguous.is_none() {
            if let Cell::Text(t) = &cell {
                if is_ambiguous_date(t) {
                    self.ambiguous = Some((t.clone(), date));
                }
            }
        }
        Some(date)
    }

    fn kpi(&mut self, kpi: &Kpi, existing: &[Measurement], date_column: u32, value_column: u32) {
        let by_date: HashMap<NaiveDate, &Measurement> =
            existing.iter().map(|m| (m.measured_on, m)).collect();
        let mut seen: HashMap<NaiveDate, u32> = HashMap::new();
        let header = self.table.header(value_column);
        for row in &self.table.rows {
            let Some(date) = self.date(row, date_column) else {
                continue;
            };
            let cell = self.table.cell(row, value_column);
            let value = match &cell {
                Cell::Empty => {
                    self.problem(row, format!("There is no value in “{header}”."));
                    continue;
                }
                Cell::Text(t) => match parse_value("value", "value", t, &kpi.unit, self.style) {
                    Ok(v) => v,
                    Err(e) => {
                        self.problem(row, e.message);
                        continue;
                    }
                },
                other => match number_of(other, self.style) {
                    Some(v) => v,
                    None => {
                        self.problem(
                            row,
                            format!("“{}” in “{header}” is not a number.", other.text()),
                        );
                        continue;
                    }
                },
            };
            if let Some(first) = seen.get(&date) {
                let message = format!(
                    "{} appears twice; line {first} was kept. Remove one of the two rows.",
                    day(date)
                );
                self.problem(row, message);
                continue;
            }
            seen.insert(date, row.line);
            let after = with_unit(value, &kpi.unit);
            let (action, before) = match by_date.get(&date) {
                Some(m) if m.value == value => (RowAction::Unchanged, Some(after.clone())),
                Some(m) if self.on_existing == OnExisting::Keep => {
                    (RowAction::Keep, Some(with_unit(m.value, &kpi.unit)))
                }
                Some(m) => (RowAction::Replace, Some(with_unit(m.value, &kpi.unit))),
                None => (RowAction::Add, None),
            };
            if matches!(action, RowAction::Add | RowAction::Replace) {
                self.plan.writes.push(Write::Measurement {
                    kpi_id: kpi.id,
                    measured_on: date,
                    value,
                    replaces: by_date.get(&date).map(|m| (*m).clone()),
                });
            }
            self.listed(PreviewRow {
                line: row.line,
                date,
                subject: kpi.name.clone(),
                action,
                changes: vec![FigureChange {
                    label: "Value".into(),
                    before,
                    after,
                }],
            });
        }
    }

    /// A figure's value in a row: `None` for an empty cell, a problem for a bad one.
    fn figure_value(
        &self,
        figure: &Figure,
        cell: &Cell,
        header: &str,
    ) -> Result<Option<f64>, String> {
        if cell.is_empty() {
            return Ok(None);
        }
        let label = figure.label();
        let Some(v) = number_of(cell, self.style) else {
            return Err(format!(
                "“{}” in “{header}” is not a number. {label} is written in digits, such as 1,250.",
                cell.text()
            ));
        };
        if v < 0.0 {
            return Err(format!(
                "{label} can’t be negative; “{header}” says {}.",
                cell.text()
            ));
        }
        let metric = figure.metric();
        if matches!(metric, Some(Metric::Members | Metric::ActiveMembers)) && v.fract() != 0.0 {
            return Err(format!(
                "{label} counts people, so it is a whole number; “{header}” says {}.",
                cell.text()
            ));
        }
        if metric == Some(Metric::Sentiment) && !(1.0..=5.0).contains(&v) {
            return Err(format!(
                "Sentiment is scored from 1 (very negative) to 5 (very positive); “{header}” says {}.",
                cell.text()
            ));
        }
        Ok(Some(v))
    }

    fn snapshots(
        &mut self,
        channels: &[Channel],
        existing: &[Snapshot],
        date_column: u32,
        source: &ChannelSource,
        columns: &[(u32, Figure)],
    ) {
        let by_name: HashMap<String, &Channel> =
            channels.iter().map(|c| (fold(&c.name), c)).collect();
        let by_id: HashMap<Uuid, &Channel> = channels.iter().map(|c| (c.id, c)).collect();
        let held: HashMap<(Uuid, NaiveDate), &Snapshot> = existing
            .iter()
            .map(|s| ((s.channel_id, s.taken_on), s))
            .collect();
        let mut seen: HashMap<(Uuid, NaiveDate), u32> = HashMap::new();
        let headers: Vec<String> = columns.iter().map(|(c, _)| self.table.header(*c)).collect();
        for row in &self.table.rows {
            let channel = match source {
                ChannelSource::One { channel_id } => by_id.get(channel_id).copied(),
                ChannelSource::Column { column } => {
                    let name = self.table.cell(row, *column).text();
                    let found = by_name.get(&fold(&name)).copied();
                    if found.is_none() {
                        let message = if name.trim().is_empty() {
                            format!("There is no channel in “{}”.", self.table.header(*column))
                        } else {
                            format!("“{}” is not a channel of this audit. Add it under Channels first, or import its rows for one channel.", name.trim())
                        };
                        self.problem(row, message);
                        continue;
                    }
                    found
                }
            };
            let Some(channel) = channel else { continue };
            let Some(date) = self.date(row, date_column) else {
                continue;
            };
            let mut values: Vec<(Figure, f64)> = Vec::new();
            let mut bad = None;
            for ((column, figure), header) in columns.iter().zip(&headers) {
                match self.figure_value(figure, &self.table.cell(row, *column), header) {
                    Ok(Some(v)) => values.push((figure.clone(), v)),
                    Ok(None) => {}
                    Err(message) => {
                        bad = Some(message);
                        break;
                    }
                }
            }
            if let Some(message) = bad {
                self.problem(row, message);
                continue;
            }
            if values.is_empty() {
                self.problem(row, "This row has none of the mapped figures.".into());
                continue;
            }
            if let Some(first) = seen.get(&(channel.id, date)) {
                let message = format!(
                    "“{}” on {} appears twice; line {first} was kept. Remove one of the two rows.",
                    channel.name,
                    day(date)
                );
                self.problem(row, message);
                continue;
            }
            seen.insert((channel.id, date), row.line);
            let before_snapshot = held.get(&(channel.id, date)).copied();
            let changes: Vec<FigureChange> = values
                .iter()
                .map(|(figure, v)| FigureChange {
                    label: figure.label(),
                    before: before_snapshot
                        .and_then(|s| held_value(s, figure))
                        .map(format_value),
                    after: format_value(*v),
                })
                .collect();
            let action = match before_snapshot {
                None => RowAction::Add,
                Some(s) if values.iter().all(|(f, v)| held_value(s, f) == Some(*v)) => {
                    RowAction::Unchanged
                }
                Some(_) if self.on_existing == OnExisting::Keep => RowAction::Keep,
                Some(_) => RowAction::Replace,
            };
            if matches!(action, RowAction::Add | RowAction::Replace) {
                self.plan.writes.push(Write::Snapshot {
                    channel_id: channel.id,
                    taken_on: date,
                    figures: values,
                    replaces: before_snapshot.cloned(),
                });
            }
            self.listed(PreviewRow {
                line: row.line,
                date,
                subject: channel.name.clone(),
                action,
                changes,
            });
        }
    }
}

/// What a snapshot holds for a figure.
pub fn held_value(s: &Snapshot, figure: &Figure) -> Option<f64> {
    match (figure.metric(), figure) {
        (Some(m), _) => m.of(s),
        (None, Figure::Custom { name }) => s
            .custom
            .iter()
            .find(|c| fold(&c.name) == fold(name))
            .map(|c| c.value),
        _ => None,
    }
}

/// "12 new, 3 replaced, 2 already there, 1 kept as it was; 4 rows can't be read."
pub fn summary(p: &FigurePreview, done: bool) -> String {
    let rows = |n: u32| {
        if n == 1 {
            "1 row".to_owned()
        } else {
            format!("{n} rows")
        }
    };
    if p.added + p.replaced + p.unchanged + p.kept + p.problem_count == 0 {
        return "Nothing to import: no row holds a date and a figure.".to_owned();
    }
    let mut parts = Vec::new();
    let (add, replace) = if done {
        ("added", "replaced")
    } else {
        ("to add", "to replace")
    };
    if p.added > 0 {
        parts.push(format!("{} {add}", rows(p.added)));
    }
    if p.replaced > 0 {
        parts.push(format!("{} {replace}", rows(p.replaced)));
    }
    if p.unchanged > 0 {
        parts.push(format!("{} already in the workbook", rows(p.unchanged)));
    }
    if p.kept > 0 {
        parts.push(format!(
            "{} skipped: the workbook holds other figures for those dates (choose “Replace” to take the file's)",
            rows(p.kept)
        ));
    }
    if parts.is_empty() {
        parts.push("nothing to add".to_owned());
    }
    let mut out = parts.join(", ");
    if p.problem_count > 0 {
        out.push_str(&format!(
            "; {} can't be read (listed below)",
            rows(p.problem_count)
        ));
    }
    out.push('.');
    let mut chars = out.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or(out)
}
