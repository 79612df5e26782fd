//! The crisis plan. In the playbook it is laid out to be used under stress: the severity
//! table, who to call and the team first, then one page per scenario (its checklist and
//! holding statement), then the guidelines and the review template. In the other documents
//! it is a summary around the risk matrix.

use groundwork_core::crisis::placeholders::{self, Defaults, KNOWN};
use groundwork_core::crisis::{
    lines, CrisisPlan, RiskBand, Scenario, IMPACT_LABELS, LIKELIHOOD_LABELS,
};
use groundwork_core::documents::Document;
use groundwork_core::workbook::{Step, Workbook};
use uuid::Uuid;

use crate::charts::{Chart, HeatMap};
use crate::layout::{Block, Column, Table};
use crate::sections::{empty_step, Built, Section};
use crate::text::clean_line;
use crate::{Warning, WarningKind};

/// How many records of this step the workbook holds.
pub fn records(workbook: &Workbook) -> usize {
    workbook.crisis.records()
}

pub fn build(workbook: &Workbook, document: Document) -> Built {
    let plan = &workbook.crisis;
    if records(workbook) == 0 {
        let mut built = empty_step(
            Step::Crisis,
            "no crisis scenarios yet",
            "Describe the scenarios you prepare for, with owners, holding statements and escalation paths, in step 4.",
        );
        if !plan.levels.is_empty() {
            built.blocks.push(h2("Severity levels"));
            built.blocks.push(Block::Table(severity_table(plan)));
        }
        return built;
    }
    let mut built = Built {
        blocks: Vec::new(),
        warnings: warnings(plan),
    };
    let b = &mut built.blocks;
    if document == Document::Crisis {
        b.push(Block::Lead(
            "When something happens: find its scenario, check its severity, tell the people on the escalation list within their time, and post the approved holding statement.".to_owned(),
        ));
        b.push(h2("Severity levels"));
        b.push(Block::Table(severity_table(plan)));
        b.push(h2("Escalation matrix"));
        b.push(escalation_matrix(plan));
        b.push(h2("Crisis team"));
        b.push(team_table(plan));
        b.push(h2("Risk matrix"));
        b.extend(risk_overview(plan));
        for s in &plan.scenarios {
            b.push(Block::PageBreak);
            b.extend(scenario_page(workbook, s));
        }
        b.push(Block::PageBreak);
        b.extend(guidelines(plan));
        b.push(Block::PageBreak);
        b.extend(review(plan));
    } else {
        b.push(Block::Lead(summary_sentence(plan)));
        b.push(h2("Risk matrix"));
        b.extend(risk_overview(plan));
        b.push(h2("Severity levels"));
        b.push(Block::Table(severity_table(plan)));
        b.push(h2("Escalation matrix"));
        b.push(escalation_matrix(plan));
        let grounded: Vec<String> = plan
            .scenarios
            .iter()
            .filter_map(|s| {
                let titles = finding_titles(workbook, s);
                (!titles.is_empty()).then(|| format!("{}: {}", s.title, titles.join("; ")))
            })
            .collect();
        if !grounded.is_empty() {
            b.push(h2("Audit findings behind the scenarios"));
            b.push(Block::Bullets(grounded));
        }
        b.push(Block::Note(
            "Each scenario's first actions and holding statements are in the crisis playbook."
                .to_owned(),
        ));
    }
    built
}

/// The titles of the audit findings a scenario rests on, with their importance, in the order
/// they were ticked. A link always names an existing finding (deleting one removes its links).
fn finding_titles(workbook: &Workbook, s: &Scenario) -> Vec<String> {
    s.finding_ids
        .iter()
        .filter_map(|id| workbook.audit.findings.iter().find(|f| f.id == *id))
        .map(|f| {
            format!(
                "{} ({} importance)",
                f.title,
                f.importance.label().to_lowercase()
            )
        })
        .collect()
}

fn h2(text: &str) -> Block {
    Block::Heading {
        level: 2,
        text: text.to_owned(),
    }
}

