//! The executive summary of the full strategy, on one page: the purpose, community health and
//! its trend, each goal with its headline KPIs' status, the findings that matter most, the
//! highest crisis risks, the roadmap's phases, milestones and budget, and what is asked of the
//! reader. Where a list is long it shows the first few and says how many more there are and on
//! which page; the paged document picks the level of detail that keeps it to one page.

use chrono::{Duration, NaiveDate};
use groundwork_core::goals::status::{health, KpiReport, KpiStatus};
use groundwork_core::goals::values::with_unit;
use groundwork_core::roadmap::money::totals_text;
use groundwork_core::roadmap::BudgetTotals;
use groundwork_core::text::{long_date, plural, short_date};
use groundwork_core::workbook::{Step, Workbook};

use crate::layout::{Block, Column, Table};
use crate::sections::{roadmap as roadmap_section, Built, Section};
use crate::text::clean_line;

/// How far back the health figure's trend looks.
const TREND_DAYS: i64 = 90;

/// The physical page each section starts on, as far as it is known.
#[derive(Debug, Clone, Default)]
pub struct Pages(pub Vec<(Section, usize)>);

impl Pages {
    fn of(&self, section: Section) -> Option<usize> {
        self.0.iter().find(|(s, _)| *s == section).map(|(_, p)| *p)
    }

    /// ", page 9", or nothing when the section has no page in this document.
    fn at(&self, section: Section) -> String {
        self.of(section)
            .map(|p| format!(", page {p}"))
            .unwrap_or_default()
    }
}

/// How many of each list the summary shows; the levels go from most to least detail. At the
/// least, each list is only counted, with its page, and the ask names no phase or owner: every
/// part is still there. The roadmap and the ask, what the reader acts on, shrink last.
struct Detail {
    /// 0: the purpose is only referred to.
    purpose_chars: usize,
    goals: usize,
    kpis_per_goal: usize,
    findings: usize,
    risks: usize,
    phases: usize,
    milestones: usize,
    /// Whether the ask names the phase and its owners.
    ask_names: bool,
}

const fn detail(
    purpose_chars: usize,
    goals: usize,
    kpis_per_goal: usize,
    (findings, risks): (usize, usize),
    phases: usize,
    milestones: usize,
) -> Detail {
    Detail {
        purpose_chars,
        goals,
        kpis_per_goal,
        findings,
        risks,
        phases,
        milestones,
        ask_names: true,
    }
}

/// The least detail: every list counted, the ask without names.
const COUNTS_ONLY: Detail = Detail {
    ask_names: false,
    ..detail(0, 0, 0, (0, 0), 0, 0)
};

const DETAILS: [Detail; 12] = [
    detail(420, 5, 2, (3, 3), 4, 3),
    detail(320, 5, 1, (3, 3), 3, 2),
    detail(320, 4, 1, (2, 2), 3, 2),
    detail(280, 4, 1, (2, 2), 2, 1),
    detail(240, 3, 1, (1, 1), 2, 1),
    detail(180, 2, 1, (1, 1), 1, 1),
    detail(120, 1, 1, (1, 1), 1, 1),
    // Titles too long for that: the goals counted by status, then the findings and risks.
    detail(120, 0, 0, (1, 1), 1, 1),
    detail(120, 0, 0, (0, 0), 1, 1),
    detail(0, 0, 0, (0, 0), 1, 0),
    detail(0, 0, 0, (0, 0), 0, 0),
    COUNTS_ONLY,
];

/// How many levels of detail there are: level 0 shows the most.
pub const LEVELS: usize = DETAILS.len();

fn h3(text: &str) -> Block {
    Block::Heading {
        level: 3,
        text: text.to_owned(),
    }
}

/// What the summary says at every level of detail, worked out once: the KPIs' reports, the
/// health sentence (which reports the KPIs again, as of the trend's start) and the budget.
pub struct Facts {
    reports: Vec<KpiReport>,
    health: String,
    totals: BudgetTotals,
}

