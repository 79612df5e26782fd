//! Groundwork's benchmarks: a workbook generated from a fixed seed, then what a strategist
//! waits for, each run many times, with the median reported against its budget.
//!
//! - open a workbook and load each step's screen data (the store calls the app's commands make);
//! - save one field (the autosave path of the app's commands, answer included);
//! - full-text search of the interview texts;
//! - the readiness review and the traceability map;
//! - export of each document, and the memory peak of the `full` export (in a child process);
//! - the portable JSON export and import.
//!
//! Run: `cargo run --release -p groundwork-bench -- realistic` (or `stress`, or `both`);
//! `--only TEXT` runs the benchmarks whose name holds TEXT, `--keep DIR` keeps the generated
//! workbooks in DIR and reuses them on the next run.
//! Benchmarks are not tests: nothing here fails on a slow figure; it prints them.

use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use groundwork_core::documents::{Document, ExportOptions};
use groundwork_core::goals::measurements::MeasurementEdit;
use groundwork_core::profile::ProfileEdit;
use groundwork_core::traceability::traceability;
use groundwork_fixtures::Size;
use groundwork_store::Store;

type Outcome<T> = Result<T, String>;

fn err(e: impl Display) -> String {
    e.to_string()
}

/// One benchmark's figures.
struct Row {
    group: &'static str,
    name: String,
    median: Duration,
    min: Duration,
    runs: usize,
    /// The budget at realistic size, in milliseconds, when there is one.
    budget_ms: Option<f64>,
    note: String,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Runs `f` `runs` times (after one warm-up run) and keeps the median and fastest.
fn time<T>(runs: usize, mut f: impl FnMut() -> Outcome<T>) -> Outcome<(Duration, Duration, T)> {
    let mut last = f()?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        last = f()?;
        times.push(t.elapsed());
    }
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let min = times.first().copied().unwrap_or_default();
    Ok((median, min, last))
}

struct Bench {
    size_name: &'static str,
    /// Only benchmarks whose group or name holds this text run (`--only TEXT`); all when empty.
    only: String,
    runs: usize,
    export_runs: usize,
    rows: Vec<Row>,
}

impl Bench {
    /// Whether `--only` lets this benchmark run.
    fn wants(&self, group: &str, name: &str) -> bool {
        group.contains(self.only.as_str()) || name.contains(self.only.as_str())
    }

    fn measure<T>(
        &mut self,
        group: &'static str,
        name: &str,
        budget_ms: Option<f64>,
        runs: usize,
        f: impl FnMut() -> Outcome<T>,
        note: impl FnOnce(&T) -> String,
    ) -> Outcome<()> {
        if !self.wants(group, name) {
            return Ok(());
        }
        let (median, min, last) = time(runs, f)?;
        let row = Row {
            group,
            name: name.to_owned(),
            median,
            min,
            runs,
            budget_ms,
            note: note(&last),
        };
        eprintln!(
            "  {:<10} {:<34} median {:>9.2} ms  (min {:.2} ms, {} runs) {}",
            row.group,
            row.name,
            ms(row.median),
            ms(row.min),
            row.runs,
            row.note
        );
        self.rows.push(row);
        Ok(())
    }
}

/// The strategist's "today" for the goals screen: the generator's fixed day, so status and
/// health are worked out the same on every run.
fn today() -> NaiveDate {
    groundwork_fixtures::anchor_date()
}

