//! The document settings in the PDFs: the strategist's ask on the executive summary, read
//! back with poppler's `pdftotext`, and the accent colour, read from the pages' content streams.

// Helpers shared by the tests unwrap too: a failure here is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;

use groundwork_core::document_settings::{text_accent, DocumentSettings, Rgb, HOUSE_ACCENT};
use groundwork_core::documents::Document;
use groundwork_core::workbook::Workbook;
use groundwork_docs::{render, suggested_ask};

mod read_back;
use read_back::{example, keep, options, pdftotext, pdftotext_present};

fn with_settings(ask: &str, accent: Option<&str>) -> Workbook {
    let mut wb = example();
    wb.documents = DocumentSettings {
        ask: ask.to_owned(),
        accent: accent.map(str::to_owned),
    };
    wb
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the page holding the executive summary's ask, lines joined by spaces.
fn summary_text(bytes: &[u8]) -> String {
    let whole = pdftotext(bytes, &[]);
    let page = whole
        .split('\u{c}')
        .find(|p| p.contains("What is asked of you"))
        .expect("no page holds the ask");
    words(page)
}

const ASK: &str = "Approve €48,000 for 2027 and <b>one</b> community manager; \
                   name Ana Souza owner of the launch. 批准预算。";

#[test]
fn the_strategists_ask_is_printed_without_the_suggestion_note() {
    if !pdftotext_present() {
        return;
    }
    let r = render(&with_settings(ASK, None), &options(Document::Full)).unwrap();
    keep("settings-ask-full.pdf", &r.bytes);
    let page = summary_text(&r.bytes);
    assert!(page.contains(&words(ASK)), "the ask as written:\n{page}");
    assert!(
        !page.contains("(Suggested"),
        "no suggestion note when the strategist wrote the ask:\n{page}"
    );
    assert!(
        !page.contains("Decide to approve the roadmap"),
        "the drawn default is replaced:\n{page}"
    );
}

#[test]
fn without_an_ask_the_roadmap_default_is_printed_and_marked_as_suggested() {
    if !pdftotext_present() {
        return;
    }
    let wb = with_settings("  \n ", None);
    let r = render(&wb, &options(Document::Full)).unwrap();
    let page = summary_text(&r.bytes);
    assert!(page.contains("Decide to"), "{page}");
    assert!(page.contains("(Suggested from the roadmap"), "{page}");
}

#[test]
fn the_suggestion_offered_to_start_from_is_the_roadmaps_without_the_note() {
    let wb = example();
    let suggested = suggested_ask(&wb).expect("the example's roadmap asks for something");
    assert!(suggested.starts_with("Decide to "), "{suggested}");
    assert!(!suggested.contains("Suggested"), "{suggested}");
    assert!(suggested_ask(&Workbook::new(wb.profile.clone())).is_none());
}

#[test]
fn an_ask_at_its_longest_keeps_the_summary_to_one_page() {
    if !pdftotext_present() {
        return;
    }
    let sentence = "Approve the budget and name the owners of each initiative. ";
    let limit = groundwork_core::document_settings::ASK_MAX_CHARS;
    let ask: String = sentence
        .repeat(limit / sentence.len() + 1)
        .chars()
        .take(limit)
        .collect();
    let r = render(&with_settings(ask.trim(), None), &options(Document::Full)).unwrap();
    keep("settings-long-ask-full.pdf", &r.bytes);
    let summary = summary_text(&r.bytes);
    assert!(
        summary.contains("Community health"),
        "the ask is on the summary's own page:\n{summary}"
    );
    let ask = words(&ask);
    let end = &ask[ask.len() - 40..];
    assert!(
        summary.contains(end),
        "the whole ask is on the summary's page:\n{summary}"
    );
}

/// Every colour set on any page, as (red, green, blue) from 0 to 255, with whether it was set
/// for text (inside BT … ET).
fn colours(bytes: &[u8]) -> HashSet<(bool, Rgb)> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let mut out = HashSet::new();
    for (_, id) in doc.get_pages() {
        let content = doc.get_page_content(id);
        let mut in_text = false;
        for line in String::from_utf8_lossy(&content).lines() {
            match line.trim() {
                "BT" => in_text = true,
                "ET" => in_text = false,
                l if l.ends_with(" rg") || l.ends_with(" RG") => {
                    let v: Vec<u8> = l
                        .split_whitespace()
                        .take(3)
                        .map(|n| (n.parse::<f32>().unwrap() * 255.0).round() as u8)
                        .collect();
                    out.insert((in_text, Rgb(v[0], v[1], v[2])));
                }
                _ => {}
            }
        }
    }
    out
}

fn has(set: &HashSet<(bool, Rgb)>, c: Rgb) -> bool {
    set.contains(&(false, c)) || set.contains(&(true, c))
}

#[test]
fn the_chosen_accent_replaces_the_house_accent_on_every_page() {
    let red = Rgb(0xc0, 0x39, 0x2b);
    for document in [Document::Full, Document::Roadmap, Document::Crisis] {
        let house = colours(&render(&example(), &options(document)).unwrap().bytes);
        assert!(
            has(&house, HOUSE_ACCENT),
            "{document:?}: the house teal by default"
        );
        assert!(!has(&house, red), "{document:?}");

        let r = render(&with_settings("", Some("#c0392b")), &options(document)).unwrap();
        keep(&format!("settings-red-{}.pdf", document.slug()), &r.bytes);
        let set = colours(&r.bytes);
        assert!(has(&set, red), "{document:?}: the chosen red is drawn");
        assert!(
            !has(&set, HOUSE_ACCENT),
            "{document:?}: no house teal is left once a colour is chosen"
        );
    }
}

#[test]
fn a_light_accent_is_never_used_for_text_but_still_draws_shapes_and_the_cover_band() {
    let yellow = Rgb(0xff, 0xd7, 0x00);
    let r = render(
        &with_settings("", Some("#ffd700")),
        &options(Document::Full),
    )
    .unwrap();
    keep("settings-yellow-full.pdf", &r.bytes);
    let set = colours(&r.bytes);
    assert!(
        set.contains(&(false, yellow)),
        "the yellow draws the rules and bars"
    );
    assert!(
        !set.contains(&(true, yellow)),
        "yellow text would not read on white"
    );
    let text = text_accent(yellow);
    assert!(
        set.contains(&(true, text)),
        "headings and labels use the darkened {text:?}"
    );
    // The cover band keeps the yellow as chosen, and the words on it print in a dark shade
    // of it that reads there: no white on yellow.
    let on_band = yellow.darkened_to(yellow, 4.5);
    assert!(
        set.contains(&(true, on_band)),
        "the cover's title prints in {on_band:?} on the yellow band"
    );
    // And so does the one-pager's header band.
    let r = render(
        &with_settings("", Some("#ffd700")),
        &options(Document::Roadmap),
    )
    .unwrap();
    keep("settings-yellow-roadmap.pdf", &r.bytes);
    let set = colours(&r.bytes);
    assert!(set.contains(&(false, yellow)) && set.contains(&(true, on_band)));
    assert!(!set.contains(&(true, yellow)));
}
