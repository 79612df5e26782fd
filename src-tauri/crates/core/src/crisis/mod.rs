//! Step 4, the crisis plan: severity levels, scenarios with their first actions and holding
//! statements, the crisis team and its escalation paths, and the response guidelines.
//!
//! A scenario cites the audit findings it rests on by their ids (`scenario_findings` in the
//! store); finding ids never change, so a citation stays valid while the finding exists.

pub mod duration;
pub mod placeholders;
pub mod starters;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::text::{optional_line, paragraph, required_line};
use crate::Invalid;

pub use duration::{format_minutes, parse_minutes};

/// How serious an incident is, with the time the team has to respond.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SeverityLevel {
    pub id: Uuid,
    pub name: String,
    pub definition: String,
    pub response_minutes: u32,
    /// The response time as a person reads it ("1 h 30 min").
    pub response_time: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SeverityEdit {
    pub name: String,
    pub definition: String,
    /// As typed: "30 min", "4 h", "1 day".
    pub response_time: String,
}

/// A severity edit checked and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSeverity {
    pub name: String,
    pub definition: String,
    pub response_minutes: u32,
}

impl SeverityLevel {
    pub fn to_edit(&self) -> SeverityEdit {
        SeverityEdit {
            name: self.name.clone(),
            definition: self.definition.clone(),
            response_time: self.response_time.clone(),
        }
    }
}

impl SeverityEdit {
    pub fn validated(&self) -> Result<ValidSeverity, Invalid> {
        Ok(ValidSeverity {
            name: required_line("name", "level name", &self.name)?,
            definition: paragraph("definition", "definition", &self.definition)?,
            response_minutes: parse_minutes("responseTime", "response time", &self.response_time)?,
        })
    }
}

/// Where a scenario sits on the risk matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RiskBand {
    Low,
    Medium,
    High,
    Critical,
}

impl RiskBand {
    pub fn label(self) -> &'static str {
        match self {
            RiskBand::Low => "Low",
            RiskBand::Medium => "Medium",
            RiskBand::High => "High",
            RiskBand::Critical => "Critical",
        }
    }
}

/// Likelihood times impact, from 1 to 25, and its band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Risk {
    pub score: u8,
    pub band: RiskBand,
}

/// The risk of a scenario: likelihood × impact (each 1 to 5). Low up to 4, medium up to 9,
/// high up to 16, critical from 20 (the scores between cannot occur).
pub fn risk(likelihood: u8, impact: u8) -> Risk {
    let score = likelihood.clamp(1, 5) * impact.clamp(1, 5);
    let band = match score {
        0..=4 => RiskBand::Low,
        5..=9 => RiskBand::Medium,
        10..=16 => RiskBand::High,
        _ => RiskBand::Critical,
    };
    Risk { score, band }
}

pub const LIKELIHOOD_LABELS: [&str; 5] =
    ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
pub const IMPACT_LABELS: [&str; 5] = ["Minimal", "Minor", "Moderate", "Major", "Severe"];

fn score(field: &str, label: &str, value: i64, names: &[&str; 5]) -> Result<u8, Invalid> {
    match u8::try_from(value) {
        Ok(v @ 1..=5) => Ok(v),
        _ => Err(Invalid::field(
            field,
            format!(
                "{label} is {value}; use a score from 1 ({}) to 5 ({}).",
                names[0].to_lowercase(),
                names[4].to_lowercase()
            ),
        )),
    }
}

/// One step of a scenario's first actions, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ScenarioAction {
    pub id: Uuid,
    pub text: String,
}

pub fn validate_action(text: &str) -> Result<String, Invalid> {
    required_line("text", "action", text)
}

/// A pre-approved response template for a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct HoldingStatement {
    pub id: Uuid,
    pub title: String,
    pub body: String,
    /// The known placeholders it uses.
    pub placeholders: Vec<String>,
    /// Sentences about unknown or unclosed placeholders. The statement is saved regardless so
    /// nothing typed is lost.
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StatementEdit {
    pub title: String,
    pub body: String,
}

impl StatementEdit {
    pub fn validated(&self) -> Result<Self, Invalid> {
        Ok(Self {
            title: required_line("title", "statement title", &self.title)?,
            body: paragraph("body", "statement", &self.body)?,
        })
    }
}

