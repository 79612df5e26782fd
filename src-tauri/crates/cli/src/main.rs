//! `groundwork`: workbooks and documents from the command line, with no window.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use groundwork_core::documents::{Document, ExportOptions, Paper};
use groundwork_docs::spreadsheet::{self, SheetKind};
use groundwork_store::{ImportError, Store, StoreError};

mod check;
mod figures;

#[derive(Parser)]
#[command(
    name = "groundwork",
    version,
    about = "Groundwork community strategy workbooks, without the window.",
    long_about = "Create and inspect Groundwork workbooks (.groundwork files) and export their \
                  PDF strategy documents from the command line."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new, empty workbook.
    New {
        /// Where to create it, e.g. strategy.groundwork. An existing file is never replaced.
        file: PathBuf,
        /// The workbook's name.
        #[arg(long)]
        name: String,
        /// The organisation the strategy is for.
        #[arg(long, default_value = "")]
        organisation: String,
    },
    /// Show a workbook's profile and how many records each step holds.
    Info {
        /// The workbook to read.
        file: PathBuf,
    },
    /// Create a workbook filled with generated records, for benchmarks and for trying
    /// Groundwork at scale. The same seed always gives the same records.
    Generate {
        /// Where to create it. An existing file is never replaced.
        file: PathBuf,
        /// How much to generate.
        #[arg(long, value_enum, default_value = "realistic")]
        size: SizeArg,
        /// The seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Review the strategy's readiness: print what is missing, by step. Exits with 0 when
    /// nothing blocks presenting it, 1 when something does, 2 when the file cannot be read.
    Check {
        /// The workbook to review.
        file: PathBuf,
    },
    /// Write the built-in example workbook: a fictional organisation's strategy with every
    /// step filled in, to see what a finished strategy looks like.
    Example {
        /// Where to write it, e.g. example.groundwork. An existing file is never replaced.
        file: PathBuf,
    },
    /// Export one of the strategy documents as PDF.
    Pdf {
        /// The workbook to read.
        file: PathBuf,
        /// Which document.
        #[arg(long, value_enum)]
        document: DocumentArg,
        /// Paper size.
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// The date printed on the document (YYYY-MM-DD); by default the workbook's last edit.
        #[arg(long)]
        date: Option<NaiveDate>,
        /// The label printed in every page header; "" for none.
        #[arg(long, default_value = "Confidential")]
        confidentiality: String,
        /// Where to write the PDF.
        #[arg(short, long)]
        output: PathBuf,
        /// Add the readiness review after the executive summary (full strategy only).
        #[arg(long)]
        readiness: bool,
    },
    /// Export every record of a workbook as portable JSON (see docs/workbook-format.md).
    ExportJson {
        /// The workbook to read.
        file: PathBuf,
        /// Where to write the JSON.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Export every table of a workbook as an XLSX spreadsheet, one sheet each: channels and
    /// their figures, maturity, findings, stakeholders, interviews, KPIs and measurements,
    /// the crisis plan, phases, initiatives and the budget.
    ExportXlsx {
        /// The workbook to read.
        file: PathBuf,
        /// Where to write the spreadsheet, e.g. strategy.xlsx.
        #[arg(short, long)]
        output: PathBuf,
        /// The day KPI statuses are worked out for (YYYY-MM-DD); by default today.
        #[arg(long)]
        date: Option<NaiveDate>,
    },
    /// Export one table of a workbook as CSV (UTF-8 with a byte order mark, for Excel).
    ExportCsv {
        /// The workbook to read.
        file: PathBuf,
        /// Which table.
        #[arg(long, value_parser = sheet_kind, help = sheet_help())]
        sheet: SheetKind,
        /// Where to write the CSV, e.g. kpis.csv.
        #[arg(short, long)]
        output: PathBuf,
        /// The day KPI statuses are worked out for (YYYY-MM-DD); by default today.
        #[arg(long)]
        date: Option<NaiveDate>,
    },
    /// Create a new workbook from portable JSON. Nothing is written if anything in the file is
    /// wrong; each problem is listed with its place in the JSON.
    Import {
        /// The JSON file to read.
        input: PathBuf,
        /// The workbook to create, e.g. strategy.groundwork.
        file: PathBuf,
        /// Replace the workbook if the file exists already.
        #[arg(long)]
        force: bool,
    },
    /// Take a backup of a workbook (a consistent snapshot, even while the app has it open).
    /// Backups go to backups/<file name>/ beside the workbook; the newest 10 are kept.
    Backup {
        /// The workbook to back up.
        file: PathBuf,
        /// The folder to hold the backups instead.
        #[arg(long)]
        to: Option<PathBuf>,
    },
    /// Import figures from an analytics export or a spreadsheet (CSV, TSV, XLSX, XLS, ODS):
    /// into a KPI's measurements with --kpi, or into channels' snapshots. Prints what was
    /// added, replaced and skipped, and every row not imported with its line and why. Exits
    /// with 1 when no row of the file could be read.
    ImportFigures {
        /// The workbook to import into.
        file: PathBuf,
        /// The file of figures.
        data: PathBuf,
        /// The KPI the values are measurements of.
        #[arg(long, conflicts_with_all = ["channel", "channel_column", "map"])]
        kpi: Option<String>,
        /// The channel every row is about.
        #[arg(long, conflicts_with = "channel_column")]
        channel: Option<String>,
        /// The column naming each row's channel.
        #[arg(long)]
        channel_column: Option<String>,
        /// The column of dates (a name or a number from 1); found from the names by default.
        #[arg(long)]
        date_column: Option<String>,
        /// The column of a KPI's values.
        #[arg(long, requires = "kpi")]
        value_column: Option<String>,
        /// COLUMN=FIGURE, FIGURE one of members, active, posts, response-hours, sentiment,
        /// custom:NAME. Repeat for each column; found from the names by default.
        #[arg(long)]
        map: Vec<String>,
        /// The spreadsheet's sheet; the first one holding figures by default.
        #[arg(long)]
        sheet: Option<String>,
        /// Replace figures the workbook already holds for a date (kept by default).
        #[arg(long)]
        replace: bool,
        /// Print what would be imported; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SizeArg {
    /// About 40 channels, 60 stakeholders, 120 interviews of 12 answers, 300 KPIs of 12
    /// measurements, 40 scenarios.
    Realistic,
    /// Ten times that, and 100,800 interview texts.
    Stress,
}

#[derive(Clone, Copy, ValueEnum)]
enum DocumentArg {
    /// The whole strategy.
    Full,
    /// The executive roadmap one-pager.
    Roadmap,
    /// The crisis playbook.
    Crisis,
    /// The audit workbook.
    Audit,
}

#[derive(Clone, Copy, ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

/// `check` exits with 1 when the strategy has a blocker, so its own errors use 2.
const CHECK_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // So that a window finding a workbook this command holds can say where it is open.
    groundwork_store::identify_as(groundwork_store::Opener::CommandLine);
    // Typed amounts that could be read either way ("1,250") follow the shell's locale, as POSIX
    // ranks its variables: LC_ALL, then LC_NUMERIC, then LANG.
    let locale = ["LC_ALL", "LC_NUMERIC", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|l| !l.is_empty()))
        .unwrap_or_default();
    groundwork_core::goals::values::set_decimal_style(
        groundwork_core::goals::values::locale_style(&locale),
    );
    if let Command::Check { file } = &cli.command {
        return match check(file) {
            Ok(ready) => {
                if ready {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            Err(message) => {
                eprintln!("groundwork: {message}");
                ExitCode::from(CHECK_ERROR)
            }
        };
    }
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("groundwork: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Prints the review; true when nothing blocks.
fn check(file: &std::path::Path) -> Result<bool, String> {
    let store = Store::open(file).map_err(|e| e.to_string())?;
    let review = store.readiness().map_err(|e| e.to_string())?;
    let name = store.profile().map_err(|e| e.to_string())?.name;
    print!("{}", check::report(&name, &review));
    Ok(!review.has_blockers())
}

fn run(command: Command) -> Result<(), String> {
    match command {
        // Handled in `main`, for its own exit codes.
        Command::Check { file } => check(&file).map(|_| ()),
        Command::New {
            file,
            name,
            organisation,
        } => {
            let store = with_extension(&file).and_then(|file| {
                Store::create(&file, &name, &organisation).map_err(|e| e.to_string())
            })?;
            println!("Created {}", store.path().display());
            store.close().map_err(|e| e.to_string())
        }
        Command::Info { file } => {
            let store = Store::open(&file).map_err(|e| e.to_string())?;
            print!("{}", info(&store).map_err(|e| e.to_string())?);
            Ok(())
        }
        Command::Generate { file, size, seed } => {
            let file = with_extension(&file)?;
            let mut store =
                Store::create(&file, "Generated strategy", "").map_err(|e| e.to_string())?;
            let size = match size {
                SizeArg::Realistic => groundwork_fixtures::Size::REALISTIC,
                SizeArg::Stress => groundwork_fixtures::Size::STRESS,
            };
            groundwork_fixtures::fill(&mut store, size, seed).map_err(|e| e.to_string())?;
            println!("Generated {}", store.path().display());
            store.close().map_err(|e| e.to_string())
        }
        Command::Example { file } => {
            let file = with_extension(&file)?;
            let store =
                groundwork_fixtures::create_example(&file, chrono::Local::now().date_naive())
                    .map_err(|e| e.to_string())?;
            println!("Wrote the example workbook to {}", store.path().display());
            store.close().map_err(|e| e.to_string())
        }
        Command::Pdf {
            file,
            document,
            paper,
            date,
            confidentiality,
            output,
            readiness: include_readiness,
        } => {
            let store = Store::open(&file).map_err(|e| e.to_string())?;
            let workbook = store.load_workbook_to_print().map_err(|e| e.to_string())?;
            let options = ExportOptions {
                document: match document {
                    DocumentArg::Full => Document::Full,
                    DocumentArg::Roadmap => Document::Roadmap,
                    DocumentArg::Crisis => Document::Crisis,
                    DocumentArg::Audit => Document::Audit,
                },
                paper: match paper {
                    PaperArg::A4 => Paper::A4,
                    PaperArg::Letter => Paper::Letter,
                },
                date,
                omit_sections: Vec::new(),
                confidentiality,
                include_readiness,
            };
            let rendered = groundwork_docs::render(&workbook, &options)
                .map_err(|e| format!("the document could not be made: {e}."))?;
            write_output(&output, &rendered.bytes)?;
            for warning in &rendered.warnings {
                eprintln!("warning: {}", warning.message);
            }
            println!(
                "Wrote {} ({} {}, {} KB)",
                output.display(),
                rendered.page_count,
                if rendered.page_count == 1 {
                    "page"
                } else {
                    "pages"
                },
                rendered.bytes.len().div_ceil(1024)
            );
            Ok(())
        }
        Command::ExportJson { file, output } => export_json(&file, &output),
        Command::ExportXlsx { file, output, date } => export_xlsx(&file, &output, date),
        Command::ExportCsv {
            file,
            sheet,
            output,
            date,
        } => export_csv(&file, sheet, &output, date),
        Command::Import { input, file, force } => import(&input, &file, force),
        Command::Backup { file, to } => backup(&file, to),
        Command::ImportFigures {
            file,
            data,
            kpi,
            channel,
            channel_column,
            date_column,
            value_column,
            map,
            sheet,
            replace,
            dry_run,
        } => {
            let request = figures::Request {
                kpi: kpi.as_deref(),
                channel: channel.as_deref(),
                channel_column: channel_column.as_deref(),
                date_column: date_column.as_deref(),
                value_column: value_column.as_deref(),
                maps: &map,
                sheet: sheet.as_deref(),
                replace,
                dry_run,
            };
            if figures::run(&file, &data, &request)? {
                Ok(())
            } else {
                Err(format!(
                    "no row of “{}” could be read; nothing was written.",
                    data.display()
                ))
            }
        }
    }
}

fn export_json(file: &Path, output: &Path) -> Result<(), String> {
    let store = Store::open(file).map_err(|e| e.to_string())?;
    let json = store.export_json().map_err(|e| e.to_string())?;
    write_output(output, json.as_bytes())?;
    println!(
        "Wrote {} ({} KB)",
        output.display(),
        json.len().div_ceil(1024)
    );
    Ok(())
}

fn export_xlsx(file: &Path, output: &Path, date: Option<NaiveDate>) -> Result<(), String> {
    let store = Store::open(file).map_err(|e| e.to_string())?;
    let workbook = store.load_workbook().map_err(|e| e.to_string())?;
    let today = date.unwrap_or_else(|| chrono::Local::now().date_naive());
    let bytes = spreadsheet::xlsx(&workbook, today)
        .map_err(|e| format!("the spreadsheet could not be made: {e}."))?;
    write_output(output, &bytes)?;
    println!(
        "Wrote {} ({} sheets, {} KB)",
        output.display(),
        SheetKind::ALL.len(),
        bytes.len().div_ceil(1024)
    );
    Ok(())
}

fn export_csv(
    file: &Path,
    sheet: SheetKind,
    output: &Path,
    date: Option<NaiveDate>,
) -> Result<(), String> {
    let store = Store::open(file).map_err(|e| e.to_string())?;
    let workbook = store.load_workbook().map_err(|e| e.to_string())?;
    let today = date.unwrap_or_else(|| chrono::Local::now().date_naive());
    let table = spreadsheet::sheet(&workbook, today, sheet);
    let csv =
        spreadsheet::write_csv(&table).map_err(|e| format!("the CSV could not be made: {e}."))?;
    write_output(output, csv.as_bytes())?;
    println!(
        "Wrote {} ({}, {} {})",
        output.display(),
        sheet.name(),
        table.rows.len(),
        if table.rows.len() == 1 { "row" } else { "rows" }
    );
    Ok(())
}

/// The table named on the command line by its file stem: `kpis`, `initiatives`, ...
fn sheet_kind(name: &str) -> Result<SheetKind, String> {
    SheetKind::ALL
        .into_iter()
        .find(|k| k.file_stem() == name)
        .ok_or_else(|| format!("“{name}” is not a table; choose one of {}.", sheet_names()))
}

fn sheet_names() -> String {
    SheetKind::ALL.map(SheetKind::file_stem).join(", ")
}

fn sheet_help() -> String {
    format!("Which table: {}.", sheet_names())
}

fn import(input: &Path, file: &Path, force: bool) -> Result<(), String> {
    let file = with_extension(file)?;
    let json = std::fs::read_to_string(input)
        .map_err(|e| format!("“{}” could not be read: {e}.", input.display()))?;
    match groundwork_store::import_json(&json, &file, force) {
        Ok(path) => {
            println!("Imported {}", path.display());
            Ok(())
        }
        Err(ImportError::Refused(problems)) => {
            for problem in &problems {
                eprintln!("{}: {}", problem.path, problem.message);
            }
            Err(format!(
                "“{}” was not imported ({} {}); nothing was written.",
                input.display(),
                problems.len(),
                if problems.len() == 1 {
                    "problem"
                } else {
                    "problems"
                }
            ))
        }
        Err(ImportError::Store(StoreError::AlreadyExists { path })) => Err(format!(
            "“{}” already exists; choose another name, or add --force to replace it.",
            path.display()
        )),
        Err(err) => Err(err.to_string()),
    }
}

fn backup(file: &Path, to: Option<PathBuf>) -> Result<(), String> {
    let store = Store::open(file).map_err(|e| e.to_string())?;
    let dir = to.unwrap_or_else(|| {
        groundwork_store::backups_dir(file.parent().unwrap_or(Path::new(".")), file)
    });
    let backup = store
        .back_up(&dir, chrono::Utc::now())
        .map_err(|e| e.to_string())?;
    println!(
        "Backed up to {} ({} KB)",
        backup.path.display(),
        backup.bytes.div_ceil(1024)
    );
    store.close().map_err(|e| e.to_string())
}

/// Writes a document or export to `output`, never over a workbook open for editing.
fn write_output(output: &Path, bytes: &[u8]) -> Result<(), String> {
    let _held = groundwork_store::claim_to_replace(output).map_err(|e| e.to_string())?;
    std::fs::write(output, bytes)
        .map_err(|e| format!("“{}” could not be written: {e}.", output.display()))
}

/// Workbooks are `.groundwork` files; a name without an extension gets it, another extension
/// is refused so that `new notes.txt` cannot make a workbook that looks like something else.
fn with_extension(file: &std::path::Path) -> Result<PathBuf, String> {
    match file.extension().and_then(|e| e.to_str()) {
        None => Ok(file.with_extension(groundwork_store::WORKBOOK_EXTENSION)),
        Some(ext) if ext == groundwork_store::WORKBOOK_EXTENSION => Ok(file.to_owned()),
        Some(ext) => Err(format!(
            "“{}” ends in .{ext}; workbooks end in .groundwork. Choose a name ending in .groundwork.",
            file.display()
        )),
    }
}

fn info(store: &Store) -> groundwork_store::Result<String> {
    use std::fmt::Write as _;
    let p = store.profile()?;
    let mut out = String::new();
    let blank = |s: &str| {
        if s.is_empty() {
            "—".to_owned()
        } else {
            s.to_owned()
        }
    };
    let _ = writeln!(out, "Workbook:     {}", p.name);
    let _ = writeln!(out, "Organisation: {}", blank(&p.organisation));
    let _ = writeln!(out, "Community:    {}", blank(&p.community_name));
    let _ = writeln!(out, "Strategist:   {}", blank(&p.strategist));
    let _ = writeln!(
        out,
        "Created:      {}",
        p.created_at.format("%Y-%m-%d %H:%M UTC")
    );
    let _ = writeln!(
        out,
        "Last edited:  {}",
        p.updated_at.format("%Y-%m-%d %H:%M UTC")
    );
    let purpose_chars = p.purpose.chars().count();
    let _ = writeln!(
        out,
        "Purpose:      {}",
        purpose_preview(&p.purpose, purpose_chars)
    );
    let _ = writeln!(out, "\nRecords per step:");
    for count in store.step_counts()? {
        let _ = writeln!(out, "  {:<30} {}", count.title, count.records);
    }
    if store.is_read_only() {
        let _ = writeln!(out, "\nThis file is read-only.");
    }
    Ok(out)
}

/// The first line of the purpose, shortened, so a long purpose does not flood the terminal.
fn purpose_preview(purpose: &str, chars: usize) -> String {
    let first_line = purpose
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if first_line.is_empty() {
        return "—".to_owned();
    }
    let short: String = first_line.chars().take(100).collect();
    if short.chars().count() < chars {
        format!(
            "{short}… ({} characters)",
            groundwork_core::text::thousands(chars)
        )
    } else {
        short
    }
}
