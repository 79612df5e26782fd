//! Every validation entry point of the core, fed arbitrary text and numbers: each returns a
//! value or a sentence, and never panics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use groundwork_core::audit::channels::{ChannelEdit, ChannelKind, Ownership};
use groundwork_core::audit::findings::{FindingEdit, Importance};
use groundwork_core::audit::maturity::{Competency, MaturityEdit};
use groundwork_core::audit::situation::{PeerEdit, PeerKind, Situation};
use groundwork_core::audit::snapshots::{self, CustomFigureEdit, SnapshotEdit};
use groundwork_core::crisis::{
    self, placeholders, ContactEdit, EscalationEdit, Guidelines, ScenarioEdit, SeverityEdit,
    StatementEdit,
};
use groundwork_core::goals::kpis::{Cadence, Direction, KpiCategory, KpiEdit};
use groundwork_core::goals::measurements::MeasurementEdit;
use groundwork_core::goals::values::{self, DayOrder, NumberStyle};
use groundwork_core::goals::{GoalEdit, Narrative, ObjectiveEdit};
use groundwork_core::profile::{self, ProfileEdit};
use groundwork_core::stakeholders::interviews::{
    self, GuideEdit, InterviewEdit, InterviewMode, QuestionEdit,
};
use groundwork_core::stakeholders::themes::{ThemeEdit, ThemeSide};
use groundwork_core::stakeholders::{self, Attitude, Department, InterviewStatus, StakeholderEdit};
use groundwork_core::text;
use proptest::prelude::*;
use uuid::Uuid;

/// Text a person or a hostile file could hand us: any Unicode, markup, control characters,
/// numbers and dates in many shapes, and now and then something very long.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "[0-9 .,%+\\-eE]{0,24}",
        2 => "[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}",
        1 => "[<>&\"'a-z/= {}]{0,40}",
        1 => (0usize..3, any::<char>()).prop_map(|(n, c)| {
            c.to_string().repeat([1_001, 100_000, 1_000_001][n])
        }),
    ]
}

