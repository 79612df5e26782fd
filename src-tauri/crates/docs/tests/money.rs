//! Budgets print in their currency's own decimals: yen whole, Bahraini dinars to the
//! thousandth, euros to the cent, read back from the PDFs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod read_back;
use groundwork_core::documents::Document;
use groundwork_core::roadmap::{InitiativeStatus, Money};
use groundwork_core::workbook::Workbook;
use read_back::{example, keep, options, pdftotext, pdftotext_present};

/// The example workbook with its first three initiatives budgeted in yen, dinars and euros.
fn three_currencies() -> Workbook {
    let mut wb = example();
    let budgets = [(1_200, "JPY"), (12_500, "BHD"), (1_250_050, "EUR")];
    let mut open = wb
        .roadmap
        .initiatives
        .iter_mut()
        .filter(|i| i.status != InitiativeStatus::Parked);
    for (minor, currency) in budgets {
        open.next().unwrap().budget = Some(Money {
            minor,
            currency: currency.into(),
        });
    }
    wb
}

fn flat(text: &str) -> String {
    text.replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_strategy_prints_each_budget_in_its_currencys_decimals() {
    if !pdftotext_present() {
        return;
    }
    let wb = three_currencies();
    let r = groundwork_docs::render(&wb, &options(Document::Full)).unwrap();
    keep("money-full.pdf", &r.bytes);
    let t = flat(&pdftotext(&r.bytes, &[]));
    for amount in ["JPY 1,200", "BHD 12.500", "EUR 12,500.50"] {
        assert!(t.contains(amount), "“{amount}” is printed:\n{t}");
    }
    assert!(
        !t.contains("JPY 1,200.00") && !t.contains("JPY 12.00"),
        "{t}"
    );
    assert!(!t.contains("BHD 1,250"), "dinars are thousandths: {t}");
}

#[test]
fn the_one_pager_prints_budgets_by_currency() {
    if !pdftotext_present() {
        return;
    }
    let wb = three_currencies();
    let r = groundwork_docs::render(&wb, &options(Document::Roadmap)).unwrap();
    keep("money-roadmap.pdf", &r.bytes);
    let t = flat(&pdftotext(&r.bytes, &[]));
    assert!(
        t.contains("BHD 12 + JPY 1.2k"),
        "whole units in short, per currency: {t}"
    );
    assert!(t.contains("EUR 12.5k"), "{t}");
}