impl Facts {
    pub fn of(workbook: &Workbook, date: NaiveDate) -> Facts {
        let reports = workbook.goals.reports(date);
        let health = health_text(workbook, date, &reports);
        Facts {
            reports,
            health,
            totals: roadmap_section::totals(workbook),
        }
    }
}

/// The summary at `level` of detail (0 the most, clamped to the least), as of `date`.
pub fn build(
    workbook: &Workbook,
    facts: &Facts,
    date: NaiveDate,
    pages: &Pages,
    level: usize,
) -> Built {
    let d = &DETAILS[level.min(LEVELS - 1)];
    let mut blocks = vec![Block::KeyValue(vec![
        ("Purpose".to_owned(), purpose(workbook, pages, d)),
        ("Community health".to_owned(), facts.health.clone()),
    ])];
    blocks.extend(goals_part(workbook, &facts.reports, pages, d));
    blocks.extend(findings_and_risks(workbook, pages, d));
    blocks.extend(roadmap_part(workbook, &facts.totals, date, pages, d));
    blocks.push(Block::KeyValue(vec![(
        "What is asked of you".to_owned(),
        ask_text(workbook, &facts.totals, date, pages, d),
    )]));
    Built {
        blocks,
        warnings: Vec::new(),
    }
}

/// The purpose whole when it is short; otherwise its first sentences (whole sentences, never
/// a cut word) and where to read the rest.
fn purpose(workbook: &Workbook, pages: &Pages, d: &Detail) -> String {
    let text = clean_line(&workbook.profile.purpose);
    if text.is_empty() {
        return format!(
            "No purpose written yet: it is written on the Overview screen and printed in Purpose and profile{}.",
            pages.at(Section::Profile)
        );
    }
    if text.chars().count() <= d.purpose_chars {
        return text;
    }
    if d.purpose_chars == 0 {
        return format!(
            "The purpose is in Purpose and profile{}.",
            pages.at(Section::Profile)
        );
    }
    let (opening, whole_sentences) = first_sentences(&text, d.purpose_chars);
    let rest = format!("Purpose and profile{}.", pages.at(Section::Profile));
    if whole_sentences {
        format!("{opening} The whole purpose is in {rest}")
    } else {
        format!("{opening} — the whole purpose is in {rest}")
    }
}

