//! The executive one-pager and the charts of the documents, read back from the PDFs: every
//! name a person typed prints whole with no ellipsis, the timeline draws an arrow for each
//! dependency and none otherwise, and a KPI has a trend line only once it is measured.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use groundwork_core::documents::Document;
use groundwork_core::workbook::Workbook;
use groundwork_docs::render;
use lopdf::content::Content;
use lopdf::Object;

mod read_back;
use read_back::{example, keep, options, pdftotext, pdftotext_present};

/// The example with names as long as people paste them: a workbook name with a Chinese tail,
/// 300-character initiative names and long goal names.
fn hostile() -> Workbook {
    let mut wb = example();
    wb.profile.name = format!(
        "{}社区战略与实施计划二〇二六年度",
        "Riders' Circle strategy for the families, couriers and small shops of Fernhill ".repeat(3)
    );
    for (i, init) in wb.roadmap.initiatives.iter_mut().enumerate() {
        let name = format!(
            "Initiative {i}: {}",
            "volunteers welcome newcomers on the forum and at the workshop every weekend "
                .repeat(4)
        );
        init.title = name
            .chars()
            .take(300)
            .collect::<String>()
            .trim_end()
            .to_owned();
    }
    for (i, goal) in wb.goals.goals.iter_mut().enumerate() {
        goal.title = format!(
            "Goal {i}: every rider who joins this year finds a helper and rides with them \
             before winter"
        );
    }
    wb
}

/// Whitespace runs made single spaces, so text that wraps compares with text that does not.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_one_pager_of_a_hostile_workbook_prints_every_name_whole() {
    if !pdftotext_present() {
        return;
    }
    let wb = hostile();
    let rendered = render(&wb, &options(Document::Roadmap)).unwrap();
    keep("hostile-roadmap.pdf", &rendered.bytes);
    assert_eq!(rendered.page_count, 1);
    let text = pdftotext(&rendered.bytes, &[]);
    assert!(!text.contains('…'), "an ellipsis on the one-pager:\n{text}");
    // Lines break at spaces, between ideographs (no space then) and after hyphens.
    let page = flat(&text);
    let squashed: String = text.split_whitespace().collect();
    let name: String = wb.profile.name.split_whitespace().collect();
    assert!(squashed.contains(&name), "the workbook's name:\n{text}");
    // The timeline names every dated initiative; the undated are counted under it.
    let (dated, undated): (Vec<_>, Vec<_>) = wb
        .roadmap
        .initiatives
        .iter()
        .partition(|i| i.dates().is_some());
    assert!(!dated.is_empty() && undated.len() == 1);
    assert!(page.contains("1 initiative not dated yet is in the Community strategy"));
    for init in dated {
        assert!(
            page.contains(&flat(&init.title)),
            "“{}” is not printed whole:\n{text}",
            init.title
        );
    }
    for goal in &wb.goals.goals {
        assert!(
            page.contains(&flat(&goal.title)),
            "“{}” is not printed whole:\n{text}",
            goal.title
        );
    }
}

/// The operations of every page's content stream.
fn operations(bytes: &[u8]) -> Vec<lopdf::content::Operation> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    doc.get_pages()
        .values()
        .flat_map(|id| {
            let content = doc.get_page_content(*id);
            Content::decode(&content).unwrap().operations
        })
        .collect()
}

/// Filled closed paths of three points: the arrowheads of the timeline's dependencies (bars,
/// bands and milestones' diamonds have four corners).
fn arrowheads(bytes: &[u8]) -> usize {
    let mut points = 0;
    let mut heads = 0;
    for op in operations(bytes) {
        match op.operator.as_str() {
            "m" => points = 1,
            "l" => points += 1,
            "f" if points == 3 => heads += 1,
            "f" | "S" | "B" | "b" | "re" => points = 0,
            _ => {}
        }
    }
    heads
}

#[test]
fn the_timeline_draws_an_arrow_for_each_dependency_and_none_without() {
    let mut wb = example();
    for init in &mut wb.roadmap.initiatives {
        init.depends_on.clear();
    }
    let none = render(&wb, &options(Document::Roadmap)).unwrap();
    assert_eq!(arrowheads(&none.bytes), 0, "no dependency, no arrow");

    // The second initiative in time waits for the first.
    let order: Vec<_> = wb
        .roadmap
        .in_time_order()
        .iter()
        .filter(|i| !i.milestone && i.dates().is_some())
        .map(|i| i.id)
        .collect();
    assert!(order.len() >= 2, "the example has dated initiatives");
    let waiting = wb
        .roadmap
        .initiatives
        .iter_mut()
        .find(|i| i.id == order[1])
        .unwrap();
    waiting.depends_on.push(order[0]);
    let one = render(&wb, &options(Document::Roadmap)).unwrap();
    keep("dependency-roadmap.pdf", &one.bytes);
    assert_eq!(arrowheads(&one.bytes), 1, "one dependency, one arrow");
}

/// Dashes of 1.5 on and 1.5 off: the faint target line of each KPI's trend.
fn trend_targets(bytes: &[u8]) -> usize {
    operations(bytes)
        .iter()
        .filter(|op| op.operator == "d")
        .filter(|op| {
            let Some(Object::Array(dash)) = op.operands.first() else {
                return false;
            };
            let values: Vec<f32> = dash.iter().filter_map(|o| o.as_float().ok()).collect();
            values == [1.5, 1.5]
        })
        .count()
}

#[test]
fn a_kpi_shows_its_trend_only_once_it_is_measured() {
    let wb = example();
    let measured = |wb: &Workbook| {
        wb.goals
            .kpis
            .iter()
            .filter(|k| wb.goals.measurements.iter().any(|m| m.kpi_id == k.id))
            .count()
    };
    let all = measured(&wb);
    assert!(all >= 2, "the example measures its KPIs");
    let full = render(&wb, &options(Document::Full)).unwrap();
    let per_kpi = trend_targets(&full.bytes);
    assert!(per_kpi > 0, "measured KPIs have trends");
    assert_eq!(per_kpi % all, 0, "each measured KPI shows as often");
    let times = per_kpi / all;

    // The first KPI's measurements taken away: its trend goes, the others' stay.
    let mut one_less = wb.clone();
    let first = one_less.goals.kpis[0].id;
    one_less.goals.measurements.retain(|m| m.kpi_id != first);
    assert_eq!(measured(&one_less), all - 1);
    let r = render(&one_less, &options(Document::Full)).unwrap();
    assert_eq!(trend_targets(&r.bytes), (all - 1) * times);

    let mut unmeasured = wb;
    unmeasured.goals.measurements.clear();
    let r = render(&unmeasured, &options(Document::Full)).unwrap();
    keep("unmeasured-full.pdf", &r.bytes);
    assert_eq!(trend_targets(&r.bytes), 0, "no measurement, no trend");
}

#[test]
fn emoji_newer_than_symbola_print_and_read_back() {
    if !pdftotext_present() {
        return;
    }
    let mut wb = example();
    wb.profile.name = "Riders' Circle 🥳 🫶 🧪 🛕 🎉".into();
    let r = render(&wb, &options(Document::Roadmap)).unwrap();
    keep("emoji-roadmap.pdf", &r.bytes);
    assert!(
        !r.warnings
            .iter()
            .any(|w| w.kind == groundwork_docs::WarningKind::MissingGlyphs),
        "{:?}",
        r.warnings
    );
    let text = pdftotext(&r.bytes, &[]);
    for e in ["🥳", "🫶", "🧪", "🛕", "🎉"] {
        assert!(text.contains(e), "{e} is not in the text:\n{text}");
    }
}
