//! Deterministic workbooks of realistic or large size, for benchmarks and for trying
//! Groundwork at scale. Everything goes through the store's public writes, so a generated
//! workbook is exactly what a strategist could have typed.

use chrono::{Duration, NaiveDate};
use groundwork_core::audit::channels::{ChannelEdit, ChannelKind, Ownership};
use groundwork_core::audit::findings::{FindingEdit, Importance};
use groundwork_core::audit::maturity::{Competency, MaturityEdit};
use groundwork_core::audit::situation::{PeerEdit, PeerKind, Situation};
use groundwork_core::audit::snapshots::{CustomFigureEdit, SnapshotEdit};
use groundwork_core::crisis::{
    ContactEdit, EscalationEdit, Guidelines, ScenarioEdit, StatementEdit,
};
use groundwork_core::goals::kpis::{Cadence, Direction, KpiCategory, KpiEdit, KpiOwner};
use groundwork_core::goals::measurements::MeasurementEdit;
use groundwork_core::goals::{EvidenceKind, EvidenceRef, GoalEdit, Narrative, ObjectiveEdit};
use groundwork_core::interviews::{GuideEdit, InterviewEdit, InterviewMode, QuestionEdit};
use groundwork_core::profile::ProfileEdit;
use groundwork_core::stakeholders::{Attitude, Department, InterviewStatus, StakeholderEdit};
use groundwork_core::themes::{TagKind, TagTarget, ThemeEdit, ThemeSide};
use groundwork_store::{Result, Store};
use uuid::Uuid;

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub channels: usize,
    pub snapshots_per_channel: usize,
    pub findings: usize,
    pub stakeholders: usize,
    pub interviews: usize,
    pub answers_per_interview: usize,
    pub themes: usize,
    pub scenarios: usize,
    pub contacts: usize,
    pub objectives: usize,
}

impl Size {
    /// A strategy as a busy strategist would have it after a few months.
    pub const REALISTIC: Size = Size {
        channels: 40,
        snapshots_per_channel: 3,
        findings: 30,
        stakeholders: 60,
        interviews: 120,
        answers_per_interview: 12,
        themes: 20,
        scenarios: 40,
        contacts: 12,
        objectives: 4,
    };

    /// Ten times the realistic size.
    pub const STRESS: Size = Size {
        channels: 400,
        snapshots_per_channel: 3,
        findings: 300,
        stakeholders: 600,
        interviews: 1_200,
        answers_per_interview: 12,
        themes: 200,
        scenarios: 400,
        contacts: 120,
        objectives: 40,
    };
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same workbook.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn score(&mut self) -> i64 {
        1 + i64::try_from(self.below(5)).unwrap_or(0)
    }

    /// A sentence of `words` words from a strategist's vocabulary.
    fn sentence(&mut self, words: usize) -> String {
        let mut out = String::new();
        for i in 0..words {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(self.pick::<&str>(WORDS));
        }
        out.push('.');
        let mut chars = out.chars();
        chars.next().map_or(out.clone(), |first| {
            first.to_uppercase().chain(chars).collect()
        })
    }
}

const WORDS: &[&str] = &[
    "members",
    "onboarding",
    "forum",
    "support",
    "advocates",
    "events",
    "product",
    "feedback",
    "engagement",
    "moderation",
    "newsletter",
    "champions",
    "retention",
    "launch",
    "roadmap",
    "questions",
    "answers",
    "ambassadors",
    "meetups",
    "trust",
    "growth",
    "tutorials",
    "makers",
    "workshop",
    "community",
    "brand",
    "content",
    "sentiment",
    "response",
    "time",
    "weekly",
    "monthly",
    "quarterly",
    "budget",
    "team",
    "volunteers",
    "recognition",
    "badges",
    "Κοινότητα",
    "Сообщество",
    "社区",
    "résumé",
    "naïve",
    "<b>bold</b>",
    "share",
    "learn",
    "help",
    "build",
];

