//! The readiness review: is this strategy sound enough to put in front of an executive?
//!
//! Rules (in [`rules`]) look over the whole workbook and name what is missing, each with a
//! stable id, a severity, a sentence that says why it matters, and the record to fix. The
//! review scores each step by the share of its checks that pass; an issue the strategist
//! dismissed with a reason counts as passed and is listed apart, so the decision stays
//! visible.

pub(crate) mod dismissals;
#[cfg(test)]
pub(crate) mod fixture;
mod rules;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use dismissals::{validated_reason, Dismissal};

use crate::workbook::{Step, Workbook};

/// How much an issue stands in the way of presenting the strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// An executive would rightly send the strategy back.
    Blocker,
    /// Weakens the strategy; fix it or say why not.
    Warning,
    /// Would make it better.
    Tip,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Blocker => "Blocker",
            Severity::Warning => "Warning",
            Severity::Tip => "Tip",
        }
    }

    /// How much a check of this severity counts in a step's score.
    fn weight(self) -> u32 {
        match self {
            Severity::Blocker => 3,
            Severity::Warning => 2,
            Severity::Tip => 1,
        }
    }
}

/// The kind of record an issue or a trace points at, so the app can open it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RecordKind {
    /// The step as a whole (an empty step).
    Step,
    Finding,
    Stakeholder,
    Theme,
    Quote,
    Objective,
    Goal,
    Kpi,
    Scenario,
    Phase,
    Initiative,
}

/// A record to open: its step, its kind and its id (empty for a whole step).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RecordRef {
    pub step: Step,
    pub kind: RecordKind,
    pub id: String,
}

impl RecordRef {
    pub fn new(step: Step, kind: RecordKind, id: impl ToString) -> Self {
        Self {
            step,
            kind,
            id: id.to_string(),
        }
    }

    pub fn step(step: Step) -> Self {
        Self::new(step, RecordKind::Step, "")
    }
}

/// Something the strategy lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Issue {
    /// The rule's stable id, e.g. `goals.goal-without-kpi`.
    pub rule: String,
    pub severity: Severity,
    pub step: Step,
    /// What is missing and why it matters, in one or two sentences.
    pub message: String,
    /// The name of the record concerned, for lists ("Answer within a day").
    pub label: String,
    pub record: RecordRef,
    /// Rule and record together: what a dismissal is kept under.
    pub key: String,
}

impl Issue {
    fn new(
        rule: &str,
        severity: Severity,
        record: RecordRef,
        label: impl Into<String>,
        message: String,
    ) -> Self {
        let key = if record.id.is_empty() {
            rule.to_owned()
        } else {
            format!("{rule}/{}", record.id)
        };
        Self {
            rule: rule.to_owned(),
            severity,
            step: record.step,
            message,
            label: label.into(),
            record,
            key,
        }
    }
}

/// A dismissed issue with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct DismissedIssue {
    pub issue: Issue,
    pub reason: String,
    pub dismissed_at: DateTime<Utc>,
}

/// How ready one step is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StepScore {
    pub step: Step,
    pub title: String,
    /// 0 to 100: the share of the step's checks that pass, blockers weighing most.
    pub score: u8,
    pub checks: u32,
    pub blockers: u32,
    pub warnings: u32,
    pub tips: u32,
}

/// The whole review, as the Readiness screen, the CLI and the documents show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Review {
    /// Open issues, by step, then severity, in the records' order.
    pub issues: Vec<Issue>,
    pub dismissed: Vec<DismissedIssue>,
    /// One per step, in the steps' order.
    pub steps: Vec<StepScore>,
    /// The mean of the step scores.
    pub overall: u8,
    pub blockers: u32,
    /// How the score is worked out, in one sentence.
    pub scoring: String,
}

impl Review {
    pub fn has_blockers(&self) -> bool {
        self.blockers > 0
    }
}

/// One evaluated check: passed, or failed with its issue.
pub(crate) struct Check {
    pub(crate) severity: Severity,
    pub(crate) issue: Option<Issue>,
}