fn screens(bench: &mut Bench, path: &Path) -> Outcome<()> {
    let runs = bench.runs;
    // Opening a workbook from the home screen: the file, its summary, profile and step counts.
    bench.measure(
        "screen",
        "open workbook (home → workbook)",
        Some(16.0),
        runs,
        || {
            let store = Store::open(path).map_err(err)?;
            let summary = store.summary().map_err(err)?;
            let profile = store.profile().map_err(err)?;
            let counts = store.step_counts().map_err(err)?;
            Ok((summary, profile, counts))
        },
        |(_, _, counts)| {
            let records: u64 = counts.iter().map(|c| c.records).sum();
            format!("{records} records")
        },
    )?;
    let store = Store::open(path).map_err(err)?;
    bench.measure(
        "screen",
        "audit",
        Some(16.0),
        runs,
        || store.audit_overview().map_err(err),
        |_| String::new(),
    )?;
    bench.measure(
        "screen",
        "stakeholders and interviews",
        Some(16.0),
        runs,
        || store.stakeholder_step().map_err(err),
        |_| String::new(),
    )?;
    bench.measure(
        "screen",
        "goals and KPIs",
        Some(16.0),
        runs,
        || store.goals_overview(today()).map_err(err),
        |o| format!("{} KPIs", o.goals.kpis.len()),
    )?;
    bench.measure(
        "screen",
        "crisis plan",
        Some(16.0),
        runs,
        || store.crisis_plan().map_err(err),
        |_| String::new(),
    )?;
    bench.measure(
        "screen",
        "roadmap",
        Some(16.0),
        runs,
        || store.roadmap_overview(today()).map_err(err),
        |_| String::new(),
    )?;
    bench.measure(
        "screen",
        "readiness review",
        Some(16.0),
        runs,
        || store.readiness().map_err(err),
        |r| format!("{} issues", r.issues.len()),
    )?;
    bench.measure(
        "screen",
        "traceability map",
        Some(16.0),
        runs,
        || Ok(traceability(&store.load_workbook().map_err(err)?)),
        |t| format!("{} chains", t.chains.len()),
    )?;
    Ok(())
}

fn autosave(bench: &mut Bench, path: &Path) -> Outcome<()> {
    let runs = bench.runs;
    let mut store = Store::open(path).map_err(err)?;
    let profile = store.profile().map_err(err)?;
    let mut n = 0u32;
    bench.measure(
        "autosave",
        "profile field",
        Some(5.0),
        runs,
        || {
            n += 1;
            let edit = ProfileEdit {
                name: profile.name.clone(),
                organisation: profile.organisation.clone(),
                community_name: profile.community_name.clone(),
                strategist: profile.strategist.clone(),
                purpose: format!("{} ({n})", profile.purpose),
            };
            store.update_profile(&edit).map_err(err)
        },
        |_| String::new(),
    )?;
    let answer = store
        .interviews()
        .map_err(err)?
        .into_iter()
        .flat_map(|i| i.answers)
        .next()
        .ok_or("the workbook has no interview answers")?;
    bench.measure(
        "autosave",
        "interview answer",
        Some(5.0),
        runs,
        || {
            n += 1;
            store
                .save_answer(answer.id, &format!("{} ({n})", answer.answer))
                .map_err(err)
        },
        |_| String::new(),
    )?;
    // The app's save_answer command answers with the whole stakeholders step, as the screen
    // shows it.
    bench.measure(
        "autosave",
        "interview answer (write and step answer)",
        None,
        runs,
        || {
            n += 1;
            store
                .save_answer(answer.id, &format!("{} ({n})", answer.answer))
                .map_err(err)?;
            store.stakeholder_step().map_err(err)
        },
        |_| String::new(),
    )?;
    let kpi = store
        .goals()
        .map_err(err)?
        .kpis
        .into_iter()
        .next()
        .ok_or("the workbook has no KPIs")?;
    bench.measure(
        "autosave",
        "KPI field (write only)",
        Some(5.0),
        runs,
        || {
            n += 1;
            let mut edit = kpi.to_edit();
            edit.definition = format!("{} ({n})", kpi.definition);
            store.save_kpi(Some(kpi.id), &edit).map_err(err)
        },
        |_| String::new(),
    )?;
    let goals = store.goals().map_err(err)?;
    let measurement = goals
        .measurements
        .iter()
        .find(|m| m.kpi_id == kpi.id)
        .cloned()
        .ok_or("the KPI has no measurements")?;
    bench.measure(
        "autosave",
        "KPI measurement note",
        Some(5.0),
        runs,
        || {
            n += 1;
            let edit = MeasurementEdit {
                measured_on: measurement.measured_on.to_string(),
                value: measurement.value.to_string(),
                note: format!("Checked ({n})"),
            };
            store
                .save_measurement(kpi.id, Some(measurement.id), &edit, today())
                .map_err(err)
        },
        |_| String::new(),
    )?;
    let initiative = store
        .roadmap()
        .map_err(err)?
        .initiatives
        .into_iter()
        .next()
        .ok_or("the workbook has no initiatives")?;
    bench.measure(
        "autosave",
        "initiative field",
        Some(5.0),
        runs,
        || {
            n += 1;
            let mut edit = initiative.to_edit();
            edit.description = format!("{} ({n})", initiative.description);
            store
                .save_initiative(Some(initiative.id), &edit)
                .map_err(err)
        },
        |_| String::new(),
    )?;
    // The app's save_initiative command answers with the whole roadmap, as the screen shows it.
    bench.measure(
        "autosave",
        "initiative field (write and step answer)",
        None,
        runs,
        || {
            n += 1;
            let mut edit = initiative.to_edit();
            edit.description = format!("{} ({n})", initiative.description);
            store
                .save_initiative(Some(initiative.id), &edit)
                .map_err(err)?;
            store.roadmap_overview(today()).map_err(err)
        },
        |_| String::new(),
    )?;
    // The app's save_kpi command answers with the whole goals step, as the screen shows it.
    bench.measure(
        "autosave",
        "KPI field (write and step answer)",
        None,
        runs,
        || {
            n += 1;
            let mut edit = kpi.to_edit();
            edit.definition = format!("{} ({n})", kpi.definition);
            store.save_kpi(Some(kpi.id), &edit).map_err(err)?;
            store.goals_overview(today()).map_err(err)
        },
        |_| String::new(),
    )?;
    Ok(())
}