fn pick<T: Copy>(all: &[T], n: usize) -> T {
    all[n % all.len()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_edit_panics_on_any_input(
        s in proptest::collection::vec(any_text(), 16),
        n in proptest::collection::vec(any::<i64>(), 4),
        k in any::<usize>(),
    ) {
        let today = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let id = Uuid::now_v7();
        let t = |i: usize| s[i % s.len()].clone();

        let _ = ProfileEdit { name: t(0), organisation: t(1), community_name: t(2), strategist: t(3), purpose: t(4) }.validated();
        let _ = profile::validate_name(&t(5));
        let _ = ChannelEdit { kind: pick(&ChannelKind::ALL, k), name: t(0), link: t(1), ownership: if k % 2 == 0 { Ownership::Owned } else { Ownership::Unofficial }, audience: t(2), run_by: t(3), notes: t(4) }.validated(&[]);
        let _ = SnapshotEdit {
            channel_id: id, taken_on: t(5), members: t(6), active_members: t(7), posts_per_month: t(8),
            median_response_hours: t(9), sentiment: t(10),
            custom: vec![CustomFigureEdit { name: t(11), value: t(12) }], notes: t(13),
        }.validated(today);
        let _ = snapshots::parse_number("f", "figure", &t(6), k % 2 == 0);
        let _ = snapshots::parse_date("f", "date", &t(5));
        let _ = MaturityEdit { competency: pick(&Competency::ALL, k), stage: t(0), evidence: t(1) }.validated();
        let _ = Situation { resources: t(0), obstacles: t(1), opportunities: t(2), threats: t(3), target_audience: t(4), tone_and_voice: t(5) }.validated();
        let _ = PeerEdit { name: t(6), kind: if k % 2 == 0 { PeerKind::LikeMinded } else { PeerKind::Competitor }, communities: t(7), notes: t(8) }.validated(&[]);
        let _ = FindingEdit { title: t(9), importance: pick(&Importance::ALL, k), evidence: t(10), channel_ids: vec![id], snapshot_ids: vec![] }.validated(&[id], &[]);
        let _ = StakeholderEdit {
            name: t(0), role: t(1), department: pick(&Department::ALL, k),
            influence: i32::try_from(n[0] % 1000).unwrap(), interest: i32::try_from(n[1] % 1000).unwrap(),
            attitude: pick(&Attitude::ALL, k), wants: t(2), contact: t(3), interview_status: pick(&InterviewStatus::ALL, k),
        }.validated();
        let _ = stakeholders::score("f", "score", i32::try_from(n[2] % 100_000).unwrap());
        let _ = InterviewEdit { stakeholder_id: (k % 2 == 0).then_some(id), date: t(5), interviewer: t(6), mode: pick(&InterviewMode::ALL, k), guide_id: Some(id) }.validated();
        let _ = GuideEdit { name: t(8), description: t(9) }.validated();
        let _ = QuestionEdit { topic: t(10), text: t(11) }.validated();
        let _ = interviews::parse_date("f", &t(5));
        let _ = interviews::validate_answer(&t(12));
        let _ = interviews::validate_notes(&t(13));
        let _ = interviews::validate_quote(&t(14));
        let _ = ThemeEdit { name: t(0), side: pick(&ThemeSide::ALL, k), description: t(1) }.validated(&[], None);
        let _ = SeverityEdit { name: t(2), definition: t(3), response_time: t(4) }.validated();
        let _ = crisis::parse_minutes("f", "time", &t(4));
        let _ = StatementEdit { title: t(5), body: t(6) }.validated();
        let _ = ScenarioEdit {
            title: t(7), description: t(8), likelihood: n[0], impact: n[1], severity_id: Some(id),
            owner: t(10), signals: t(11), channels: t(12), finding_ids: vec![id],
        }.validated(&[]);
        let _ = ContactEdit { name: t(13), role: t(14), phone: t(15), email: t(0), backup_id: Some(id) }.validated();
        let _ = EscalationEdit { severity_id: Some(id), contact_id: (k % 3 == 0).then_some(id), within: t(4), approves: k % 2 == 0 }.validated();
        let _ = Guidelines { tone: t(5), dos: t(6), donts: t(7), engage: t(8), disengage: t(9), review: t(10) }.validated();
        let parsed = placeholders::parse(&t(6));
        let _ = parsed;
        let values: BTreeMap<String, String> = [(t(0), t(1))].into_iter().collect();
        let _ = placeholders::fill(&t(6), &values, &Default::default());
        let _ = Narrative { member_value: t(0), organisation_value: t(1), behaviours: t(2), story: t(3) }.validated();
        let _ = ObjectiveEdit { title: t(4), description: t(5) }.validated();
        let _ = GoalEdit { objective_id: id, title: t(6), description: t(7), evidence: vec![] }.validated(&[id], &[]);
        let _ = KpiEdit {
            goal_id: id, name: t(0), category: pick(&KpiCategory::ALL, k), custom_category: t(1), definition: t(2),
            unit: t(3), direction: pick(&Direction::ALL, k), baseline_value: t(4), baseline_date: t(5),
            target_value: t(6), target_date: t(7), data_source: t(8), owner: Default::default(),
            cadence: pick(&Cadence::ALL, k), weight: t(9),
        }.validated(&[]);
        let _ = MeasurementEdit { measured_on: t(10), value: t(11), note: t(12) }.validated(&t(3), today, &[]);
        let style = if k % 2 == 0 { NumberStyle::DecimalPoint } else { NumberStyle::DecimalComma };
        let _ = values::parse_value("f", "value", &t(11), &t(3), style);
        let _ = values::read_date(&t(5), if k % 2 == 0 { DayOrder::DayFirst } else { DayOrder::MonthFirst });
        let _ = values::parse_date("f", "date", &t(5));
        let _ = values::is_ambiguous_date(&t(5));
        let _ = text::required_line("f", "line", &t(0));
        let _ = text::paragraph("f", "paragraph", &t(1));
        let _ = groundwork_core::audit::situation::points(&t(2));
    }
}