/// Fills `store` (a new, empty workbook) with `size` records, seeded by `seed`.
pub fn fill(store: &mut Store, size: Size, seed: u64) -> Result<()> {
    let mut dice = Dice(seed);
    let today = chrono::Utc::now().date_naive();
    let profile = ProfileEdit {
        name: store.profile()?.name,
        organisation: "Northwind Tools".into(),
        community_name: "Makers Hub".into(),
        strategist: "Ana Souza".into(),
        purpose: format!("{} {}", dice.sentence(30), dice.sentence(40)),
    };
    store.update_profile(&profile)?;
    audit(store, &mut dice, size, today)?;
    stakeholders(store, &mut dice, size, today)?;
    crisis(store, &mut dice, size)?;
    goals(store, &mut dice, size, today)?;
    Ok(())
}

fn audit(store: &mut Store, dice: &mut Dice, size: Size, today: NaiveDate) -> Result<()> {
    let mut channel_ids = Vec::new();
    let mut snapshot_ids = Vec::new();
    for i in 0..size.channels {
        let channel = store.save_channel(
            None,
            &ChannelEdit {
                kind: *dice.pick(&ChannelKind::ALL),
                name: format!("Channel {i} {}", dice.pick(WORDS)),
                link: format!("https://example.org/c/{i}"),
                ownership: if dice.below(3) == 0 {
                    Ownership::Unofficial
                } else {
                    Ownership::Owned
                },
                audience: dice.sentence(6),
                run_by: dice.sentence(2),
                notes: dice.sentence(25),
            },
        )?;
        for s in 0..size.snapshots_per_channel {
            let days_ago = i64::try_from(90 * (size.snapshots_per_channel - s)).unwrap_or(0);
            let members = 200 + dice.below(20_000);
            let snapshot = store.save_snapshot(
                None,
                &SnapshotEdit {
                    channel_id: channel.id,
                    taken_on: (today - Duration::days(days_ago)).to_string(),
                    members: members.to_string(),
                    active_members: (members / (2 + dice.below(8))).to_string(),
                    posts_per_month: dice.below(3_000).to_string(),
                    median_response_hours: (1 + dice.below(48)).to_string(),
                    sentiment: (1 + dice.below(5)).to_string(),
                    custom: vec![CustomFigureEdit {
                        name: "Newsletter signups".into(),
                        value: dice.below(500).to_string(),
                    }],
                    notes: dice.sentence(10),
                },
            )?;
            snapshot_ids.push(snapshot.id);
        }
        channel_ids.push(channel.id);
    }
    for competency in Competency::ALL {
        store.save_maturity(&MaturityEdit {
            competency,
            stage: (1 + dice.below(4)).to_string(),
            evidence: dice.sentence(20),
        })?;
    }
    store.update_situation(&Situation {
        resources: dice.sentence(30),
        obstacles: dice.sentence(30),
        opportunities: dice.sentence(30),
        threats: dice.sentence(30),
        target_audience: dice.sentence(15),
        tone_and_voice: dice.sentence(15),
    })?;
    for i in 0..size.findings.div_ceil(10) {
        store.save_peer(
            None,
            &PeerEdit {
                name: format!("Peer {i} {}", dice.pick(WORDS)),
                kind: if i % 2 == 0 {
                    PeerKind::LikeMinded
                } else {
                    PeerKind::Competitor
                },
                communities: dice.sentence(8),
                notes: dice.sentence(15),
            },
        )?;
    }
    for i in 0..size.findings {
        store.save_finding(
            None,
            &FindingEdit {
                title: format!("Finding {i}: {}", dice.sentence(6)),
                importance: *dice.pick(&Importance::ALL),
                evidence: dice.sentence(40),
                channel_ids: vec![*dice.pick(&channel_ids)],
                snapshot_ids: vec![*dice.pick(&snapshot_ids)],
            },
        )?;
    }
    Ok(())
}

