//! The fixed words the screens show for the core's choices — departments, attitudes, interview
//! modes, theme sides, quadrants, step and document titles, the spreadsheet's sheet names — generated from the core's own
//! `label()` and `title()` into ui/src/lib/backend/vocabulary.gen.ts, so the UI keeps no copy.
//! The generated file is committed; the test fails when it is stale. Regenerate it with the
//! types: `UPDATE_BINDINGS=1 cargo test -p groundwork-app bindings`.

use std::fmt::Write as _;

use groundwork_core::documents::Document;
use groundwork_core::stakeholders::interviews::InterviewMode;
use groundwork_core::stakeholders::themes::ThemeSide;
use groundwork_core::stakeholders::{Attitude, Department, InterviewStatus, Quadrant};
use groundwork_core::workbook::Step;
use groundwork_docs::spreadsheet::SheetKind;
use serde::Serialize;

/// The word an enum value crosses to the UI as (its serde form, as in types.gen.ts).
fn word<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(word)) => word,
        other => panic!("a choice crosses as a string, not {other:?}"),
    }
}

/// `export const NAME: readonly Choice<Type>[] = [...]`: the choices in the order the core
/// offers them.
fn choices<T: Serialize + Copy>(
    out: &mut String,
    name: &str,
    ty: &str,
    all: &[T],
    label: impl Fn(T) -> &'static str,
) {
    let _ = writeln!(out, "\nexport const {name}: readonly Choice<{ty}>[] = [");
    for &value in all {
        let _ = writeln!(
            out,
            "  {{ value: {}, label: {} }},",
            json(&word(value)),
            json(label(value))
        );
    }
    out.push_str("];\n");
}

/// `export const NAME: Record<Type, string> = {...}`: a title for every value.
fn titles<T: Serialize + Copy>(
    out: &mut String,
    name: &str,
    ty: &str,
    all: &[T],
    title: impl Fn(T) -> &'static str,
) {
    let _ = writeln!(out, "\nexport const {name}: Record<{ty}, string> = {{");
    for &value in all {
        let _ = writeln!(out, "  {}: {},", word(value), json(title(value)));
    }
    out.push_str("};\n");
}

fn json(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

pub(super) fn typescript() -> String {
    let mut out = String::from(
        "// Generated from the core's labels and titles by `UPDATE_BINDINGS=1 cargo test -p \
         groundwork-app bindings`. Do not edit.\n\nimport type { Attitude, Choice, Department, \
         Document, InterviewMode, InterviewStatus, Quadrant, SheetKind, Step, ThemeSide } \
         from \"./types.gen\";\n",
    );
    choices(
        &mut out,
        "DEPARTMENTS",
        "Department",
        &Department::ALL,
        Department::label,
    );
    choices(
        &mut out,
        "ATTITUDES",
        "Attitude",
        &Attitude::ALL,
        Attitude::label,
    );
    choices(
        &mut out,
        "INTERVIEW_STATUSES",
        "InterviewStatus",
        &InterviewStatus::ALL,
        InterviewStatus::label,
    );
    choices(
        &mut out,
        "INTERVIEW_MODES",
        "InterviewMode",
        &InterviewMode::ALL,
        InterviewMode::label,
    );
    choices(
        &mut out,
        "THEME_SIDES",
        "ThemeSide",
        &ThemeSide::ALL,
        ThemeSide::label,
    );
    let quadrants = [(4, 4), (4, 1), (1, 4), (1, 1)]
        .map(|(influence, interest)| Quadrant::of(influence, interest));
    titles(
        &mut out,
        "QUADRANTS",
        "Quadrant",
        &quadrants,
        Quadrant::label,
    );
    titles(&mut out, "STEP_TITLES", "Step", &Step::ALL, Step::title);
    titles(
        &mut out,
        "DOCUMENT_TITLES",
        "Document",
        &Document::ALL,
        Document::title,
    );
    titles(
        &mut out,
        "SHEET_NAMES",
        "SheetKind",
        &SheetKind::ALL,
        SheetKind::name,
    );
    out
}

#[test]
fn vocabulary_is_up_to_date() {
    super::assert_generated_file_is_current("vocabulary.gen.ts", &typescript());
}