fn search(bench: &mut Bench, path: &Path) -> Outcome<()> {
    let store = Store::open(path).map_err(err)?;
    for query in [
        "onboarding",
        "peer support",
        "commun",
        "社区",
        "nothingmatcheshere",
    ] {
        bench.measure(
            "search",
            &format!("search {query:?}"),
            Some(10.0),
            bench.runs,
            || store.search(query).map_err(err),
            |r| format!("{} matches", r.total),
        )?;
    }
    Ok(())
}

/// An analytics export of `rows` daily rows across the workbook's channels, as a CSV file's
/// bytes: a header, quoted thousands, one channel per row.
fn analytics_export(store: &Store, rows: usize) -> Outcome<Vec<u8>> {
    use std::fmt::Write as _;
    let channels = store.channels().map_err(err)?;
    let names: Vec<&str> = channels.iter().map(|c| c.name.as_str()).collect();
    let first = today() - chrono::Duration::days(i64::try_from(rows).unwrap_or(i64::MAX) / 3 + 1);
    let mut csv = String::from("Date,Channel,Members,Active members,Posts\r\n");
    for i in 0..rows {
        let day = first + chrono::Duration::days(i64::try_from(i / 3).unwrap_or(0));
        let channel = names
            .get(i % names.len().max(1))
            .copied()
            .unwrap_or("Forum");
        let _ = write!(
            csv,
            "{day},\"{channel}\",\"{},{:03}\",{},{}\r\n",
            1 + i / 1000,
            i % 1000,
            200 + i % 300,
            40 + i % 90
        );
    }
    Ok(csv.into_bytes())
}

fn figures(bench: &mut Bench, path: &Path) -> Outcome<()> {
    use groundwork_core::figures::mapping::suggest_snapshots;
    let store = Store::open(path).map_err(err)?;
    for rows in [1_000, 100_000] {
        let bytes = analytics_export(&store, rows)?;
        bench.measure(
            "figures",
            &format!("read a {rows}-row CSV"),
            None,
            bench.export_runs,
            || groundwork_tables::read_bytes(&bytes, "export.csv", None).map_err(err),
            |r| format!("{} rows, {} KB", r.table.rows.len(), bytes.len() / 1024),
        )?;
        bench.measure(
            "figures",
            &format!("preview a {rows}-row CSV (read and plan)"),
            Some(1000.0),
            bench.export_runs,
            || {
                let read =
                    groundwork_tables::read_bytes(&bytes, "export.csv", None).map_err(err)?;
                let (mapping, _) = suggest_snapshots(&read.table, None);
                store
                    .plan_figures(&read.table, &mapping, today())
                    .map_err(err)
            },
            |p| {
                format!(
                    "{} to add, {} refused",
                    p.preview.added, p.preview.problem_count
                )
            },
        )?;
    }
    Ok(())
}

fn export_options(document: Document) -> ExportOptions {
    let mut options = ExportOptions::new(document);
    options.date = Some(today());
    options
}