impl HoldingStatement {
    pub fn to_edit(&self) -> StatementEdit {
        StatementEdit {
            title: self.title.clone(),
            body: self.body.clone(),
        }
    }

    pub fn new(id: Uuid, title: String, body: String) -> Self {
        let parsed = placeholders::parse(&body);
        Self {
            id,
            title,
            placeholders: parsed.names(),
            problems: parsed.problems,
            body,
        }
    }
}

/// Something that could go wrong, and how the team will meet it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Scenario {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub likelihood: u8,
    pub impact: u8,
    pub risk: Risk,
    pub severity_id: Option<Uuid>,
    pub owner: String,
    /// Early-warning signals, one per line.
    pub signals: String,
    /// Channels to respond on, one per line.
    pub channels: String,
    /// The audit findings the scenario rests on, in the order they were ticked.
    pub finding_ids: Vec<Uuid>,
    pub actions: Vec<ScenarioAction>,
    pub statements: Vec<HoldingStatement>,
    /// What the scenario still lacks to be ready (owner, statement, escalation path).
    pub gaps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ScenarioEdit {
    pub title: String,
    pub description: String,
    /// 1 (rare) to 5 (almost certain); wider on input so a wrong value gets a sentence.
    pub likelihood: i64,
    /// 1 (minimal) to 5 (severe).
    pub impact: i64,
    pub severity_id: Option<Uuid>,
    pub owner: String,
    pub signals: String,
    pub channels: String,
    /// Audit findings the scenario rests on; absent means none.
    #[serde(default)]
    pub finding_ids: Vec<Uuid>,
}

impl Scenario {
    pub fn to_edit(&self) -> ScenarioEdit {
        ScenarioEdit {
            title: self.title.clone(),
            description: self.description.clone(),
            likelihood: i64::from(self.likelihood),
            impact: i64::from(self.impact),
            severity_id: self.severity_id,
            owner: self.owner.clone(),
            signals: self.signals.clone(),
            channels: self.channels.clone(),
            finding_ids: self.finding_ids.clone(),
        }
    }
}

/// A scenario edit checked and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidScenario {
    pub title: String,
    pub description: String,
    pub likelihood: u8,
    pub impact: u8,
    pub severity_id: Option<Uuid>,
    pub owner: String,
    pub signals: String,
    pub channels: String,
    pub finding_ids: Vec<Uuid>,
}

impl ScenarioEdit {
    /// Checks the fields; `findings` are the finding ids that exist, so a scenario can only
    /// rest on findings the workbook holds. A finding ticked twice is kept once.
    pub fn validated(&self, findings: &[Uuid]) -> Result<ValidScenario, Invalid> {
        let mut finding_ids: Vec<Uuid> = Vec::new();
        for id in &self.finding_ids {
            if !findings.contains(id) {
                return Err(Invalid::field(
                    "findingIds",
                    "One of the linked audit findings no longer exists. Untick it and save again.",
                ));
            }
            if !finding_ids.contains(id) {
                finding_ids.push(*id);
            }
        }
        Ok(ValidScenario {
            title: required_line("title", "scenario title", &self.title)?,
            description: paragraph("description", "description", &self.description)?,
            likelihood: score(
                "likelihood",
                "Likelihood",
                self.likelihood,
                &LIKELIHOOD_LABELS,
            )?,
            impact: score("impact", "Impact", self.impact, &IMPACT_LABELS)?,
            severity_id: self.severity_id,
            owner: optional_line("owner", "owner", &self.owner)?,
            signals: paragraph("signals", "early-warning signals", &self.signals)?,
            channels: paragraph("channels", "channels", &self.channels)?,
            finding_ids,
        })
    }
}

/// A person on the crisis team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Contact {
    pub id: Uuid,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    /// Who stands in when this person cannot be reached.
    pub backup_id: Option<Uuid>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ContactEdit {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub backup_id: Option<Uuid>,
}

impl Contact {
    pub fn to_edit(&self) -> ContactEdit {
        ContactEdit {
            name: self.name.clone(),
            role: self.role.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            backup_id: self.backup_id,
        }
    }
}

