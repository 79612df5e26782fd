//! A sound workbook for tests: every rule passes on it, and each test breaks one thing.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::audit::findings::{Finding, Importance};
use crate::crisis::{risk, CrisisPlan, Escalation, HoldingStatement, Scenario, SeverityLevel};
use crate::goals::kpis::{Cadence, Direction, Kpi, KpiCategory, KpiOwner};
use crate::goals::{EvidenceKind, EvidenceRef, Goal, Objective};
use crate::profile::Profile;
use crate::roadmap::{Initiative, InitiativeStatus, Schedule};
use crate::stakeholders::interviews::{Interview, InterviewMode, Quote};
use crate::stakeholders::tests::{id, person};
use crate::stakeholders::themes::{Theme, ThemeSide};
use crate::stakeholders::InterviewStatus;
use crate::workbook::Workbook;

pub const FINDING: Uuid = Uuid::from_u128(0x01);
pub const THEME: Uuid = Uuid::from_u128(0x02);
pub const QUOTE: Uuid = Uuid::from_u128(0x03);
pub const OBJECTIVE: Uuid = Uuid::from_u128(0x04);
pub const GOAL: Uuid = Uuid::from_u128(0x05);
pub const KPI: Uuid = Uuid::from_u128(0x06);
pub const INITIATIVE: Uuid = Uuid::from_u128(0x07);
pub const LEVEL: Uuid = Uuid::from_u128(0x08);
pub const CONTACT: Uuid = Uuid::from_u128(0x09);

fn at() -> DateTime<Utc> {
    DateTime::<Utc>::default()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub fn finding(id: Uuid, title: &str, importance: Importance) -> Finding {
    Finding {
        id,
        title: title.into(),
        importance,
        evidence: String::new(),
        channel_ids: Vec::new(),
        snapshot_ids: Vec::new(),
        created_at: at(),
        updated_at: at(),
    }
}

pub fn goal(id: Uuid, title: &str, evidence: Vec<EvidenceRef>) -> Goal {
    Goal {
        id,
        objective_id: OBJECTIVE,
        title: title.into(),
        description: String::new(),
        evidence,
        created_at: at(),
        updated_at: at(),
    }
}

pub fn kpi(id: Uuid, goal_id: Uuid, name: &str) -> Kpi {
    Kpi {
        id,
        goal_id,
        name: name.into(),
        category: KpiCategory::Engagement,
        custom_category: String::new(),
        definition: String::new(),
        unit: "%".into(),
        direction: Direction::Higher,
        baseline_value: 10.0,
        baseline_date: date(2026, 1, 1),
        target_value: 30.0,
        target_date: date(2026, 12, 31),
        data_source: "Forum analytics".into(),
        owner: KpiOwner {
            stakeholder_id: None,
            name: "Ana Souza".into(),
        },
        cadence: Cadence::Monthly,
        weight: 1.0,
        created_at: at(),
        updated_at: at(),
    }
}

/// A ready scenario at the fixture's level; `n` tells scenarios apart.
pub fn scenario(n: u128, likelihood: u8, impact: u8) -> Scenario {
    Scenario {
        id: Uuid::from_u128(0x100 + n),
        title: format!("Scenario s{n}"),
        description: String::new(),
        likelihood,
        impact,
        risk: risk(likelihood, impact),
        severity_id: Some(LEVEL),
        owner: "Ana Souza".into(),
        signals: String::new(),
        channels: String::new(),
        finding_ids: Vec::new(),
        actions: Vec::new(),
        statements: vec![HoldingStatement::new(
            Uuid::from_u128(0x200 + n),
            "First reply".into(),
            "We are looking into it.".into(),
        )],
        gaps: Vec::new(),
    }
}

fn cite(kind: EvidenceKind, id: Uuid) -> EvidenceRef {
    EvidenceRef { kind, id }
}

pub fn initiative(id: Uuid, title: &str, goal_ids: Vec<Uuid>) -> Initiative {
    Initiative {
        id,
        title: title.into(),
        description: String::new(),
        phase_id: None,
        goal_ids,
        kpi_ids: Vec::new(),
        channel_ids: Vec::new(),
        owner: KpiOwner {
            stakeholder_id: None,
            name: "Ana Souza".into(),
        },
        team: String::new(),
        budget: None,
        schedule: Schedule::Dated,
        start: Some(date(2026, 3, 1)),
        end: Some(date(2026, 6, 30)),
        status: InitiativeStatus::Planned,
        milestone: false,
        depends_on: Vec::new(),
        created_at: at(),
        updated_at: at(),
    }
}

/// Every step filled in soundly.
pub fn sound() -> Workbook {
    let mut wb = Workbook::new(Profile {
        name: "Makers".into(),
        organisation: "Northwind".into(),
        community_name: "Makers Hub".into(),
        strategist: "Ana Souza".into(),
        purpose: "Help makers help each other.".into(),
        created_at: at(),
        updated_at: at(),
    });
    wb.audit.findings = vec![finding(
        FINDING,
        "Replies take three days",
        Importance::High,
    )];
    let mut dana = person("p1", "Dana Ruiz", 5, 4);
    dana.interview_status = InterviewStatus::Interviewed;
    wb.stakeholders.stakeholders = vec![dana];
    wb.stakeholders.themes = vec![Theme {
        id: THEME,
        name: "Faster answers".into(),
        side: ThemeSide::Both,
        description: String::new(),
    }];
    wb.stakeholders.interviews = vec![Interview {
        id: id("i1"),
        stakeholder_id: id("p1"),
        date: date(2026, 2, 3),
        interviewer: "Ana".into(),
        mode: InterviewMode::Video,
        guide_id: None,
        guide_name: String::new(),
        notes: String::new(),
        note_theme_ids: Vec::new(),
        answers: Vec::new(),
        quotes: vec![Quote {
            id: QUOTE,
            interview_id: id("i1"),
            text: "Nobody answers on weekends.".into(),
            theme_ids: vec![THEME],
        }],
        created_at: at(),
        updated_at: at(),
    }];
    wb.goals.objectives = vec![Objective {
        id: OBJECTIVE,
        title: "Cut support cost".into(),
        description: String::new(),
        created_at: at(),
        updated_at: at(),
    }];
    wb.goals.goals = vec![goal(
        GOAL,
        "Answer within a day",
        vec![
            cite(EvidenceKind::Finding, FINDING),
            cite(EvidenceKind::Theme, THEME),
        ],
    )];
    wb.goals.kpis = vec![kpi(KPI, GOAL, "Median first reply")];
    wb.crisis = CrisisPlan::assemble(
        vec![SeverityLevel {
            id: LEVEL,
            name: "Critical".into(),
            definition: String::new(),
            response_minutes: 60,
            response_time: "1 h".into(),
        }],
        vec![scenario(1, 4, 5)],
        Vec::new(),
        vec![Escalation {
            id: Uuid::from_u128(0x300),
            severity_id: LEVEL,
            contact_id: CONTACT,
            within_minutes: 30,
            within: "30 min".into(),
            approves: true,
        }],
        crate::crisis::Guidelines::default(),
    );
    wb.roadmap.initiatives = vec![initiative(INITIATIVE, "Weekend answer rota", vec![GOAL])];
    wb
}