fn stakeholders(store: &mut Store, dice: &mut Dice, size: Size, today: NaiveDate) -> Result<()> {
    let guide = store.create_guide(&GuideEdit {
        name: "Discovery interview".into(),
        description: dice.sentence(12),
    })?;
    for q in 0..size.answers_per_interview {
        store.add_guide_question(
            &guide.id,
            &QuestionEdit {
                topic: format!("Topic {}", q % 4),
                text: dice.sentence(12),
            },
        )?;
    }
    let mut theme_names = Vec::new();
    for t in 0..size.themes {
        let theme = store.create_theme(&ThemeEdit {
            name: format!("Theme {t} {}", dice.pick(WORDS)),
            side: *dice.pick(&ThemeSide::ALL),
            description: dice.sentence(15),
        })?;
        theme_names.push(theme.name);
    }
    let mut stakeholder_ids = Vec::new();
    for i in 0..size.stakeholders {
        let stakeholder = store.create_stakeholder(&StakeholderEdit {
            name: format!("Stakeholder {i} {}", dice.pick(WORDS)),
            role: dice.sentence(3),
            department: *dice.pick(&Department::ALL),
            influence: i32::try_from(dice.score()).unwrap_or(3),
            interest: i32::try_from(dice.score()).unwrap_or(3),
            attitude: *dice.pick(&Attitude::ALL),
            wants: dice.sentence(20),
            contact: format!("person{i}@example.org"),
            interview_status: InterviewStatus::ToInvite,
        })?;
        stakeholder_ids.push(stakeholder.id);
    }
    for i in 0..size.interviews {
        let days_ago = i64::try_from(i % 180).unwrap_or(0);
        let interview = store.create_interview(&InterviewEdit {
            stakeholder_id: dice.pick(&stakeholder_ids).clone(),
            date: (today - Duration::days(days_ago)).to_string(),
            interviewer: "Ana Souza".into(),
            mode: *dice.pick(&InterviewMode::ALL),
            guide_id: Some(guide.id.clone()),
        })?;
        for answer in &interview.answers {
            store.save_answer(&answer.id, &dice.sentence(40))?;
            if dice.below(4) == 0 {
                let target = TagTarget {
                    kind: TagKind::Answer,
                    id: answer.id.clone(),
                };
                store.tag_theme(&target, dice.pick::<String>(&theme_names))?;
            }
        }
        store.save_interview_notes(&interview.id, &dice.sentence(60))?;
        if dice.below(3) == 0 {
            let target = TagTarget {
                kind: TagKind::Notes,
                id: interview.id.clone(),
            };
            store.tag_theme(&target, dice.pick::<String>(&theme_names))?;
        }
        for _ in 0..2 {
            let quote = store.add_quote(&interview.id, &dice.sentence(18))?;
            let target = TagTarget {
                kind: TagKind::Quote,
                id: quote.id,
            };
            store.tag_theme(&target, dice.pick::<String>(&theme_names))?;
        }
    }
    Ok(())
}