fn h3(text: &str) -> Block {
    Block::Heading {
        level: 3,
        text: text.to_owned(),
    }
}

fn summary_sentence(plan: &CrisisPlan) -> String {
    let n = plan.scenarios.len();
    let high = plan
        .scenarios
        .iter()
        .filter(|s| s.risk.band >= RiskBand::High)
        .count();
    let ready = plan
        .scenarios
        .iter()
        .filter(|s| s.risk.band >= RiskBand::High && s.gaps.is_empty())
        .count();
    let scen = if n == 1 { "scenario" } else { "scenarios" };
    if high == 0 {
        format!("The plan prepares for {n} {scen}; none is rated high risk.")
    } else {
        format!(
            "The plan prepares for {n} {scen}; {high} {} high risk, and {ready} of those {} an owner, first actions, a holding statement and an escalation path.",
            if high == 1 { "is" } else { "are" },
            if ready == 1 { "has" } else { "have" }
        )
    }
}

fn level_label(plan: &CrisisPlan, id: Option<Uuid>) -> String {
    id.and_then(|id| plan.level(id))
        .map_or_else(|| "—".to_owned(), |l| clean_line(&l.name))
}

fn severity_table(plan: &CrisisPlan) -> Table {
    Table {
        columns: vec![
            Column::new("Level", 1.3),
            Column::new("What it means", 4.5),
            Column::new("Respond within", 1.4),
        ],
        rows: plan
            .levels
            .iter()
            .map(|l| {
                vec![
                    l.name.clone(),
                    l.definition.clone(),
                    l.response_time.clone(),
                ]
            })
            .collect(),
    }
}

