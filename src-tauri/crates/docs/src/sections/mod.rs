//! The sections documents are made of. Each step of the strategy has its own module that
//! turns the workbook's records into blocks; while a step has no records it says so plainly
//! and reports an empty section.

pub mod appendix;
mod audit;
mod crisis;
pub mod goals;
pub mod profile;
mod readiness;
pub mod roadmap;
mod stakeholders;
pub mod summary;
mod traceability;

use chrono::NaiveDate;
use groundwork_core::documents::{Document, ExportOptions};
use groundwork_core::workbook::{Step, Workbook};

use crate::layout::Block;
use crate::{Warning, WarningKind};

/// Every section any document can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Summary,
    Profile,
    Step(Step),
    /// The readiness review; in the full strategy when the strategist asks for it.
    Readiness,
    Traceability,
    Appendix,
}

impl Section {
    pub fn id(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Profile => "profile",
            Section::Step(Step::Audit) => "audit",
            Section::Step(Step::Stakeholders) => "stakeholders",
            Section::Step(Step::Goals) => "goals",
            Section::Step(Step::Crisis) => "crisis",
            Section::Step(Step::Roadmap) => "roadmap",
            Section::Readiness => "readiness",
            Section::Traceability => "traceability",
            Section::Appendix => "appendix",
        }
    }

    pub fn title(self, document: Document) -> &'static str {
        match (self, document) {
            (Section::Summary, _) => "Executive summary",
            (Section::Profile, Document::Roadmap) => "At a glance",
            (Section::Profile, Document::Crisis) => "About this playbook",
            (Section::Profile, Document::Audit) => "Workbook profile",
            (Section::Profile, Document::Full) => "Purpose and profile",
            (Section::Step(Step::Crisis), Document::Crisis) => "Scenarios and responses",
            (Section::Step(Step::Audit), Document::Audit) => "Audit records",
            (Section::Step(Step::Stakeholders), Document::Audit) => {
                "Stakeholders and interview notes"
            }
            (Section::Step(step), _) => step.title(),
            (Section::Readiness, _) => "Readiness review",
            (Section::Traceability, _) => "Appendix: traceability",
            (Section::Appendix, _) => "Appendix: interview notes",
        }
    }
}

/// The sections of each document, in reading order.
pub fn for_document(document: Document) -> Vec<Section> {
    use Section::Step as S;
    match document {
        Document::Full => vec![
            Section::Summary,
            Section::Profile,
            S(Step::Audit),
            S(Step::Stakeholders),
            S(Step::Goals),
            S(Step::Crisis),
            S(Step::Roadmap),
            Section::Traceability,
            Section::Appendix,
        ],
        Document::Roadmap | Document::Audit => {
            vec![
                Section::Profile,
                S(Step::Audit),
                S(Step::Stakeholders),
                S(Step::Goals),
                S(Step::Crisis),
                S(Step::Roadmap),
            ]
        }
        Document::Crisis => {
            vec![
                Section::Profile,
                S(Step::Crisis),
                S(Step::Stakeholders),
                S(Step::Audit),
                S(Step::Goals),
                S(Step::Roadmap),
            ]
        }
    }
}

/// The sections of the document the strategist did not ask to leave out, with the readiness
/// review after the executive summary when asked for (full strategy only).
pub fn selected(options: &ExportOptions) -> Vec<Section> {
    let omit = &options.omit_sections;
    let mut list: Vec<Section> = for_document(options.document)
        .into_iter()
        .filter(|s| !omit.iter().any(|o| o.trim() == s.id()))
        .collect();
    if options.include_readiness && options.document == Document::Full {
        let at = usize::from(list.first() == Some(&Section::Summary));
        list.insert(at, Section::Readiness);
    }
    list
}

/// A section's content and what the strategist should know about it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Built {
    pub blocks: Vec<Block>,
    pub warnings: Vec<Warning>,
}

