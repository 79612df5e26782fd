//! The TypeScript types of everything that crosses to the UI, generated from the Rust types.
//! The generated file is committed; the test below fails when it is stale. Regenerate with
//! `UPDATE_BINDINGS=1 cargo test -p groundwork-app bindings`, which regenerates the UI's command
//! functions (bindings/commands.rs) and the words of the core's fixed choices
//! (bindings/vocabulary.rs) too.

#[cfg(test)]
mod commands;
#[cfg(test)]
mod vocabulary;

/// Checks that the committed file `ui/src/lib/backend/<name>` is what the Rust side generates
/// now, writing it first when `UPDATE_BINDINGS` is set. Fails naming the first line that differs.
#[cfg(test)]
fn assert_generated_file_is_current(name: &str, fresh: &str) {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ui/src/lib/backend")
        .join(name);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let first_difference = committed
        .lines()
        .zip(fresh.lines())
        .position(|(a, b)| a != b)
        .map_or_else(
            || "its length".to_owned(),
            |i| {
                format!(
                    "line {}: {:?}",
                    i + 1,
                    fresh.lines().nth(i).unwrap_or_default()
                )
            },
        );
    assert!(
        committed == fresh,
        "{} is stale (first difference at {first_difference}): run `UPDATE_BINDINGS=1 cargo \
         test -p groundwork-app bindings`",
        path.display()
    );
}

#[cfg(test)]
mod tests {

    use ts_rs::{Config, TS};

    use groundwork_core::audit::channels::{Channel, ChannelEdit, ChannelKind, Ownership};
    use groundwork_core::audit::compare::{ChannelActivity, Comparison, ComparisonRow, Trend};
    use groundwork_core::audit::findings::{Finding, FindingEdit, FindingSummary, Importance};
    use groundwork_core::audit::maturity::{Competency, MaturityEdit, MaturityRow, MaturityScore};
    use groundwork_core::audit::situation::{Peer, PeerEdit, PeerKind, Situation};
    use groundwork_core::audit::snapshots::{
        CustomFigure, CustomFigureEdit, Metric, Snapshot, SnapshotEdit,
    };
    use groundwork_core::audit::{Audit, AuditOverview, Choice, Vocabulary};
    use groundwork_core::documents::{Document, ExportOptions, Paper};
    use groundwork_core::goals::kpis::{Cadence, Direction, Kpi, KpiCategory, KpiEdit, KpiOwner};
    use groundwork_core::goals::measurements::{
        Measurement, MeasurementEdit, PasteProblem, PasteReport, PastedRow,
    };
    use groundwork_core::goals::status::{
        ChartPoint, Health, HealthPart, KpiReport, KpiStatus, Tick, TrendChart,
    };
    use groundwork_core::goals::{
        EvidenceCandidate, EvidenceKind, EvidenceRef, Goal, GoalEdit, Goals, GoalsOverview,
        GoalsVocabulary, Narrative, Objective, ObjectiveEdit, OwnerCandidate,
    };
    use groundwork_core::profile::{Profile, ProfileEdit};
    use groundwork_core::readiness::{
        Dismissal, DismissedIssue, Issue, RecordKind, RecordRef, Review, Severity, StepScore,
    };
    use groundwork_core::traceability::{
        EvidenceItem, EvidenceTrace, GoalChain, InitiativeTrace, Link, Traceability,
    };
    use groundwork_core::workbook::{Step, StepCount};
    use groundwork_core::Invalid;
    use groundwork_store::{
        ChannelUsage, FindingUsage, TrashEntry, UnreadableFile, WorkbookListing, WorkbookSummary,
    };

    use crate::commands::dialogs::FileKind;
    use crate::commands::documents::{DocumentPreview, ExportReport};
    use crate::commands::goals::ImportResult;
    use crate::commands::portable::ImportOutcome;
    use crate::commands::workbook::OpenedWorkbook;
    use crate::error::{AppError, ErrorCode};
    use groundwork_docs::{SectionInfo, Warning, WarningKind};