impl ContactEdit {
    pub fn validated(&self) -> Result<Self, Invalid> {
        let phone = optional_line("phone", "phone number", &self.phone)?;
        if phone
            .chars()
            .any(|c| !(c.is_ascii_digit() || " +-().#/x".contains(c) || c == '\u{a0}'))
        {
            return Err(Invalid::field(
                "phone",
                format!("“{phone}” does not look like a phone number. Use digits, spaces and + ( ) - only."),
            ));
        }
        let email = optional_line("email", "email address", &self.email)?;
        if !email.is_empty() {
            let ok = email.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }) && !email.contains(char::is_whitespace);
            if !ok {
                return Err(Invalid::field(
                    "email",
                    format!("“{email}” is not an email address. Write it as name@example.org."),
                ));
            }
        }
        Ok(Self {
            name: required_line("name", "contact's name", &self.name)?,
            role: optional_line("role", "role", &self.role)?,
            phone,
            email,
            backup_id: self.backup_id,
        })
    }
}

/// One line of the escalation matrix: at this severity, this person is told within this
/// time; one or more of them approve a public response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Escalation {
    pub id: Uuid,
    pub severity_id: Uuid,
    pub contact_id: Uuid,
    pub within_minutes: u32,
    pub within: String,
    pub approves: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct EscalationEdit {
    /// The level the line belongs to; `None` until one is chosen.
    pub severity_id: Option<Uuid>,
    /// Who is told; `None` until someone is chosen.
    pub contact_id: Option<Uuid>,
    /// As typed: "15 min", "1 h".
    pub within: String,
    pub approves: bool,
}

impl Escalation {
    pub fn to_edit(&self) -> EscalationEdit {
        EscalationEdit {
            severity_id: Some(self.severity_id),
            contact_id: Some(self.contact_id),
            within: self.within.clone(),
            approves: self.approves,
        }
    }
}

/// An escalation edit checked and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEscalation {
    pub severity_id: Uuid,
    pub contact_id: Uuid,
    pub within_minutes: u32,
    pub approves: bool,
}

impl EscalationEdit {
    /// Checks that a level and a person are chosen and reads the time; whether they still
    /// exist is the store's to check.
    pub fn validated(&self) -> Result<ValidEscalation, Invalid> {
        let Some(severity_id) = self.severity_id else {
            return Err(Invalid::field(
                "severityId",
                "Choose the severity level this line belongs to.",
            ));
        };
        let Some(contact_id) = self.contact_id else {
            return Err(Invalid::field(
                "contactId",
                "Choose who is told. Add people to the crisis team first if the list is empty.",
            ));
        };
        Ok(ValidEscalation {
            severity_id,
            contact_id,
            within_minutes: parse_minutes("within", "time to tell them", &self.within)?,
            approves: self.approves,
        })
    }
}

/// How the team responds, and how it looks back afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Guidelines {
    pub tone: String,
    pub dos: String,
    pub donts: String,
    pub engage: String,
    pub disengage: String,
    /// The post-crisis review template: one question or heading per line.
    pub review: String,
}

impl Guidelines {
    pub fn validated(&self) -> Result<Self, Invalid> {
        Ok(Self {
            tone: paragraph("tone", "tone", &self.tone)?,
            dos: paragraph("dos", "do list", &self.dos)?,
            donts: paragraph("donts", "don't list", &self.donts)?,
            engage: paragraph("engage", "when to engage", &self.engage)?,
            disengage: paragraph("disengage", "when to disengage", &self.disengage)?,
            review: paragraph("review", "review template", &self.review)?,
        })
    }
}

/// The post-crisis review template a new workbook starts with.
pub const STARTER_REVIEW: &str = "What happened\nTimeline\nWhat worked\nWhat to change";

/// The whole crisis plan, as the step screen and the documents see it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CrisisPlan {
    pub levels: Vec<SeverityLevel>,
    /// Highest risk first.
    pub scenarios: Vec<Scenario>,
    pub contacts: Vec<Contact>,
    pub escalations: Vec<Escalation>,
    pub guidelines: Guidelines,
    /// How many scenarios sit in each cell: `matrix[likelihood - 1][impact - 1]`.
    pub matrix: Vec<Vec<u32>>,
    /// Each record's edit form, filled with what is stored, for the forms to start from.
    pub edits: CrisisEdits,
}

/// The edit form of every level, scenario, holding statement, contact and escalation line,
/// by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CrisisEdits {
    pub levels: BTreeMap<Uuid, SeverityEdit>,
    pub scenarios: BTreeMap<Uuid, ScenarioEdit>,
    pub statements: BTreeMap<Uuid, StatementEdit>,
    pub contacts: BTreeMap<Uuid, ContactEdit>,
    pub escalations: BTreeMap<Uuid, EscalationEdit>,
}