fn exports(bench: &mut Bench, path: &Path) -> Outcome<()> {
    let store = Store::open(path).map_err(err)?;
    for document in Document::ALL {
        let options = export_options(document);
        let budget = (document == Document::Full).then_some(250.0);
        bench.measure(
            "export",
            &format!("export {} (load and render)", document.slug()),
            budget,
            bench.export_runs,
            || {
                let workbook = store.load_workbook_to_print().map_err(err)?;
                groundwork_docs::render(&workbook, &options).map_err(err)
            },
            |r| {
                format!(
                    "{} pages, {:.2} MB",
                    r.page_count,
                    r.bytes.len() as f64 / 1e6
                )
            },
        )?;
    }
    if !bench.wants("export", "JSON export") && !bench.wants("export", "JSON import") {
        return export_memory(bench, path);
    }
    let json = store.export_json().map_err(err)?;
    bench.measure(
        "export",
        "JSON export",
        None,
        bench.export_runs,
        || store.export_json().map_err(err),
        |j| format!("{:.2} MB", j.len() as f64 / 1e6),
    )?;
    // Each import writes a new workbook beside the others; it is removed before the next run.
    let imports = path.with_extension("imports");
    std::fs::create_dir_all(&imports).map_err(err)?;
    bench.measure(
        "export",
        "JSON import (checked, written)",
        None,
        bench.export_runs,
        || {
            let imported = groundwork_store::import_json_into(&json, &imports)
                .map_err(|e| format!("{e:?}"))?;
            std::fs::remove_file(&imported).map_err(err)
        },
        |()| String::new(),
    )?;
    let _ = std::fs::remove_dir_all(&imports);
    export_memory(bench, path)
}

/// The peak memory of one `full` export, measured in a child process.
fn export_memory(bench: &mut Bench, path: &Path) -> Outcome<()> {
    if !bench.wants("memory", "export full, peak memory") {
        return Ok(());
    }
    let peak = export_peak(path, Document::Full)?;
    eprintln!(
        "  {:<10} {:<34} peak {:>7.1} MB (budget 200 MB)",
        "memory", "export full, peak resident", peak
    );
    bench.rows.push(Row {
        group: "memory",
        name: format!("export full: peak memory {peak:.1} MB"),
        median: Duration::ZERO,
        min: Duration::ZERO,
        runs: 1,
        budget_ms: None,
        note: format!("{peak:.1} MB of 200 MB"),
    });
    Ok(())
}