fn crisis(store: &mut Store, dice: &mut Dice, size: Size) -> Result<()> {
    let mut contact_ids = Vec::new();
    for i in 0..size.contacts {
        let plan = store.create_contact(&ContactEdit {
            name: format!("Contact {i} {}", dice.pick(WORDS)),
            role: dice.sentence(3),
            phone: format!("+44 20 7946 {:04}", 100 + i),
            email: format!("crisis{i}@example.org"),
            backup_id: contact_ids.last().cloned(),
        })?;
        if let Some(contact) = plan.contacts.iter().find(|c| !contact_ids.contains(&c.id)) {
            contact_ids.push(contact.id.clone());
        }
    }
    let plan = store.crisis_plan()?;
    let levels: Vec<String> = plan.levels.iter().map(|l| l.id.clone()).collect();
    for level in &levels {
        for contact in contact_ids.iter().take(3) {
            store.create_escalation(&EscalationEdit {
                severity_id: level.clone(),
                contact_id: contact.clone(),
                within: format!("{} min", 15 + dice.below(4) * 15),
                approves: dice.below(3) == 0,
            })?;
        }
    }
    store.update_guidelines(&Guidelines {
        tone: dice.sentence(12),
        dos: dice.sentence(12),
        donts: dice.sentence(12),
        engage: dice.sentence(12),
        disengage: dice.sentence(12),
        review: dice.sentence(12),
    })?;
    let findings: Vec<Uuid> = store.findings()?.into_iter().map(|f| f.id).collect();
    for i in 0..size.scenarios {
        let (_, id) = store.create_scenario(&ScenarioEdit {
            title: format!("Scenario {i}: {}", dice.sentence(5)),
            description: dice.sentence(40),
            likelihood: dice.score(),
            impact: dice.score(),
            severity_id: Some(dice.pick(&levels).clone()),
            owner: dice.sentence(2),
            signals: dice.sentence(20),
            channels: dice.sentence(4),
            finding_ids: if i % 3 == 0 && !findings.is_empty() {
                vec![*dice.pick(&findings)]
            } else {
                Vec::new()
            },
        })?;
        for _ in 0..5 {
            store.add_action(&id, &dice.sentence(10))?;
        }
        store.create_statement(
            &id,
            &StatementEdit {
                title: "First response".into(),
                body: format!(
                    "We know about {{{{issue}}}} and {} Next update at {{{{next_update}}}}.",
                    dice.sentence(20)
                ),
            },
        )?;
    }
    Ok(())
}

fn goals(store: &mut Store, dice: &mut Dice, size: Size, today: NaiveDate) -> Result<()> {
    store.update_narrative(&Narrative {
        member_value: dice.sentence(20),
        organisation_value: dice.sentence(20),
        behaviours: dice.sentence(20),
        story: dice.sentence(40),
    })?;
    let findings: Vec<Uuid> = store.findings()?.into_iter().map(|f| f.id).collect();
    for o in 0..size.objectives {
        let objective = store.save_objective(
            None,
            &ObjectiveEdit {
                title: format!("Objective {o}: {}", dice.sentence(5)),
                description: dice.sentence(20),
            },
        )?;
        for g in 0..2 {
            let goal = store.save_goal(
                None,
                &GoalEdit {
                    objective_id: objective.id,
                    title: format!("Goal {o}.{g}: {}", dice.sentence(5)),
                    description: dice.sentence(15),
                    evidence: findings
                        .first()
                        .map(|id| EvidenceRef {
                            kind: EvidenceKind::Finding,
                            id: *id,
                        })
                        .into_iter()
                        .collect(),
                },
            )?;
            let kpi = store.save_kpi(
                None,
                &KpiEdit {
                    goal_id: goal.id,
                    name: format!("KPI {o}.{g} {}", dice.pick(WORDS)),
                    category: *dice.pick(KpiCategory::ALL),
                    custom_category: "Community health".into(),
                    definition: dice.sentence(12),
                    unit: "members".into(),
                    direction: Direction::Higher,
                    baseline_value: (100 + dice.below(1_000)).to_string(),
                    baseline_date: (today - Duration::days(180)).to_string(),
                    target_value: (2_000 + dice.below(5_000)).to_string(),
                    target_date: (today + Duration::days(365)).to_string(),
                    data_source: dice.sentence(3),
                    owner: KpiOwner {
                        stakeholder_id: None,
                        name: dice.sentence(2),
                    },
                    cadence: Cadence::Monthly,
                    weight: String::new(),
                },
            )?;
            for m in 0..3_i64 {
                store.save_measurement(
                    kpi.id,
                    None,
                    &MeasurementEdit {
                        measured_on: (today - Duration::days(30 * (3 - m))).to_string(),
                        value: (200 + dice.below(1_500)).to_string(),
                        note: dice.sentence(6),
                    },
                    today,
                )?;
            }
        }
    }
    Ok(())
}