/// The longest run of whole sentences within `budget` characters (and `true`); when even the
/// first sentence is longer, the whole words that fit (and `false`).
fn first_sentences(text: &str, budget: usize) -> (String, bool) {
    let mut best = None;
    for (n, (i, c)) in text.char_indices().enumerate() {
        if n >= budget {
            break;
        }
        let end = i + c.len_utf8();
        let ends = matches!(c, '.' | '!' | '?') && text[end..].starts_with(' ')
            || matches!(c, '。' | '！' | '？');
        if ends {
            best = Some(end);
        }
    }
    if let Some(end) = best {
        return (text[..end].to_owned(), true);
    }
    // No sentence ends within the budget: the whole words that fit (at least the first).
    let mut out = String::new();
    for word in text.split(' ') {
        let len = out.chars().count() + word.chars().count() + 1;
        if len > budget && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // Only a single word longer than the budget (a pasted URL) is shortened.
    (out.chars().take(budget.max(1)).collect(), false)
}

fn status_counts(reports: &[KpiReport]) -> String {
    KpiStatus::ALL
        .iter()
        .filter_map(|st| {
            let n = reports.iter().filter(|r| r.status == *st).count();
            (n > 0).then(|| format!("{n} {}", st.label().to_lowercase()))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn health_text(workbook: &Workbook, date: NaiveDate, reports: &[KpiReport]) -> String {
    let g = &workbook.goals;
    let now = health(&g.kpis, reports);
    let mut text = match now.score {
        None => "No health figure yet: it is worked out once a KPI with a weight above 0 has a measurement.".to_owned(),
        Some(score) => {
            let mut s = format!("Community health is {score:.0} of 100");
            let then = date.checked_sub_signed(Duration::days(TREND_DAYS));
            let before = then.and_then(|t| Some((t, g.health(t).score?)));
            if let Some((then, before)) = before {
                let change = score.round() - before.round();
                let how = if change > 0.0 {
                    format!("up {change:.0} points from {before:.0}")
                } else if change < 0.0 {
                    format!("down {:.0} points from {before:.0}", -change)
                } else {
                    format!("unchanged from {before:.0}")
                };
                s.push_str(&format!(" as of {}, {how} on {}", long_date(date), long_date(then)));
            } else {
                s.push_str(&format!(" as of {}", long_date(date)));
            }
            if let Some(e) = now.expected {
                s.push_str(&format!("; about {e:.0} was expected by now"));
            }
            s.push('.');
            s
        }
    };
    if !reports.is_empty() {
        text.push_str(&format!(
            " Of {}: {}.",
            plural(reports.len(), "KPI", "KPIs"),
            status_counts(reports)
        ));
    }
    text
}

/// How bad a status is, for a goal's overall status: the worst measured one.
fn badness(s: KpiStatus) -> u8 {
    match s {
        KpiStatus::OffTrack => 4,
        KpiStatus::AtRisk => 3,
        KpiStatus::OnTrack => 2,
        KpiStatus::Achieved => 1,
        KpiStatus::NotYetMeasured => 0,
    }
}

fn goals_part(workbook: &Workbook, reports: &[KpiReport], pages: &Pages, d: &Detail) -> Vec<Block> {
    let g = &workbook.goals;
    let mut blocks = vec![h3("Goals and headline KPIs")];
    if g.goals.is_empty() {
        blocks.push(Block::Paragraph("No goals set yet.".to_owned()));
        return blocks;
    }
    let goal_status = |id| {
        g.kpis
            .iter()
            .zip(reports)
            .filter(|(k, _)| k.goal_id == id)
            .map(|(_, r)| r.status)
            .max_by_key(|s| badness(*s))
    };
    if d.goals == 0 {
        // Only counted: how many goals stand at each status (a goal's worst KPI's).
        let mut counts: Vec<String> = KpiStatus::ALL
            .iter()
            .filter_map(|st| {
                let n = g
                    .goals
                    .iter()
                    .filter(|goal| goal_status(goal.id) == Some(*st))
                    .count();
                (n > 0).then(|| format!("{n} {}", st.label().to_lowercase()))
            })
            .collect();
        let without = g
            .goals
            .iter()
            .filter(|goal| goal_status(goal.id).is_none())
            .count();
        if without > 0 {
            counts.push(format!("{without} without a KPI"));
        }
        blocks.push(Block::Paragraph(format!(
            "{}, by status: {}. Each goal and its KPIs are in Goals and KPIs{}.",
            plural(g.goals.len(), "goal", "goals"),
            counts.join(", "),
            pages.at(Section::Step(Step::Goals))
        )));
        return blocks;
    }
    // The goals that weigh most in the health figure first; the strategist's order otherwise.
    let weight = |id| -> f64 { g.kpis_of(id).map(|k| k.weight.max(0.0)).sum() };
    let mut order: Vec<usize> = (0..g.goals.len()).collect();
    order.sort_by(|a, b| {
        weight(g.goals[*b].id)
            .total_cmp(&weight(g.goals[*a].id))
            .then(a.cmp(b))
    });
    let rows = order
        .iter()
        .take(d.goals)
        .map(|i| {
            let goal = &g.goals[*i];
            let mut kpis: Vec<(usize, &groundwork_core::goals::kpis::Kpi)> = g
                .kpis
                .iter()
                .enumerate()
                .filter(|(_, k)| k.goal_id == goal.id)
                .collect();
            kpis.sort_by(|(a, ka), (b, kb)| kb.weight.total_cmp(&ka.weight).then(a.cmp(b)));
            let mut lines: Vec<String> = kpis
                .iter()
                .take(d.kpis_per_goal)
                .filter_map(|(i, k)| {
                    let r = reports.get(*i)?;
                    let latest = r.latest.as_ref().map_or_else(
                        || "not yet measured".to_owned(),
                        |m| with_unit(m.value, &k.unit),
                    );
                    Some(format!(
                        "{}: {latest}, target {} by {} ({})",
                        clean_line(&k.name),
                        with_unit(k.target_value, &k.unit),
                        short_date(k.target_date),
                        r.status_label.to_lowercase()
                    ))
                })
                .collect();
            if kpis.len() > d.kpis_per_goal {
                lines.push(format!(
                    "and {}",
                    plural(kpis.len() - d.kpis_per_goal, "more KPI", "more KPIs")
                ));
            }
            let status = match goal_status(goal.id) {
                None => "No KPI yet".to_owned(),
                Some(s) => s.label().to_owned(),
            };
            if lines.is_empty() {
                lines.push("No KPI measures it yet.".to_owned());
            }
            vec![clean_line(&goal.title), lines.join("\n"), status]
        })
        .collect();
    let mut rows: Vec<Vec<String>> = rows;
    if g.goals.len() > d.goals {
        rows.push(vec![
            format!(
                "and {}{}",
                plural(g.goals.len() - d.goals, "more goal", "more goals"),
                pages.at(Section::Step(Step::Goals))
            ),
            String::new(),
            String::new(),
        ]);
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Goal", 2.0),
            Column::new("Headline KPIs: latest, target", 3.2),
            Column::new("Status", 1.0),
        ],
        rows,
    }));
    blocks
}

/// The findings that matter most beside the highest crisis risks, side by side; each list's
/// last line counts the rest and names their page.
fn findings_and_risks(workbook: &Workbook, pages: &Pages, d: &Detail) -> Vec<Block> {
    let findings = &workbook.audit.findings;
    let scenarios = &workbook.crisis.scenarios;
    if findings.is_empty() && scenarios.is_empty() {
        return Vec::new();
    }
    let mut order: Vec<_> = findings.iter().enumerate().collect();
    order.sort_by(|(a, fa), (b, fb)| fa.importance.cmp(&fb.importance).then(a.cmp(b)));
    let mut left: Vec<String> = order
        .iter()
        .take(d.findings)
        .map(|(_, f)| {
            format!(
                "{} ({} importance)",
                clean_line(&f.title),
                f.importance.label().to_lowercase()
            )
        })
        .collect();
    if findings.is_empty() {
        left.push("No audit findings yet.".to_owned());
    } else if d.findings == 0 {
        left.push(format!(
            "{}{}",
            plural(findings.len(), "finding", "findings"),
            pages.at(Section::Step(Step::Audit))
        ));
    } else if findings.len() > d.findings {
        left.push(format!(
            "and {}{}",
            plural(findings.len() - d.findings, "more finding", "more findings"),
            pages.at(Section::Step(Step::Audit))
        ));
    }
    let mut order: Vec<_> = scenarios.iter().enumerate().collect();
    order.sort_by(|(a, sa), (b, sb)| sb.risk.score.cmp(&sa.risk.score).then(a.cmp(b)));
    let mut right: Vec<String> = order
        .iter()
        .take(d.risks)
        .map(|(_, s)| {
            let owner = clean_line(&s.owner);
            let owner = if owner.is_empty() {
                "no owner yet".to_owned()
            } else {
                format!("owner {owner}")
            };
            format!(
                "{} ({} risk, {} of 25; {owner})",
                clean_line(&s.title),
                s.risk.band.label().to_lowercase(),
                s.risk.score
            )
        })
        .collect();
    if scenarios.is_empty() {
        right.push("No crisis scenarios yet.".to_owned());
    } else if d.risks == 0 {
        right.push(format!(
            "{}{}",
            plural(scenarios.len(), "scenario", "scenarios"),
            pages.at(Section::Step(Step::Crisis))
        ));
    } else if scenarios.len() > d.risks {
        right.push(format!(
            "and {}{}",
            plural(scenarios.len() - d.risks, "more scenario", "more scenarios"),
            pages.at(Section::Step(Step::Crisis))
        ));
    }
    let n = left.len().max(right.len());
    left.resize(n, String::new());
    right.resize(n, String::new());
    vec![
        h3("What the audit found, and the highest crisis risks"),
        Block::Table(Table {
            columns: vec![
                Column::new("Top findings", 1.0),
                Column::new("Highest crisis risks", 1.0),
            ],
            rows: left
                .into_iter()
                .zip(right)
                .map(|(l, r)| vec![l, r])
                .collect(),
        }),
    ]
}

fn roadmap_part(
    workbook: &Workbook,
    totals: &BudgetTotals,
    date: NaiveDate,
    pages: &Pages,
    d: &Detail,
) -> Vec<Block> {
    let r = &workbook.roadmap;
    if r.phases.is_empty() && r.initiatives.is_empty() {
        return Vec::new();
    }
    let milestones = r.initiatives.iter().filter(|i| i.milestone).count();
    let counts = if milestones == 0 {
        format!(
            "{} and {}",
            plural(r.phases.len(), "phase", "phases"),
            plural(r.initiatives.len(), "initiative", "initiatives")
        )
    } else {
        format!(
            "{}, {} and {}",
            plural(r.phases.len(), "phase", "phases"),
            plural(r.initiatives.len(), "initiative", "initiatives"),
            plural(milestones, "milestone", "milestones")
        )
    };
    let mut text = format!("{counts}; total budget {}.", totals_text(&totals.overall));
    // The next milestones from the document's date, or the last ones when all are past.
    let mut dated: Vec<(NaiveDate, String)> = r
        .initiatives
        .iter()
        .filter(|i| i.milestone)
        .filter_map(|i| i.dates().map(|(_, e)| (e, clean_line(&i.title))))
        .collect();
    dated.sort();
    let ahead: Vec<&(NaiveDate, String)> = dated.iter().filter(|(e, _)| *e >= date).collect();
    let (label, list): (&str, Vec<&(NaiveDate, String)>) = if ahead.is_empty() {
        (
            "Last milestones",
            dated.iter().rev().take(d.milestones).rev().collect(),
        )
    } else {
        (
            "Milestones ahead",
            ahead.into_iter().take(d.milestones).collect(),
        )
    };
    if !list.is_empty() {
        let names: Vec<String> = list
            .iter()
            .map(|(e, t)| format!("{t} ({})", short_date(*e)))
            .collect();
        text.push_str(&format!(" {label}: {}.", names.join("; ")));
    }
    if d.phases == 0 && !r.phases.is_empty() {
        text.push_str(&format!(
            " Each phase, its dates and budget are in the roadmap{}.",
            pages.at(Section::Step(Step::Roadmap))
        ));
    }
    let mut blocks = vec![h3("Roadmap"), Block::Paragraph(text)];
    if !r.phases.is_empty() && d.phases > 0 {
        let rows = r
            .phases
            .iter()
            .take(d.phases)
            .map(|p| {
                let budget = totals
                    .by_phase
                    .iter()
                    .find(|t| t.id == Some(p.id))
                    .map(|t| (totals_text(&t.amounts), t.initiatives));
                let (budget, n) = budget.unwrap_or_else(|| (totals_text(&[]), 0));
                vec![
                    clean_line(&p.name),
                    format!("{} – {}", short_date(p.start), short_date(p.end)),
                    n.to_string(),
                    budget,
                ]
            })
            .collect();
        let mut rows: Vec<Vec<String>> = rows;
        if r.phases.len() > d.phases {
            rows.push(vec![
                format!(
                    "and {}{}",
                    plural(r.phases.len() - d.phases, "more phase", "more phases"),
                    pages.at(Section::Step(Step::Roadmap))
                ),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Phase", 2.2),
                Column::new("Dates", 2.0),
                Column::right("Initiatives", 1.0),
                Column::right("Budget", 1.4),
            ],
            rows,
        }));
    }
    blocks
}

