//! Typesetting read back from the PDFs with poppler's `pdftotext -layout`: no word is broken
//! without a hyphen where it would fit its column, and the one-page roadmap cuts nothing with
//! an ellipsis. Checked on the built-in example workbook and on one full of long words.

// Helpers shared by the tests unwrap too: a failure here is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

use groundwork_core::documents::Document;
use groundwork_core::workbook::Workbook;
use groundwork_docs::render;

mod read_back;
use read_back::{example, options, pdftotext, pdftotext_present};

const URL: &str = "https://community.example.org/guidelines/onboarding/newcomers/\
    welcome-programme-for-riders-joining-from-partner-shops-and-courier-collectives/\
    frequently-asked-questions-about-insurance-maintenance-and-winter-riding?utm_source=\
    newsletter&utm_medium=email&utm_campaign=spring-onboarding-drive-2026-second-wave";

/// The example with long names and words everywhere a person types them, a 300-character URL,
/// a 20,000-character paragraph, emoji alone in a cell and Chinese with no spaces.
fn long_words() -> Workbook {
    let mut wb = example();
    wb.profile.name = "Harbor Games community strategy for the Northern Federation of Independent \
        Tabletop Publishers 社区战略与实施计划"
        .into();
    wb.profile.organisation =
        "Northern Federation of Independent Tabletop Publishers and Associated Organisations"
            .into();
    wb.profile.strategist = "Maximiliane Oduya-Featherstonehaugh".into();
    if let Some(g) = wb.goals.goals.first_mut() {
        g.title = "Internationalization of onboarding documentation for underrepresented \
            contributors"
            .into();
    }
    for (i, k) in wb.goals.kpis.iter_mut().enumerate().take(3) {
        k.name = format!(
            "Percentage of newcomers answered by experienced community members within \
             twenty-four hours, measured monthly ({i})"
        );
    }
    for (i, init) in wb.roadmap.initiatives.iter_mut().enumerate().take(4) {
        init.title = format!(
            "Move forum Q&A into Discord help channels with volunteer moderators on weekends \
             ({i})"
        );
    }
    if let Some(p) = wb.roadmap.phases.first_mut() {
        p.name = "Foundations and institutionalization of responsibilities".into();
    }
    let findings = &mut wb.audit.findings;
    if findings.len() >= 4 {
        findings[0].title = format!("Guidelines live at {URL}");
        findings[0].evidence = URL.into();
        findings[1].title = "🎉🎉🎉".into();
        findings[1].evidence = "🎉".into();
        findings[2].title =
            "社区战略规划和实施方案需要每个季度进行评估和更新以便及时发现问题".into();
        findings[2].evidence = "社区".repeat(400);
        findings[3].evidence =
            "Members help each other on the forum every week, unprompted. ".repeat(330);
    }
    wb
}

fn pdf_text(bytes: &[u8], layout: bool) -> String {
    pdftotext(bytes, if layout { &["-layout"] } else { &[] })
}

fn keep(name: &str, document: Document, bytes: &[u8]) {
    read_back::keep(&format!("{name}-{}.pdf", document.slug()), bytes);
}

/// Letters and digits at the ends of a token: what is left of it once punctuation is trimmed.
fn core(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// A word of letters of a script that puts spaces between words: the words that must not
/// break without a hyphen (Chinese and Japanese break between any two ideographs; URLs and
/// codes, wider than a line, break between characters).
fn spaced_word(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_alphabetic() && (c as u32) < 0x2E80)
}

fn words_of(text: &str, into: &mut BTreeSet<String>) {
    for t in text.split(|c: char| c.is_whitespace() || c == '/') {
        let w = core(t);
        if !w.is_empty() {
            into.insert(w.to_lowercase());
        }
    }
}

/// Every string of the workbook: what a person typed.
fn strings(v: &serde_json::Value, into: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::String(s) => words_of(s, into),
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, into)),
        serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, into)),
        _ => {}
    }
}