    use crate::commands::crisis::ScenarioCreated;
    use groundwork_core::crisis::placeholders::{FilledPart, FilledStatement, Slot};
    use groundwork_core::crisis::starters::StarterScenario;
    use groundwork_core::crisis::{
        Contact, ContactEdit, CrisisPlan, Escalation, EscalationEdit, Guidelines, HoldingStatement,
        Risk, RiskBand, Scenario, ScenarioAction, ScenarioEdit, SeverityEdit, SeverityLevel,
        StatementEdit,
    };
    use groundwork_core::interviews::{
        Answer, Guide, GuideEdit, GuideQuestion, Interview, InterviewEdit, InterviewMode,
        QuestionEdit, Quote, StarterGuide,
    };
    use groundwork_core::stakeholders::{
        Attitude, Department, GridPlacement, InterviewStatus, Quadrant, Stakeholder,
        StakeholderEdit, StakeholderRecords, StakeholderStep,
    };
    use groundwork_core::themes::{
        QuoteEvidence, TagKind, TagTarget, Theme, ThemeEdit, ThemeInsight, ThemeSide, ThemeVoice,
    };
    use groundwork_store::{SearchHit, SearchHitKind, SearchResults, Segment};

    use crate::commands::Saved;
    use crate::commands::workshop::BoardCreated;
    use groundwork_core::roadmap::{
        BudgetTotal, BudgetTotals, Flag, FlagKind, Initiative, InitiativeEdit, InitiativeStatus,
        Money, Phase, PhaseEdit, Roadmap, RoadmapOption, RoadmapOverview, RoadmapVocabulary,
        Schedule,
    };
    use groundwork_core::workshop::priority::{
        BoardView, DotsLeft, IdeaQuadrant, RankedIdea, RankedInitiative,
    };
    use groundwork_core::workshop::{
        Board, Conversion, ConvertTarget, Idea, IdeaGroup, InitiativeScore, Participant, Vote,
    };
    use groundwork_store::ConvertRequest;

    fn declaration<T: TS + ?Sized>(cfg: &Config) -> String {
        format!("export {}\n", T::decl(cfg))
    }