/// What is asked of the reader: the strategist's own words when they wrote them; otherwise
/// drawn from the roadmap (approve its budget, confirm the owners of the phase under way or
/// next) and marked as a suggestion.
fn ask_text(
    workbook: &Workbook,
    totals: &BudgetTotals,
    date: NaiveDate,
    pages: &Pages,
    d: &Detail,
) -> String {
    let own = workbook.documents.ask.trim();
    if !own.is_empty() {
        return own.to_owned();
    }
    match drawn_ask(workbook, totals, date, pages, d) {
        Some(drawn) => format!(
            "{drawn} (Suggested from the roadmap: the workbook holds no request of its own.)"
        ),
        None => "Nothing yet: once the roadmap has phases, initiatives and budgets, this names the budget to approve and the owners to confirm.".to_owned(),
    }
}

/// The ask the roadmap suggests, with its phase and owners named, as the Documents screen
/// offers it to start from; `None` while the roadmap has nothing to ask for.
pub fn suggested_ask(workbook: &Workbook) -> Option<String> {
    let date = workbook.last_edited().date_naive();
    let totals = roadmap_section::totals(workbook);
    drawn_ask(workbook, &totals, date, &Pages::default(), &DETAILS[0])
}

/// "Decide to approve …, and confirm the owners of …." from the roadmap, or `None`.
fn drawn_ask(
    workbook: &Workbook,
    totals: &BudgetTotals,
    date: NaiveDate,
    pages: &Pages,
    d: &Detail,
) -> Option<String> {
    let r = &workbook.roadmap;
    let mut asks = Vec::new();
    if !totals.overall.is_empty() {
        asks.push(format!(
            "approve the roadmap's budget of {}",
            totals_text(&totals.overall)
        ));
    }
    let phase = r
        .phases
        .iter()
        .filter(|p| p.end >= date)
        .min_by_key(|p| (p.start, p.end))
        .or_else(|| r.phases.last());
    if let Some(p) = phase {
        let mut owners: Vec<String> = r
            .initiatives
            .iter()
            .filter(|i| i.phase_id == Some(p.id))
            .map(|i| clean_line(&i.owner.name))
            .filter(|o| !o.is_empty())
            .collect();
        owners.sort();
        owners.dedup();
        let when = if p.start <= date {
            "under way"
        } else {
            "starting"
        };
        let name = if d.ask_names {
            clean_line(&p.name)
        } else {
            format!("the phase {when}")
        };
        let phase_words = match (d.ask_names, p.start <= date) {
            (true, true) => format!("{name} ({when} until {})", short_date(p.end)),
            (true, false) => format!("{name} ({when} {})", short_date(p.start)),
            (false, true) => format!("{name} until {}", short_date(p.end)),
            (false, false) => format!("{name} {}", short_date(p.start)),
        };
        if !d.ask_names {
            let who = if owners.is_empty() {
                "name owners for its initiatives".to_owned()
            } else {
                format!(
                    "confirm the {} of its initiatives",
                    plural(owners.len(), "owner", "owners")
                )
            };
            asks.push(format!(
                "for {phase_words}, {who} (in the roadmap{})",
                pages.at(Section::Step(Step::Roadmap))
            ));
        } else if owners.is_empty() {
            asks.push(format!("name owners for the initiatives of {phase_words}"));
        } else {
            let shown: Vec<&str> = owners.iter().take(4).map(String::as_str).collect();
            let more = if owners.len() > 4 {
                format!(" and {} more", owners.len() - 4)
            } else {
                String::new()
            };
            asks.push(format!(
                "confirm the owners of {phase_words}: {}{more}",
                shown.join(", ")
            ));
        }
    }
    (!asks.is_empty()).then(|| format!("Decide to {}.", asks.join(", and ")))
}