/// Builds one section, starting with its level-1 heading. `date` is the document's date: what
/// is worked out "as of today" (KPI status) is worked out as of it.
pub fn build(section: Section, workbook: &Workbook, document: Document, date: NaiveDate) -> Built {
    let title = section.title(document);
    let mut built = match section {
        Section::Summary => summary::build(
            workbook,
            &summary::Facts::of(workbook, date),
            date,
            &summary::Pages::default(),
            0,
        ),
        Section::Profile => profile::build(workbook, document),
        Section::Step(Step::Audit) => audit::build(workbook, document),
        Section::Step(Step::Stakeholders) => stakeholders::build(workbook, document),
        Section::Step(Step::Goals) => goals::build(workbook, document, date),
        Section::Step(Step::Crisis) => crisis::build(workbook, document),
        Section::Step(Step::Roadmap) => roadmap::build(workbook, document),
        Section::Readiness => readiness::build(workbook),
        Section::Traceability => traceability::build(workbook),
        Section::Appendix => appendix::build(workbook),
    };
    built.blocks.insert(
        0,
        Block::Heading {
            level: 1,
            text: title.to_owned(),
        },
    );
    built
}

/// How many records a step holds. Each step's module answers for its own records; none has
/// any yet.
pub fn record_count(workbook: &Workbook, step: Step) -> usize {
    match step {
        Step::Audit => audit::records(workbook),
        Step::Stakeholders => stakeholders::records(workbook),
        Step::Goals => goals::records(workbook),
        Step::Crisis => crisis::records(workbook),
        Step::Roadmap => roadmap::records(workbook),
    }
}

/// What the contents say of a section with nothing in it yet, which a paged document lists
/// there instead of giving it a page: "not started" for a step without records (the crisis
/// plan keeps its page while it has severity levels), "nothing yet" for an appendix with
/// nothing to list. `None` for a section with something to show.
pub fn collapsed(section: Section, workbook: &Workbook) -> Option<&'static str> {
    match section {
        Section::Step(Step::Crisis) => (record_count(workbook, Step::Crisis) == 0
            && workbook.crisis.levels.is_empty())
        .then_some(NOT_STARTED),
        Section::Step(step) => (record_count(workbook, step) == 0).then_some(NOT_STARTED),
        Section::Traceability => workbook.goals.goals.is_empty().then_some(NOTHING_YET),
        Section::Appendix => workbook
            .stakeholders
            .interviews
            .is_empty()
            .then_some(NOTHING_YET),
        Section::Summary | Section::Profile | Section::Readiness => None,
    }
}

/// How the contents mark a step with no records.
pub const NOT_STARTED: &str = "not started";
/// How the contents mark an appendix with nothing to list.
pub const NOTHING_YET: &str = "nothing yet";

/// The content of a step that has no records yet: a short note, and a warning that names
/// what is missing ("no phases or initiatives yet").
pub fn empty_step(step: Step, missing: &str, hint: &str) -> Built {
    let section = Section::Step(step);
    Built {
        blocks: vec![Block::Note(format!("Nothing here yet: {missing}. {hint}"))],
        warnings: vec![Warning::new(
            WarningKind::EmptySection,
            format!("The {} section is empty: {missing}.", step.title()),
            Some(section.id()),
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_document_has_the_five_steps() {
        for d in Document::ALL {
            let s = for_document(d);
            let mut ids: Vec<&str> = s.iter().map(|s| s.id()).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), s.len());
            for step in Step::ALL {
                assert!(s.contains(&Section::Step(step)), "{d:?} lacks {step:?}");
            }
            assert!(s.contains(&Section::Profile));
        }
    }

    #[test]
    fn omitted_sections_are_left_out() {
        let mut options = ExportOptions::new(Document::Full);
        options.omit_sections = vec!["roadmap".into(), " appendix ".into(), "nonsense".into()];
        let s = selected(&options);
        assert!(!s.contains(&Section::Step(Step::Roadmap)));
        assert!(!s.contains(&Section::Appendix));
        assert_eq!(s.len(), for_document(Document::Full).len() - 2);
        assert!(
            !s.contains(&Section::Readiness),
            "the readiness review is asked for"
        );
        options.include_readiness = true;
        assert_eq!(
            selected(&options)[1],
            Section::Readiness,
            "after the summary"
        );
        options.document = Document::Crisis;
        assert!(!selected(&options).contains(&Section::Readiness));
    }
}