    pub(super) fn typescript() -> String {
        // Counts are whole numbers far below 2^53: plain numbers, not bigint.
        let cfg = Config::new().with_large_int("number");
        let declarations = [
            declaration::<AppError>(&cfg),
            declaration::<ErrorCode>(&cfg),
            declaration::<FileKind>(&cfg),
            declaration::<Invalid>(&cfg),
            declaration::<WorkbookListing>(&cfg),
            declaration::<WorkbookSummary>(&cfg),
            declaration::<UnreadableFile>(&cfg),
            declaration::<OpenedWorkbook>(&cfg),
            declaration::<ImportOutcome>(&cfg),
            declaration::<groundwork_store::ImportProblem>(&cfg),
            declaration::<groundwork_store::Backup>(&cfg),
            declaration::<Profile>(&cfg),
            declaration::<ProfileEdit>(&cfg),
            declaration::<Step>(&cfg),
            declaration::<StepCount>(&cfg),
            declaration::<Document>(&cfg),
            declaration::<Paper>(&cfg),
            declaration::<ExportOptions>(&cfg),
            declaration::<SectionInfo>(&cfg),
            declaration::<DocumentPreview>(&cfg),
            declaration::<ExportReport>(&cfg),
            declaration::<Warning>(&cfg),
            declaration::<WarningKind>(&cfg),
            declaration::<AuditOverview>(&cfg),
            declaration::<Audit>(&cfg),
            declaration::<Vocabulary>(&cfg),
            declaration::<Choice<ChannelKind>>(&cfg),
            declaration::<Channel>(&cfg),
            declaration::<ChannelEdit>(&cfg),
            declaration::<ChannelKind>(&cfg),
            declaration::<Ownership>(&cfg),
            declaration::<ChannelUsage>(&cfg),
            declaration::<TrashEntry>(&cfg),
            declaration::<ChannelActivity>(&cfg),
            declaration::<Snapshot>(&cfg),
            declaration::<SnapshotEdit>(&cfg),
            declaration::<CustomFigure>(&cfg),
            declaration::<CustomFigureEdit>(&cfg),
            declaration::<Metric>(&cfg),
            declaration::<Comparison>(&cfg),
            declaration::<ComparisonRow>(&cfg),
            declaration::<Trend>(&cfg),
            declaration::<Competency>(&cfg),
            declaration::<MaturityScore>(&cfg),
            declaration::<MaturityEdit>(&cfg),
            declaration::<MaturityRow>(&cfg),
            declaration::<Situation>(&cfg),
            declaration::<Peer>(&cfg),
            declaration::<PeerEdit>(&cfg),
            declaration::<PeerKind>(&cfg),
            declaration::<Finding>(&cfg),
            declaration::<FindingEdit>(&cfg),
            declaration::<FindingSummary>(&cfg),
            declaration::<FindingUsage>(&cfg),
            declaration::<Importance>(&cfg),
            declaration::<Department>(&cfg),
            declaration::<Attitude>(&cfg),
            declaration::<InterviewStatus>(&cfg),
            declaration::<Stakeholder>(&cfg),
            declaration::<StakeholderEdit>(&cfg),
            declaration::<Quadrant>(&cfg),
            declaration::<GridPlacement>(&cfg),
            declaration::<StakeholderRecords>(&cfg),
            declaration::<StakeholderStep>(&cfg),
            declaration::<Guide>(&cfg),
            declaration::<GuideQuestion>(&cfg),
            declaration::<GuideEdit>(&cfg),
            declaration::<QuestionEdit>(&cfg),
            declaration::<StarterGuide>(&cfg),
            declaration::<InterviewMode>(&cfg),
            declaration::<Interview>(&cfg),
            declaration::<Answer>(&cfg),
            declaration::<Quote>(&cfg),
            declaration::<InterviewEdit>(&cfg),
            declaration::<ThemeSide>(&cfg),
            declaration::<Theme>(&cfg),
            declaration::<ThemeEdit>(&cfg),
            declaration::<TagKind>(&cfg),
            declaration::<TagTarget>(&cfg),
            declaration::<ThemeVoice>(&cfg),
            declaration::<QuoteEvidence>(&cfg),
            declaration::<ThemeInsight>(&cfg),
            declaration::<SearchHitKind>(&cfg),
            declaration::<Segment>(&cfg),
            declaration::<SearchHit>(&cfg),
            declaration::<SearchResults>(&cfg),
            declaration::<CrisisPlan>(&cfg),
            declaration::<SeverityLevel>(&cfg),
            declaration::<SeverityEdit>(&cfg),
            declaration::<Risk>(&cfg),
            declaration::<RiskBand>(&cfg),
            declaration::<Scenario>(&cfg),
            declaration::<ScenarioEdit>(&cfg),
            declaration::<ScenarioAction>(&cfg),
            declaration::<HoldingStatement>(&cfg),
            declaration::<StatementEdit>(&cfg),
            declaration::<Contact>(&cfg),
            declaration::<ContactEdit>(&cfg),
            declaration::<Escalation>(&cfg),
            declaration::<EscalationEdit>(&cfg),
            declaration::<Guidelines>(&cfg),
            declaration::<StarterScenario>(&cfg),
            declaration::<FilledStatement>(&cfg),
            declaration::<FilledPart>(&cfg),
            declaration::<Slot>(&cfg),
            declaration::<ScenarioCreated>(&cfg),
            declaration::<GoalsOverview>(&cfg),
            declaration::<Goals>(&cfg),
            declaration::<GoalsVocabulary>(&cfg),
            declaration::<Narrative>(&cfg),
            declaration::<Objective>(&cfg),
            declaration::<ObjectiveEdit>(&cfg),
            declaration::<Goal>(&cfg),
            declaration::<GoalEdit>(&cfg),
            declaration::<EvidenceKind>(&cfg),
            declaration::<EvidenceRef>(&cfg),
            declaration::<EvidenceCandidate>(&cfg),
            declaration::<OwnerCandidate>(&cfg),
            declaration::<Kpi>(&cfg),
            declaration::<KpiEdit>(&cfg),
            declaration::<KpiOwner>(&cfg),
            declaration::<KpiCategory>(&cfg),
            declaration::<Direction>(&cfg),
            declaration::<Cadence>(&cfg),
            declaration::<Measurement>(&cfg),
            declaration::<MeasurementEdit>(&cfg),
            declaration::<PasteReport>(&cfg),
            declaration::<PastedRow>(&cfg),
            declaration::<PasteProblem>(&cfg),
            declaration::<ImportResult>(&cfg),
            declaration::<KpiReport>(&cfg),
            declaration::<KpiStatus>(&cfg),
            declaration::<Health>(&cfg),
            declaration::<HealthPart>(&cfg),
            declaration::<TrendChart>(&cfg),
            declaration::<ChartPoint>(&cfg),
            declaration::<Tick>(&cfg),
            declaration::<RoadmapOverview>(&cfg),
            declaration::<Roadmap>(&cfg),
            declaration::<RoadmapVocabulary>(&cfg),
            declaration::<RoadmapOption>(&cfg),
            declaration::<Saved<RoadmapOverview>>(&cfg),
            declaration::<Phase>(&cfg),
            declaration::<PhaseEdit>(&cfg),
            declaration::<Initiative>(&cfg),
            declaration::<InitiativeEdit>(&cfg),
            declaration::<InitiativeStatus>(&cfg),
            declaration::<Schedule>(&cfg),
            declaration::<Money>(&cfg),
            declaration::<Flag>(&cfg),
            declaration::<FlagKind>(&cfg),
            declaration::<BudgetTotal>(&cfg),
            declaration::<BudgetTotals>(&cfg),
            declaration::<Severity>(&cfg),
            declaration::<RecordKind>(&cfg),
            declaration::<RecordRef>(&cfg),
            declaration::<Issue>(&cfg),
            declaration::<Dismissal>(&cfg),
            declaration::<DismissedIssue>(&cfg),
            declaration::<StepScore>(&cfg),
            declaration::<Review>(&cfg),
            declaration::<EvidenceItem>(&cfg),
            declaration::<Link>(&cfg),
            declaration::<GoalChain>(&cfg),
            declaration::<EvidenceTrace>(&cfg),
            declaration::<InitiativeTrace>(&cfg),
            declaration::<Traceability>(&cfg),
            declaration::<Board>(&cfg),
            declaration::<Idea>(&cfg),
            declaration::<IdeaGroup>(&cfg),
            declaration::<Conversion>(&cfg),
            declaration::<ConvertTarget>(&cfg),
            declaration::<Participant>(&cfg),
            declaration::<Vote>(&cfg),
            declaration::<BoardView>(&cfg),
            declaration::<RankedIdea>(&cfg),
            declaration::<DotsLeft>(&cfg),
            declaration::<InitiativeScore>(&cfg),
            declaration::<RankedInitiative>(&cfg),
            declaration::<IdeaQuadrant>(&cfg),
            declaration::<BoardCreated>(&cfg),
            declaration::<ConvertRequest>(&cfg),
        ];
        let mut out = String::from(
            "// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p groundwork-app \
             bindings`. Do not edit.\n\n",
        );
        for decl in declarations {
            out.push_str(&decl);
            out.push('\n');
        }
        out
    }

    #[test]
    fn bindings_are_up_to_date() {
        super::assert_generated_file_is_current("types.gen.ts", &typescript());
    }
}
