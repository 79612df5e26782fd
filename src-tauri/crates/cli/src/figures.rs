//! `groundwork import-figures`: an analytics export or a spreadsheet into a KPI's measurements
//! or channels' snapshots, mapped by flags (or by the remembered or suggested mapping).

use std::fmt::Write as _;
use std::path::Path;

use groundwork_core::audit::channels::same_name;
use groundwork_core::figures::mapping::{
    suggest_kpi, suggest_snapshots, ChannelSource, Figure, FigureColumn, FigureMapping,
    FigureTarget, OnExisting,
};
use groundwork_core::figures::plan::{FigurePreview, RowAction};
use groundwork_core::figures::table::SourceTable;
use groundwork_store::Store;

/// What the flags ask for.
pub struct Request<'a> {
    pub kpi: Option<&'a str>,
    pub channel: Option<&'a str>,
    pub channel_column: Option<&'a str>,
    pub date_column: Option<&'a str>,
    pub value_column: Option<&'a str>,
    pub maps: &'a [String],
    pub sheet: Option<&'a str>,
    pub replace: bool,
    pub dry_run: bool,
}

/// A column by its name (any case) or its number counted from 1.
fn column(table: &SourceTable, name: &str) -> Result<u32, String> {
    let found = table
        .headers
        .iter()
        .position(|h| same_name(h, name))
        .or_else(|| {
            name.trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=table.headers.len()).contains(n))
                .map(|n| n - 1)
        });
    found.and_then(|i| u32::try_from(i).ok()).ok_or_else(|| {
        format!(
            "the file has no column “{name}”. Its columns are: {}.",
            table.headers.join(", ")
        )
    })
}

fn figure(name: &str) -> Result<Figure, String> {
    Ok(match name.trim() {
        "members" => Figure::Members,
        "active" => Figure::ActiveMembers,
        "posts" => Figure::PostsPerMonth,
        "response-hours" => Figure::MedianResponseHours,
        "sentiment" => Figure::Sentiment,
        other => match other.strip_prefix("custom:") {
            Some(n) if !n.trim().is_empty() => Figure::Custom {
                name: n.trim().to_owned(),
            },
            _ => {
                return Err(format!(
                    "“{other}” is not a figure. Use members, active, posts, response-hours, sentiment or custom:NAME."
                ))
            }
        },
    })
}

fn mapping(store: &Store, table: &SourceTable, r: &Request<'_>) -> Result<FigureMapping, String> {
    let mut mapping = if let Some(kpi_name) = r.kpi {
        let kpis = store.kpis().map_err(|e| e.to_string())?;
        let kpi = kpis
            .iter()
            .find(|k| same_name(&k.name, kpi_name))
            .ok_or_else(|| {
                format!(
                    "the workbook has no KPI “{kpi_name}”. Its KPIs are: {}.",
                    kpis.iter()
                        .map(|k| k.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?;
        let mut m = suggest_kpi(table, kpi.id, &kpi.name);
        if let Some(value) = r.value_column {
            m.target = FigureTarget::Kpi {
                kpi_id: kpi.id,
                value_column: column(table, value)?,
            };
        }
        m
    } else {
        let channels = store.channels().map_err(|e| e.to_string())?;
        let one = match r.channel {
            Some(name) => Some(
                channels
                    .iter()
                    .find(|c| same_name(&c.name, name))
                    .ok_or_else(|| {
                        format!(
                            "the workbook has no channel “{name}”. Its channels are: {}.",
                            channels
                                .iter()
                                .map(|c| c.name.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    })?
                    .id,
            ),
            None => None,
        };
        let (mut m, _) = suggest_snapshots(table, one);
        let FigureTarget::Snapshots { channel, figures } = &mut m.target else {
            return Err("the mapping is not for snapshots.".into());
        };
        if let Some(id) = one {
            *channel = ChannelSource::One { channel_id: id };
        }
        if let Some(name) = r.channel_column {
            *channel = ChannelSource::Column {
                column: column(table, name)?,
            };
        }
        if !r.maps.is_empty() {
            figures.clear();
            for map in r.maps {
                let (col, fig) = map.split_once('=').ok_or_else(|| {
                    format!("--map {map}: write it as COLUMN=FIGURE, such as --map \"Total members=members\".")
                })?;
                figures.push(FigureColumn {
                    column: column(table, col)?,
                    figure: figure(fig)?,
                });
            }
        }
        m
    };
    if let Some(date) = r.date_column {
        mapping.date_column = column(table, date)?;
    }
    mapping.on_existing = if r.replace {
        OnExisting::Replace
    } else {
        OnExisting::Keep
    };
    Ok(mapping)
}

/// The report printed: the counts, then every row with what happened to it, then every
/// refused row with its line and reason.
pub fn report(p: &FigurePreview, dry_run: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{}",
        if dry_run {
            "Dry run, nothing written. "
        } else {
            ""
        },
        p.summary
    );
    for n in &p.notes {
        let _ = writeln!(out, "note: {n}");
    }
    for row in &p.rows {
        let what = match row.action {
            RowAction::Add => "added",
            RowAction::Replace => "replaced",
            RowAction::Unchanged => "unchanged",
            RowAction::Keep => "skipped (the workbook's figures kept; --replace takes the file's)",
        };
        let changes: Vec<String> = row
            .changes
            .iter()
            .map(|c| match &c.before {
                Some(before) if before != &c.after => {
                    format!("{} {} → {}", c.label, before, c.after)
                }
                _ => format!("{} {}", c.label, c.after),
            })
            .collect();
        let _ = writeln!(
            out,
            "line {}: {} {} {}: {}",
            row.line,
            what,
            row.date,
            row.subject,
            changes.join(", ")
        );
    }
    let listed_rows = p.added + p.replaced + p.unchanged + p.kept;
    if listed_rows as usize > p.rows.len() {
        let _ = writeln!(
            out,
            "… and {} more rows as counted above.",
            listed_rows as usize - p.rows.len()
        );
    }
    for problem in &p.problems {
        let _ = writeln!(
            out,
            "line {}: not imported: {} ({})",
            problem.line, problem.message, problem.text
        );
    }
    if p.problem_count as usize > p.problems.len() {
        let _ = writeln!(
            out,
            "… and {} more rows not imported.",
            p.problem_count as usize - p.problems.len()
        );
    }
    out
}

/// Runs the import; `Ok(false)` when no row of the file could be read.
pub fn run(file: &Path, data: &Path, r: &Request<'_>) -> Result<bool, String> {
    let read = groundwork_tables::read_path(data, r.sheet).map_err(|e| e.to_string())?;
    let mut store = Store::open(file).map_err(|e| e.to_string())?;
    let mapping = mapping(&store, &read.table, r)?;
    let today = chrono::Local::now().date_naive();
    let name = data
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let preview = if r.dry_run {
        store
            .plan_figures(&read.table, &mapping, today)
            .map_err(|e| e.to_string())?
            .preview
    } else {
        store
            .import_figures(&read.table, &mapping, &name, today)
            .map_err(|e| e.to_string())?
            .preview
    };
    print!("{}", report(&preview, r.dry_run));
    store.close().map_err(|e| e.to_string())?;
    Ok(preview.added + preview.replaced + preview.unchanged + preview.kept > 0)
}