/// The peak resident memory (MB) of a process that opens the workbook and exports `document`
/// once: this binary run again, which reads its own high-water mark from /proc.
fn export_peak(path: &Path, document: Document) -> Outcome<f64> {
    let me = std::env::current_exe().map_err(err)?;
    let out = Command::new(me)
        .arg("--export-once")
        .arg(path)
        .arg(document.slug())
        .output()
        .map_err(err)?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.trim().parse::<f64>().map_err(|_| {
        format!(
            "the export child said {text:?} {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The child side of [`export_peak`]: exports, then prints VmHWM in MB.
fn export_once(path: &Path, slug: &str) -> Outcome<()> {
    let document = Document::ALL
        .into_iter()
        .find(|d| d.slug() == slug)
        .ok_or("no such document")?;
    let store = Store::open(path).map_err(err)?;
    let workbook = store.load_workbook_to_print().map_err(err)?;
    let rendered = groundwork_docs::render(&workbook, &export_options(document)).map_err(err)?;
    drop(rendered);
    let status = std::fs::read_to_string("/proc/self/status").map_err(err)?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or("no VmHWM in /proc/self/status")?;
    println!("{:.1}", kb / 1024.0);
    Ok(())
}

fn generate(dir: &Path, name: &str, size: Size) -> Outcome<PathBuf> {
    let path = dir.join(format!("{name}.groundwork"));
    let started = Instant::now();
    let mut store = Store::create(&path, &format!("Benchmark ({name})"), "").map_err(err)?;
    groundwork_fixtures::fill(&mut store, size, 1).map_err(err)?;
    store.close().map_err(err)?;
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "{name}: generated in {:.1} s ({} interview texts, {} KPIs, {:.1} MB)",
        started.elapsed().as_secs_f64(),
        size.interview_texts(),
        size.kpis(),
        bytes as f64 / 1e6
    );
    Ok(path)
}

fn run(size_name: &'static str, size: Size, dir: &Path, args: &Args) -> Outcome<Bench> {
    let kept = dir.join(format!("{size_name}.groundwork"));
    let path = if args.keep.is_some() && kept.exists() {
        kept
    } else {
        generate(dir, size_name, size)?
    };
    let stress = size_name == "stress";
    let mut bench = Bench {
        size_name,
        only: args.only.clone(),
        runs: if stress { 11 } else { 31 },
        export_runs: if stress { 3 } else { 11 },
        rows: Vec::new(),
    };
    screens(&mut bench, &path)?;
    autosave(&mut bench, &path)?;
    search(&mut bench, &path)?;
    figures(&mut bench, &path)?;
    exports(&mut bench, &path)?;
    Ok(bench)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    format!("{cpu}, {cores} cores")
}

/// Prints the figures as a Markdown table, one column per size.
fn report(benches: &[Bench]) {
    println!("\nMachine: {}\n", machine());
    let mut header = "| benchmark |".to_owned();
    let mut rule = "| --- |".to_owned();
    for b in benches {
        header.push_str(&format!(" {} median |", b.size_name));
        rule.push_str(" ---: |");
    }
    header.push_str(" budget (realistic) |");
    rule.push_str(" --- |");
    println!("{header}\n{rule}");
    let Some(first) = benches.first() else {
        return;
    };
    for (i, row) in first.rows.iter().enumerate() {
        if row.group == "memory" {
            let mut line = "| export full: peak memory |".to_owned();
            for b in benches {
                line.push_str(&format!(
                    " {} |",
                    b.rows.get(i).map_or(String::new(), |r| r.note.clone())
                ));
            }
            line.push_str(" < 200 MB |");
            println!("{line}");
            continue;
        }
        let mut line = format!("| {} |", row.name);
        for b in benches {
            let cell = b.rows.get(i).map_or(String::new(), |r| {
                let extra = if r.note.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", r.note)
                };
                format!("{:.2} ms{extra}", ms(r.median))
            });
            line.push_str(&format!(" {cell} |"));
        }
        let budget = match row.budget_ms {
            Some(b) => {
                let met = if ms(row.median) < b { "met" } else { "missed" };
                format!("< {b} ms: {met}")
            }
            None => "—".to_owned(),
        };
        line.push_str(&format!(" {budget} |"));
        println!("{line}");
    }
}

/// What the command line asked for.
struct Args {
    sizes: &'static str,
    /// `--only TEXT`: run only the benchmarks whose name holds TEXT.
    only: String,
    /// `--keep DIR`: generate the workbooks into DIR once and reuse them on later runs.
    keep: Option<PathBuf>,
}

fn parse_args(args: &[String]) -> Outcome<Args> {
    let mut parsed = Args {
        sizes: "realistic",
        only: String::new(),
        keep: None,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "realistic" => parsed.sizes = "realistic",
            "stress" => parsed.sizes = "stress",
            "both" => parsed.sizes = "both",
            "--only" => parsed.only = rest.next().ok_or("--only needs a text")?.clone(),
            "--keep" => {
                parsed.keep = Some(PathBuf::from(rest.next().ok_or("--keep needs a folder")?));
            }
            other => {
                return Err(format!(
                    "unknown argument {other:?}: use realistic, stress or both, \
                     then --only TEXT or --keep DIR"
                ))
            }
        }
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, path, slug] if flag == "--export-once" => export_once(Path::new(path), slug),
        _ => parse_args(&args).and_then(|a| main_run(&a)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("groundwork-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main_run(args: &Args) -> Outcome<()> {
    let sizes: Vec<(&'static str, Size)> = match args.sizes {
        "stress" => vec![("stress", Size::STRESS)],
        "both" => vec![("realistic", Size::REALISTIC), ("stress", Size::STRESS)],
        _ => vec![("realistic", Size::REALISTIC)],
    };
    eprintln!("Machine: {}", machine());
    // A fresh folder of its own, removed at the end, unless the workbooks are kept.
    let dir = args.keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("groundwork-bench-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).map_err(err)?;
    let mut benches = Vec::new();
    let mut outcome = Ok(());
    for (name, size) in sizes {
        match run(name, size, &dir, args) {
            Ok(b) => benches.push(b),
            Err(e) => {
                outcome = Err(e);
                break;
            }
        }
    }
    if args.keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    report(&benches);
    outcome
}
