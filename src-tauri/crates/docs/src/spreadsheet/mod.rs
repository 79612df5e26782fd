//! Spreadsheets out: every step's tables as sheets of typed cells, defined once here, then
//! written as one XLSX workbook ([`write_xlsx`]) or one sheet as CSV ([`write_csv`]).
//!
//! A sheet is plain data: columns with a header and a width, rows of [`Cell`]s. Dates stay
//! dates and numbers stay numbers; text is always text, never a formula, whatever it starts
//! with.

mod audit;
mod crisis;
mod csv;
mod goals;
mod roadmap;
mod stakeholders;
mod xlsx;

use chrono::NaiveDate;
use groundwork_core::roadmap::Money;
use groundwork_core::workbook::Workbook;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use self::csv::write_csv;
pub use self::xlsx::{write_xlsx, About};

/// One value of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// A sum of money in its currency's units, shown with `decimals` places.
    Amount {
        value: f64,
        decimals: u8,
    },
    Date(NaiveDate),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }

    /// A number, or an empty cell when there is none.
    pub fn number(n: Option<f64>) -> Self {
        n.map_or(Cell::Empty, Cell::Number)
    }

    pub fn date(d: Option<NaiveDate>) -> Self {
        d.map_or(Cell::Empty, Cell::Date)
    }
}

/// A budget amount as a number of currency units, with its decimal places. The one place that
/// knows how minor units map to units, so a change to the money representation changes only
/// this.
pub fn amount(money: &Money) -> Cell {
    let digits = groundwork_core::roadmap::money::minor_digits(&money.currency);
    Cell::Amount {
        value: money.minor as f64 / 10f64.powi(i32::try_from(digits).unwrap_or(2)),
        decimals: u8::try_from(digits).unwrap_or(2),
    }
}

/// A column: its header and its width in characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub width: f64,
}

impl Column {
    pub fn new(header: impl Into<String>, width: f64) -> Self {
        Self {
            header: header.into(),
            width,
        }
    }
}

/// Shorthand for a list of columns: `columns(&[("Name", 30.0), ...])`.
fn columns(list: &[(&'static str, f64)]) -> Vec<Column> {
    list.iter()
        .map(|&(header, width)| Column::new(header, width))
        .collect()
}

/// One table.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub kind: SheetKind,
    pub columns: Vec<Column>,
    /// Each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The tab's name: at most 31 characters and unique in the workbook, as Excel requires.
    pub fn name(&self) -> &'static str {
        self.kind.name()
    }
}