/// Collects the checks the rules make.
#[derive(Default)]
pub(crate) struct Checks(pub(crate) Vec<Check>);

impl Checks {
    /// Records one check: `ok`, or the issue built by `issue`.
    pub(crate) fn check(
        &mut self,
        ok: bool,
        rule: &str,
        severity: Severity,
        record: RecordRef,
        label: &str,
        message: impl FnOnce() -> String,
    ) {
        let issue = (!ok).then(|| Issue::new(rule, severity, record, label, message()));
        self.0.push(Check { severity, issue });
    }

    /// A check of `step` about a record that lives in another step (a goal no initiative
    /// serves is a roadmap issue, fixed from either side).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn check_in(
        &mut self,
        step: Step,
        ok: bool,
        rule: &str,
        severity: Severity,
        record: RecordRef,
        label: &str,
        message: impl FnOnce() -> String,
    ) {
        let issue = (!ok).then(|| {
            let mut issue = Issue::new(rule, severity, record, label, message());
            issue.step = step;
            issue
        });
        self.0.push(Check { severity, issue });
    }
}

pub const SCORING: &str = "Each step scores the share of its checks that pass (a blocker counts three times, a warning twice, a tip once); dismissed issues count as passed; the overall score is the mean of the five steps.";

/// Every issue in the workbook, dismissed or not, in the order the review lists them.
pub fn issues(workbook: &Workbook) -> Vec<Issue> {
    let mut issues: Vec<Issue> = rules::by_step(workbook)
        .into_iter()
        .flat_map(|(_, checks)| checks.0)
        .filter_map(|c| c.issue)
        .collect();
    sort(&mut issues);
    issues
}

fn sort(issues: &mut [Issue]) {
    let position = |s: Step| Step::ALL.iter().position(|x| *x == s).unwrap_or(0);
    issues.sort_by_key(|i| (position(i.step), i.severity));
}

/// Reviews the workbook, setting aside the issues it dismisses.
pub fn review(workbook: &Workbook) -> Review {
    let dismissal = |key: &str| workbook.dismissals.iter().find(|d| d.key == key);
    let mut issues = Vec::new();
    let mut dismissed = Vec::new();
    let mut steps = Vec::new();
    for (step, checks) in rules::by_step(workbook) {
        let mut score = StepScore {
            step,
            title: step.title().to_owned(),
            score: 100,
            checks: 0,
            blockers: 0,
            warnings: 0,
            tips: 0,
        };
        let (mut total, mut passed) = (0, 0);
        for check in checks.0 {
            let weight = check.severity.weight();
            total += weight;
            score.checks += 1;
            let Some(issue) = check.issue else {
                passed += weight;
                continue;
            };
            if let Some(d) = dismissal(&issue.key) {
                passed += weight;
                dismissed.push(DismissedIssue {
                    issue,
                    reason: d.reason.clone(),
                    dismissed_at: d.dismissed_at,
                });
                continue;
            }
            match check.severity {
                Severity::Blocker => score.blockers += 1,
                Severity::Warning => score.warnings += 1,
                Severity::Tip => score.tips += 1,
            }
            issues.push(issue);
        }
        score.score = percent(passed, total);
        steps.push(score);
    }
    sort(&mut issues);
    let overall = percent(
        steps.iter().map(|s| u32::from(s.score)).sum(),
        100 * u32::try_from(steps.len()).unwrap_or(1),
    );
    Review {
        blockers: steps.iter().map(|s| s.blockers).sum(),
        issues,
        dismissed,
        steps,
        overall,
        scoring: SCORING.to_owned(),
    }
}

/// `part / whole` as a whole percentage, rounded down so 100 means nothing is missing; a
/// step with nothing to check scores 100.
fn percent(part: u32, whole: u32) -> u8 {
    if whole == 0 {
        return 100;
    }
    u8::try_from(u64::from(part) * 100 / u64::from(whole)).unwrap_or(100)
}
