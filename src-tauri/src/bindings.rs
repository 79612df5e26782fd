//! The TypeScript types of everything that crosses to the UI, generated from the Rust types:
//! the types the commands take and answer, and every type they are made of, found by walking
//! their fields (so a type needs only `#[derive(TS)]` where it is declared).
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

    use std::collections::{BTreeMap, BTreeSet};

    use ts_rs::{Config, TypeVisitor, TS};

    use groundwork_core::audit::channels::ChannelEdit;
    use groundwork_core::audit::compare::Comparison;
    use groundwork_core::audit::findings::{FindingEdit, FindingSummary};
    use groundwork_core::audit::maturity::MaturityEdit;
    use groundwork_core::audit::situation::{PeerEdit, Situation};
    use groundwork_core::audit::snapshots::SnapshotEdit;
    use groundwork_core::audit::AuditOverview;
    use groundwork_core::documents::{Document, ExportOptions};
    use groundwork_core::goals::kpis::KpiEdit;
    use groundwork_core::goals::measurements::MeasurementEdit;

    use groundwork_core::goals::{EvidenceKind, GoalEdit, GoalsOverview, Narrative, ObjectiveEdit};
    use groundwork_core::profile::{Profile, ProfileEdit};
    use groundwork_core::readiness::Review;
    use groundwork_core::traceability::{EvidenceTrace, InitiativeTrace, Traceability};
    use groundwork_core::workbook::StepCount;

    use groundwork_store::{
        ChannelUsage, FindingUsage, TrashEntry, WorkbookListing, WorkbookSummary,
    };

    use crate::commands::dialogs::FileKind;
    use crate::commands::documents::{
        DocumentPreview, DocumentSettingsView, ExportReport, LogoView,
    };
    use crate::commands::goals::ImportResult;
    use crate::commands::portable::ImportOutcome;
    use crate::commands::spreadsheet::SpreadsheetReport;
    use crate::commands::workbook::OpenedWorkbook;
    use crate::error::AppError;
    use groundwork_core::document_settings::DocumentSettingsEdit;
    use groundwork_docs::spreadsheet::SheetKind;
    use groundwork_docs::SectionInfo;

    use groundwork_core::crisis::placeholders::FilledStatement;
    use groundwork_core::crisis::starters::StarterScenario;
    use groundwork_core::crisis::{
        ContactEdit, CrisisPlan, EscalationEdit, Guidelines, ScenarioEdit, SeverityEdit,
        StatementEdit,
    };
    use groundwork_core::stakeholders::interviews::{GuideEdit, InterviewEdit, QuestionEdit};
    use groundwork_core::stakeholders::themes::{TagTarget, ThemeEdit};
    use groundwork_core::stakeholders::{StakeholderEdit, StakeholderStep};
    use groundwork_store::SearchResults;

    use crate::commands::Saved;
    use groundwork_core::roadmap::{InitiativeEdit, PhaseEdit, Roadmap, RoadmapOverview};
    use groundwork_core::workshop::priority::BoardView;

    use groundwork_store::ConvertRequest;

    /// Collects the declaration of every type it is shown and of every type those are made of,
    /// once each, by name. Wrappers (`Option`, `Vec`, maps) and primitives declare nothing;
    /// what they hold is looked at.
    struct Declarations<'a> {
        cfg: &'a Config,
        by_name: BTreeMap<String, String>,
    }

    impl TypeVisitor for Declarations<'_> {
        fn visit<T: TS + 'static + ?Sized>(&mut self) {
            if T::output_path().is_some() {
                let name = T::ident(self.cfg);
                if self.by_name.contains_key(&name) {
                    return;
                }
                self.by_name
                    .insert(name, format!("export {}\n", T::decl(self.cfg)));
            }
            T::visit_dependencies(self);
            T::visit_generics(self);
        }
    }

    /// The names of the types it is shown, without looking inside them.
    struct Names<'a> {
        cfg: &'a Config,
        names: BTreeSet<String>,
    }

    impl TypeVisitor for Names<'_> {
        fn visit<T: TS + 'static + ?Sized>(&mut self) {
            self.names.insert(T::ident(self.cfg));
        }
    }

    /// What crosses to the UI: the rejection every command may answer, and the types the
    /// commands take and answer, named as in their signatures (a test in bindings/commands.rs
    /// keeps this list equal to them). Every type these are made of is found by walking their
    /// fields, so a type is exported by being used where it is declared, not by a list.
    pub(super) fn roots(v: &mut impl TypeVisitor) {
        v.visit::<AppError>();
        v.visit::<FileKind>();
        v.visit::<groundwork_core::text::DateOrder>();
        v.visit::<groundwork_core::goals::values::NumberStyle>();
        v.visit::<WorkbookListing>();
        v.visit::<WorkbookSummary>();
        v.visit::<OpenedWorkbook>();
        v.visit::<ImportOutcome>();
        v.visit::<groundwork_store::Backup>();
        v.visit::<Profile>();
        v.visit::<ProfileEdit>();
        v.visit::<StepCount>();
        v.visit::<Document>();
        v.visit::<ExportOptions>();
        v.visit::<SectionInfo>();
        v.visit::<DocumentPreview>();
        v.visit::<ExportReport>();
        v.visit::<DocumentSettingsView>();
        v.visit::<LogoView>();
        v.visit::<crate::commands::figures::FigureSource>();
        v.visit::<crate::commands::figures::ImportFor>();
        v.visit::<groundwork_store::FigureImport>();
        v.visit::<SheetKind>();
        v.visit::<SpreadsheetReport>();
        v.visit::<DocumentSettingsEdit>();
        v.visit::<AuditOverview>();
        v.visit::<ChannelEdit>();
        v.visit::<ChannelUsage>();
        v.visit::<TrashEntry>();
        v.visit::<SnapshotEdit>();
        v.visit::<Comparison>();
        v.visit::<MaturityEdit>();
        v.visit::<Situation>();
        v.visit::<PeerEdit>();
        v.visit::<FindingEdit>();
        v.visit::<FindingSummary>();
        v.visit::<FindingUsage>();
        v.visit::<StakeholderEdit>();
        v.visit::<StakeholderStep>();
        v.visit::<Saved<StakeholderStep>>();
        v.visit::<GuideEdit>();
        v.visit::<QuestionEdit>();
        v.visit::<InterviewEdit>();
        v.visit::<ThemeEdit>();
        v.visit::<TagTarget>();
        v.visit::<SearchResults>();
        v.visit::<CrisisPlan>();
        v.visit::<SeverityEdit>();
        v.visit::<ScenarioEdit>();
        v.visit::<StatementEdit>();
        v.visit::<ContactEdit>();
        v.visit::<EscalationEdit>();
        v.visit::<Guidelines>();
        v.visit::<StarterScenario>();
        v.visit::<FilledStatement>();
        v.visit::<GoalsOverview>();
        v.visit::<Narrative>();
        v.visit::<ObjectiveEdit>();
        v.visit::<GoalEdit>();
        v.visit::<EvidenceKind>();
        v.visit::<KpiEdit>();
        v.visit::<MeasurementEdit>();
        v.visit::<ImportResult>();
        v.visit::<RoadmapOverview>();
        v.visit::<Roadmap>();
        v.visit::<Saved<RoadmapOverview>>();
        v.visit::<PhaseEdit>();
        v.visit::<InitiativeEdit>();
        v.visit::<Review>();
        v.visit::<EvidenceTrace>();
        v.visit::<InitiativeTrace>();
        v.visit::<Traceability>();
        v.visit::<BoardView>();
        v.visit::<Saved<BoardView>>();
        v.visit::<ConvertRequest>();
    }

    /// The names `roots` gives, besides `AppError`, which every command may answer.
    pub(super) fn root_names() -> BTreeSet<String> {
        let cfg = config();
        let mut names = Names {
            cfg: &cfg,
            names: BTreeSet::new(),
        };
        roots(&mut names);
        names.names.remove("AppError");
        names.names
    }

    fn config() -> Config {
        // Counts are whole numbers far below 2^53: plain numbers, not bigint.
        Config::new().with_large_int("number")
    }

    pub(super) fn typescript() -> String {
        let cfg = config();
        let mut declarations = Declarations {
            cfg: &cfg,
            by_name: BTreeMap::new(),
        };
        roots(&mut declarations);
        let mut out = String::from(
            "// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p groundwork-app \
             bindings`. Do not edit.\n\n",
        );
        for decl in declarations.by_name.values() {
            out.push_str(decl);
            out.push('\n');
        }
        out
    }

    #[test]
    fn bindings_are_up_to_date() {
        super::assert_generated_file_is_current("types.gen.ts", &typescript());
    }
}