/// The string literals of the documents' and the core's sources: column titles, labels and the
/// core's vocabulary ("On track", "Initiative"), all that the documents write themselves.
fn literals(dir: &Path, into: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            literals(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            let mut literal = String::new();
            let (mut inside, mut escaped) = (false, false);
            for c in source.chars() {
                match (inside, escaped, c) {
                    (false, _, '"') => inside = true,
                    (true, false, '\\') => escaped = true,
                    (true, false, '"') => {
                        words_of(&literal, into);
                        literal.clear();
                        inside = false;
                    }
                    (true, _, c) => {
                        literal.push(c);
                        escaped = false;
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Every word the documents of `wb` may print whole, lowercased.
fn vocabulary(wb: &Workbook) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    strings(&serde_json::to_value(wb).unwrap(), &mut words);
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    literals(&crates.join("docs").join("src"), &mut words);
    literals(&crates.join("core").join("src"), &mut words);
    // Dates are written with months cut to three letters ("11 Nov 2026").
    for m in [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ] {
        words.insert(m.to_owned());
    }
    words
}

/// Tokens of the PDF's text that begin a longer word and are not words of their own, with no
/// hyphen after them: a word broken where it need not be ("Foundatio", "EXPECTE", "measur").
fn broken_words(pdf: &str, vocabulary: &BTreeSet<String>) -> Vec<String> {
    let whole: Vec<&String> = vocabulary.iter().filter(|w| spaced_word(w)).collect();
    let mut broken = BTreeSet::new();
    for line in pdf.lines() {
        for token in line.split_whitespace() {
            let t = core(token).to_lowercase();
            if t.chars().count() < 3
                || t.ends_with('-')
                || token.contains('…')
                || vocabulary.contains(&t)
                || !spaced_word(&t)
            {
                continue;
            }
            // The rest of a hyphenated word ("tives" after "Initia-") ends a word.
            if whole.iter().any(|w| w.len() > t.len() && w.ends_with(&t)) {
                continue;
            }
            if let Some(w) = whole
                .iter()
                .find(|w| w.len() > t.len() && w.starts_with(&t))
            {
                broken.insert(format!("{t} (of {w}) in: {}", line.trim()));
            }
        }
    }
    broken.into_iter().collect()
}

fn check_no_broken_words(name: &str, wb: &Workbook, document: Document) {
    let rendered = render(wb, &options(document)).unwrap();
    keep(name, document, &rendered.bytes);
    let pdf = pdf_text(&rendered.bytes, true);
    let broken = broken_words(&pdf, &vocabulary(wb));
    assert!(
        broken.is_empty(),
        "{} words broken without a hyphen in the {document:?} document:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn tables_of_the_example_break_no_word_without_a_hyphen() {
    if !pdftotext_present() {
        return;
    }
    let wb = example();
    for document in [Document::Full, Document::Crisis, Document::Audit] {
        check_no_broken_words("example", &wb, document);
    }
}

#[test]
fn tables_full_of_long_words_break_none_without_a_hyphen() {
    if !pdftotext_present() {
        return;
    }
    check_no_broken_words("long-words", &long_words(), Document::Full);
}

#[test]
fn the_one_page_roadmap_cuts_nothing_with_an_ellipsis() {
    if !pdftotext_present() {
        return;
    }
    for (name, wb) in [("example", example()), ("long-words", long_words())] {
        let rendered = render(&wb, &options(Document::Roadmap)).unwrap();
        keep(name, Document::Roadmap, &rendered.bytes);
        assert_eq!(rendered.page_count, 1);
        let text = pdf_text(&rendered.bytes, false);
        assert!(!text.contains('…'), "an ellipsis on the one-pager:\n{text}");
        // The whole name is there, its CJK tail included, and the organisation.
        let flat: String = text.split_whitespace().collect();
        let name: String = wb.profile.name.split_whitespace().collect();
        assert!(
            flat.replace('-', "").contains(&name.replace('-', "")),
            "{text}"
        );
        let org: String = wb.profile.organisation.split_whitespace().collect();
        assert!(flat.contains(&org), "{text}");
    }
}

#[test]
fn the_same_workbook_gives_the_same_bytes() {
    let wb = long_words();
    for document in [Document::Full, Document::Roadmap] {
        let a = render(&wb, &options(document)).unwrap();
        let b = render(&wb, &options(document)).unwrap();
        assert!(
            a.bytes == b.bytes,
            "{document:?} differs between two exports"
        );
    }
}

#[test]
fn extreme_values_keep_the_one_pager_on_one_page() {
    let mut wb = long_words();
    wb.profile.name = "Community strategy for everyone ".repeat(30);
    wb.profile.organisation = URL.repeat(2);
    wb.profile.strategist = "Maximiliane ".repeat(30);
    wb.profile.purpose = "Members help each other on the forum every week. ".repeat(400);
    for g in &mut wb.goals.goals {
        g.title = "Internationalization ".repeat(50);
    }
    for k in &mut wb.goals.kpis {
        k.name = "🎉".repeat(300);
    }
    for i in &mut wb.roadmap.initiatives {
        i.title = "社区战略".repeat(120);
    }
    for document in [Document::Roadmap, Document::Full] {
        let rendered = render(&wb, &options(document)).unwrap();
        keep("extreme", document, &rendered.bytes);
        if document == Document::Roadmap {
            assert_eq!(rendered.page_count, 1);
            assert!(rendered
                .warnings
                .iter()
                .any(|w| w.kind == groundwork_docs::WarningKind::Summarised));
        }
    }
}