impl CrisisEdits {
    fn of(
        levels: &[SeverityLevel],
        scenarios: &[Scenario],
        contacts: &[Contact],
        escalations: &[Escalation],
    ) -> Self {
        Self {
            levels: levels.iter().map(|l| (l.id, l.to_edit())).collect(),
            scenarios: scenarios.iter().map(|s| (s.id, s.to_edit())).collect(),
            statements: scenarios
                .iter()
                .flat_map(|s| &s.statements)
                .map(|st| (st.id, st.to_edit()))
                .collect(),
            contacts: contacts.iter().map(|c| (c.id, c.to_edit())).collect(),
            escalations: escalations.iter().map(|e| (e.id, e.to_edit())).collect(),
        }
    }
}

impl CrisisPlan {
    /// Puts the plan together: orders scenarios by risk, fills in the matrix and each
    /// scenario's gaps.
    pub fn assemble(
        levels: Vec<SeverityLevel>,
        mut scenarios: Vec<Scenario>,
        contacts: Vec<Contact>,
        escalations: Vec<Escalation>,
        guidelines: Guidelines,
    ) -> Self {
        scenarios.sort_by_key(|s| std::cmp::Reverse(s.risk.score));
        for s in &mut scenarios {
            s.gaps = gaps(s, &levels, &escalations);
        }
        let matrix = risk_matrix(&scenarios);
        let edits = CrisisEdits::of(&levels, &scenarios, &contacts, &escalations);
        Self {
            edits,
            levels,
            scenarios,
            contacts,
            escalations,
            guidelines,
            matrix,
        }
    }

    pub fn level(&self, id: Uuid) -> Option<&SeverityLevel> {
        self.levels.iter().find(|l| l.id == id)
    }

    pub fn scenario(&self, id: Uuid) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn contact(&self, id: Uuid) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    pub fn escalation(&self, id: Uuid) -> Option<&Escalation> {
        self.escalations.iter().find(|e| e.id == id)
    }

    /// The escalation lines of a level, in the order they were added.
    pub fn escalations_for(&self, severity_id: Uuid) -> Vec<&Escalation> {
        self.escalations
            .iter()
            .filter(|e| e.severity_id == severity_id)
            .collect()
    }

    /// Records the step counts: scenarios, contacts and escalation lines (the starter levels
    /// and guidelines are there from the start and do not count as work done).
    pub fn records(&self) -> usize {
        self.scenarios.len() + self.contacts.len() + self.escalations.len()
    }
}

/// Counts of scenarios per likelihood (rows, lowest first) and impact (columns).
pub fn risk_matrix(scenarios: &[Scenario]) -> Vec<Vec<u32>> {
    let mut m = vec![vec![0_u32; 5]; 5];
    for s in scenarios {
        let (l, i) = (
            usize::from(s.likelihood.clamp(1, 5)) - 1,
            usize::from(s.impact.clamp(1, 5)) - 1,
        );
        if let Some(cell) = m.get_mut(l).and_then(|r| r.get_mut(i)) {
            *cell += 1;
        }
    }
    m
}

/// What a scenario lacks before the team could act on it.
pub fn gaps(s: &Scenario, levels: &[SeverityLevel], escalations: &[Escalation]) -> Vec<String> {
    let mut out = Vec::new();
    if s.owner.trim().is_empty() {
        out.push("No owner: name who leads the response.".to_owned());
    }
    if s.actions.is_empty() {
        out.push("No first actions yet.".to_owned());
    }
    if s.statements.iter().all(|st| st.body.trim().is_empty()) {
        out.push("No holding statement yet.".to_owned());
    }
    match s
        .severity_id
        .and_then(|id| levels.iter().find(|l| l.id == id))
    {
        None => out.push(
            "No severity level: choose one so the team knows how fast to respond.".to_owned(),
        ),
        Some(level) => {
            if !escalations.iter().any(|e| e.severity_id == level.id) {
                out.push(format!(
                    "No escalation path: nobody is told at the “{}” level yet.",
                    level.name
                ));
            }
        }
    }
    out
}

/// Lines of a one-per-line field, trimmed, without blanks.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| l.trim_start_matches(['-', '•', '*']).trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