macro_rules! sheet_kinds {
    ($($(#[$doc:meta])* $variant:ident => $name:literal, $file:literal;)*) => {
        /// The tables a strategist can export, one sheet each, in the workbook's order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "camelCase")]
        pub enum SheetKind {
            $($(#[$doc])* $variant,)*
        }

        impl SheetKind {
            pub const ALL: [SheetKind; [$($name),*].len()] = [$(SheetKind::$variant),*];

            /// The sheet's tab name (at most 31 characters, unique).
            pub fn name(self) -> &'static str {
                match self {
                    $(SheetKind::$variant => $name,)*
                }
            }

            /// The part of a file name this sheet's CSV gets: "initiatives".
            pub fn file_stem(self) -> &'static str {
                match self {
                    $(SheetKind::$variant => $file,)*
                }
            }
        }
    };
}

sheet_kinds! {
    Channels => "Channels", "channels";
    /// Every snapshot of every channel's figures.
    ChannelMetrics => "Channel metrics", "channel-metrics";
    Maturity => "Maturity", "maturity";
    Findings => "Findings", "findings";
    Stakeholders => "Stakeholders", "stakeholders";
    Interviews => "Interviews", "interviews";
    InterviewAnswers => "Interview answers", "interview-answers";
    Quotes => "Quotes", "quotes";
    Themes => "Themes", "themes";
    Goals => "Goals", "goals";
    Kpis => "KPIs", "kpis";
    KpiMeasurements => "KPI measurements", "kpi-measurements";
    SeverityLevels => "Severity levels", "severity-levels";
    CrisisScenarios => "Crisis scenarios", "crisis-scenarios";
    CrisisContacts => "Crisis contacts", "crisis-contacts";
    Escalation => "Escalation", "escalation";
    Phases => "Phases", "phases";
    Initiatives => "Initiatives", "initiatives";
    Budget => "Budget", "budget";
}

/// Every table of the workbook, one sheet each. `today` is the date KPI statuses are worked
/// out for.
pub fn sheets(workbook: &Workbook, today: NaiveDate) -> Vec<Sheet> {
    SheetKind::ALL
        .into_iter()
        .map(|kind| sheet(workbook, today, kind))
        .collect()
}

/// The whole workbook as an XLSX file, one sheet per table. The file's creation time is the
/// workbook's last edit, so the same workbook on the same `today` gives the same bytes.
pub fn xlsx(workbook: &Workbook, today: NaiveDate) -> Result<Vec<u8>, crate::DocsError> {
    write_xlsx(&sheets(workbook, today), &About::of(workbook))
}

/// One table of the workbook as CSV text.
pub fn csv(
    workbook: &Workbook,
    today: NaiveDate,
    kind: SheetKind,
) -> Result<String, crate::DocsError> {
    write_csv(&sheet(workbook, today, kind))
}

/// One table of the workbook.
pub fn sheet(workbook: &Workbook, today: NaiveDate, kind: SheetKind) -> Sheet {
    let (columns, rows) = match kind {
        SheetKind::Channels => audit::channels(workbook),
        SheetKind::ChannelMetrics => audit::metrics(workbook),
        SheetKind::Maturity => audit::maturity(workbook),
        SheetKind::Findings => audit::findings(workbook),
        SheetKind::Stakeholders => stakeholders::register(workbook),
        SheetKind::Interviews => stakeholders::interviews(workbook),
        SheetKind::InterviewAnswers => stakeholders::answers(workbook),
        SheetKind::Quotes => stakeholders::quotes(workbook),
        SheetKind::Themes => stakeholders::themes(workbook),
        SheetKind::Goals => goals::goals(workbook),
        SheetKind::Kpis => goals::kpis(workbook, today),
        SheetKind::KpiMeasurements => goals::measurements(workbook),
        SheetKind::SeverityLevels => crisis::levels(workbook),
        SheetKind::CrisisScenarios => crisis::scenarios(workbook),
        SheetKind::CrisisContacts => crisis::contacts(workbook),
        SheetKind::Escalation => crisis::escalation(workbook),
        SheetKind::Phases => roadmap::phases(workbook),
        SheetKind::Initiatives => roadmap::initiatives(workbook),
        SheetKind::Budget => roadmap::budget(workbook),
    };
    Sheet {
        kind,
        columns,
        rows,
    }
}

/// What the columns and rows of one sheet are built as.
type Table = (Vec<Column>, Vec<Vec<Cell>>);

/// Names joined for one cell: "Forum; Discord server".
fn joined<'a>(names: impl IntoIterator<Item = &'a str>) -> Cell {
    let names: Vec<&str> = names.into_iter().filter(|n| !n.is_empty()).collect();
    if names.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(names.join("; "))
    }
}

/// The names of the records with these ids, in the given order; unknown ids are left out.
fn names_of<'a, T>(
    ids: &[uuid::Uuid],
    records: &'a [T],
    id: impl Fn(&T) -> uuid::Uuid,
    name: impl Fn(&'a T) -> &'a str,
) -> Cell {
    joined(
        ids.iter()
            .filter_map(|wanted| records.iter().find(|r| id(r) == *wanted).map(&name)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_in_units_with_their_currency_s_decimals() {
        let money = |minor: i64, currency: &str| Money {
            minor,
            currency: currency.into(),
        };
        assert_eq!(
            amount(&money(1200, "JPY")),
            Cell::Amount {
                value: 1200.0,
                decimals: 0
            }
        );
        assert_eq!(
            amount(&money(12500, "BHD")),
            Cell::Amount {
                value: 12.5,
                decimals: 3
            }
        );
        assert_eq!(
            amount(&money(1250050, "EUR")),
            Cell::Amount {
                value: 12500.5,
                decimals: 2
            }
        );
    }

    #[test]
    fn sheet_names_fit_excel_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for kind in SheetKind::ALL {
            let name = kind.name();
            assert!(
                name.chars().count() <= 31,
                "{name} is longer than Excel allows"
            );
            assert!(
                !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                "{name} has a character Excel refuses in a sheet name"
            );
            assert!(seen.insert(name.to_lowercase()), "{name} is not unique");
        }
    }
}