fn escalation_matrix(plan: &CrisisPlan) -> Block {
    let mut rows = Vec::new();
    for level in &plan.levels {
        let lines = plan.escalations_for(level.id);
        if lines.is_empty() {
            rows.push(vec![
                level.name.clone(),
                "Nobody yet".to_owned(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        for (i, e) in lines.into_iter().enumerate() {
            let c = plan.contact(e.contact_id);
            rows.push(vec![
                if i == 0 {
                    level.name.clone()
                } else {
                    String::new()
                },
                c.map(|c| c.name.clone()).unwrap_or_default(),
                c.map(|c| c.phone.clone()).unwrap_or_default(),
                e.within.clone(),
                if e.approves { "Approves" } else { "" }.to_owned(),
            ]);
        }
    }
    Block::Table(Table {
        columns: vec![
            Column::new("Level", 1.2),
            Column::new("Tell", 2.2),
            Column::new("Phone", 1.9),
            Column::new("Within", 1.1),
            Column::new("Public response", 1.3),
        ],
        rows,
    })
}

fn team_table(plan: &CrisisPlan) -> Block {
    if plan.contacts.is_empty() {
        return Block::Note(
            "No one is on the crisis team yet. Add people with their phone numbers and backups in step 4.".to_owned(),
        );
    }
    Block::Table(Table {
        columns: vec![
            Column::new("Name", 1.5),
            Column::new("Role", 1.5),
            Column::new("Phone", 2.0),
            Column::new("Email", 2.2),
            Column::new("Backup", 1.3),
        ],
        rows: plan
            .contacts
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    c.role.clone(),
                    c.phone.clone(),
                    c.email.clone(),
                    c.backup_id
                        .and_then(|b| plan.contact(b))
                        .map_or_else(|| "—".to_owned(), |b| b.name.clone()),
                ]
            })
            .collect(),
    })
}

/// The risk heat-map and the scenarios by risk.
fn risk_overview(plan: &CrisisPlan) -> Vec<Block> {
    let mut chart = HeatMap::five_by_five();
    chart.counts = plan.matrix.clone();
    vec![
        Block::Chart {
            chart: Chart::HeatMap(chart),
            height: 230.0,
            caption: Some(
                "Number of scenarios by likelihood and impact; darker cells carry more risk."
                    .to_owned(),
            ),
        },
        Block::Table(Table {
            columns: vec![
                Column::new("Scenario", 3.0),
                Column::right("Risk", 1.0),
                Column::new("Severity", 1.2),
                Column::new("Owner", 1.6),
                Column::new("Ready", 2.2),
            ],
            rows: plan
                .scenarios
                .iter()
                .map(|s| {
                    vec![
                        s.title.clone(),
                        format!("{} · {}", s.risk.band.label(), s.risk.score),
                        level_label(plan, s.severity_id),
                        if s.owner.trim().is_empty() {
                            "—".to_owned()
                        } else {
                            s.owner.clone()
                        },
                        if s.gaps.is_empty() {
                            "Ready".to_owned()
                        } else {
                            format!("{} to do", s.gaps.len())
                        },
                    ]
                })
                .collect(),
        }),
    ]
}

fn scenario_page(workbook: &Workbook, s: &Scenario) -> Vec<Block> {
    let plan = &workbook.crisis;
    let mut b = vec![h2(&s.title)];
    let level = s.severity_id.and_then(|id| plan.level(id));
    let l = usize::from(s.likelihood.clamp(1, 5)) - 1;
    let i = usize::from(s.impact.clamp(1, 5)) - 1;
    let channels = lines(&s.channels).join(" · ");
    b.push(Block::KeyValue(vec![
        (
            "Severity".to_owned(),
            level.map_or_else(
                || "Not set".to_owned(),
                |l| format!("{} — respond within {}", l.name, l.response_time),
            ),
        ),
        (
            "Owner".to_owned(),
            if s.owner.trim().is_empty() {
                "Not named yet".to_owned()
            } else {
                s.owner.clone()
            },
        ),
        (
            "Risk".to_owned(),
            format!(
                "{} ({}): likelihood {} ({}) × impact {} ({})",
                s.risk.band.label(),
                s.risk.score,
                s.likelihood,
                LIKELIHOOD_LABELS
                    .get(l)
                    .copied()
                    .unwrap_or_default()
                    .to_lowercase(),
                s.impact,
                IMPACT_LABELS
                    .get(i)
                    .copied()
                    .unwrap_or_default()
                    .to_lowercase()
            ),
        ),
        (
            "Respond on".to_owned(),
            if channels.is_empty() {
                "—".to_owned()
            } else {
                channels
            },
        ),
    ]));
    if !s.description.trim().is_empty() {
        b.push(Block::Paragraph(s.description.clone()));
    }
    b.push(h3("First actions"));
    if s.actions.is_empty() {
        b.push(Block::Note("No first actions written yet.".to_owned()));
    } else {
        b.push(Block::Table(Table {
            columns: vec![
                Column::new("Done", 0.8),
                Column::right("#", 0.4),
                Column::new("Action", 8.0),
            ],
            rows: s
                .actions
                .iter()
                .enumerate()
                .map(|(n, a)| vec!["☐".to_owned(), format!("{}", n + 1), a.text.clone()])
                .collect(),
        }));
    }
    let defaults = Defaults {
        organisation: workbook.profile.organisation.clone(),
        community: workbook.profile.community_name.clone(),
    };
    for st in &s.statements {
        b.push(h3(&format!("Holding statement: {}", clean_line(&st.title))));
        if st.body.trim().is_empty() {
            b.push(Block::Note("This statement is empty.".to_owned()));
            continue;
        }
        let filled = placeholders::fill(&st.body, &Default::default(), &defaults);
        b.push(Block::Quote {
            text: filled.text,
            attribution: None,
        });
        if !filled.unfilled.is_empty() {
            let items: Vec<String> = filled
                .unfilled
                .iter()
                .map(|n| {
                    let label = KNOWN.iter().find(|(k, _)| k == n).map_or("", |(_, l)| l);
                    format!("{{{{{n}}}}}: {}", label.to_lowercase())
                })
                .collect();
            b.push(Block::Note(format!(
                "Fill in before posting — {}.",
                items.join("; ")
            )));
        }
        for p in &st.problems {
            b.push(Block::Note(p.clone()));
        }
    }
    let signals = lines(&s.signals);
    if !signals.is_empty() {
        b.push(h3("Early-warning signals"));
        b.push(Block::Bullets(signals));
    }
    let findings = finding_titles(workbook, s);
    if !findings.is_empty() {
        b.push(h3("Rests on these audit findings"));
        b.push(Block::Bullets(findings));
    }
    if let Some(level) = level {
        b.push(h3(&format!("Who to tell at “{}”", clean_line(&level.name))));
        let esc = plan.escalations_for(level.id);
        if esc.is_empty() {
            b.push(Block::Note(
                "Nobody is on the escalation list at this level yet.".to_owned(),
            ));
        } else {
            b.push(Block::Table(Table {
                columns: vec![
                    Column::new("Person", 2.2),
                    Column::new("Phone", 1.8),
                    Column::new("Within", 1.1),
                    Column::new("Backup", 1.8),
                    Column::new("Public response", 1.3),
                ],
                rows: esc
                    .iter()
                    .map(|e| {
                        let c = plan.contact(e.contact_id);
                        let backup = c.and_then(|c| c.backup_id).and_then(|id| plan.contact(id));
                        vec![
                            c.map(|c| {
                                if c.role.trim().is_empty() {
                                    c.name.clone()
                                } else {
                                    format!("{} ({})", c.name, c.role)
                                }
                            })
                            .unwrap_or_default(),
                            c.map(|c| c.phone.clone()).unwrap_or_default(),
                            e.within.clone(),
                            backup
                                .map(|b| format!("{} {}", b.name, b.phone).trim().to_owned())
                                .unwrap_or_else(|| "—".to_owned()),
                            if e.approves { "Approves" } else { "" }.to_owned(),
                        ]
                    })
                    .collect(),
            }));
        }
    }
    if !s.gaps.is_empty() {
        b.push(Block::Note(format!(
            "Still to prepare: {}",
            s.gaps.join(" ")
        )));
    }
    b
}

fn guidelines(plan: &CrisisPlan) -> Vec<Block> {
    let g = &plan.guidelines;
    let mut b = vec![h2("Response guidelines")];
    let mut any = false;
    for (title, text, as_list) in [
        ("Tone", &g.tone, false),
        ("Do", &g.dos, true),
        ("Don't", &g.donts, true),
        ("When to engage", &g.engage, false),
        ("When to disengage", &g.disengage, false),
    ] {
        if text.trim().is_empty() {
            continue;
        }
        any = true;
        b.push(h3(title));
        if as_list {
            b.push(Block::Bullets(lines(text)));
        } else {
            b.push(Block::Paragraph(text.clone()));
        }
    }
    if !any {
        b.push(Block::Note(
            "No response guidelines written yet: tone, do and don't, when to engage and when to disengage.".to_owned(),
        ));
    }
    b
}

fn review(plan: &CrisisPlan) -> Vec<Block> {
    let mut b = vec![
        h2("Post-crisis review"),
        Block::Paragraph(
            "Within a week of the incident, meet with everyone involved and write the answers here. Date of the incident: ____________   Review held on: ____________".to_owned(),
        ),
    ];
    for line in lines(&plan.guidelines.review) {
        b.push(h3(&line));
        b.push(Block::Spacer(70.0));
    }
    b
}

fn warnings(plan: &CrisisPlan) -> Vec<Warning> {
    plan.scenarios
        .iter()
        .filter(|s| s.risk.band >= RiskBand::High && !s.gaps.is_empty())
        .map(|s| {
            Warning::new(
                WarningKind::Incomplete,
                format!(
                    "“{}” is {} risk but not ready: {}",
                    clean_line(&s.title),
                    s.risk.band.label().to_lowercase(),
                    s.gaps.join(" ")
                ),
                Some(Section::Step(Step::Crisis).id()),
            )
        })
        .collect()
}
