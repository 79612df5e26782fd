//! The TypeScript types of everything that crosses to the UI, generated from the Rust types.
//! The generated file is committed; the test below fails when it is stale. Regenerate with
//! `UPDATE_BINDINGS=1 cargo test -p groundwork-app bindings`.

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use ts_rs::{Config, TS};

    use groundwork_core::documents::{Document, ExportOptions, Paper};
    use groundwork_core::profile::{Profile, ProfileEdit};
    use groundwork_core::workbook::{Step, StepCount};
    use groundwork_core::Invalid;
    use groundwork_store::{UnreadableFile, WorkbookListing, WorkbookSummary};

    use crate::commands::documents::{DocumentPreview, ExportReport};
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

    fn declaration<T: TS + ?Sized>(cfg: &Config) -> String {
        format!("export {}\n", T::decl(cfg))
    }

    fn typescript() -> String {
        // Counts are whole numbers far below 2^53: plain numbers, not bigint.
        let cfg = Config::new().with_large_int("number");
        let declarations = [
            declaration::<AppError>(&cfg),
            declaration::<ErrorCode>(&cfg),
            declaration::<Invalid>(&cfg),
            declaration::<WorkbookListing>(&cfg),
            declaration::<WorkbookSummary>(&cfg),
            declaration::<UnreadableFile>(&cfg),
            declaration::<OpenedWorkbook>(&cfg),
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
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/backend/types.gen.ts");
        let fresh = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{} is stale: run `UPDATE_BINDINGS=1 cargo test -p groundwork-app bindings`",
            path.display()
        );
    }
}
