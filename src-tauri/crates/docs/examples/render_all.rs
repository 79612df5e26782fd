//! Writes every document and the chart showcase to a folder, with timings and sizes:
//! `cargo run --release -p groundwork-docs --example render_all -- /tmp/out [purpose-chars]`.

use std::time::Instant;

use chrono::{TimeZone, Utc};
use groundwork_core::documents::{Document, ExportOptions, Paper};
use groundwork_core::profile::Profile;
use groundwork_core::workbook::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir =
        std::path::PathBuf::from(args.next().unwrap_or_else(|| "/tmp/groundwork-docs".into()));
    let purpose_chars: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2_000);
    std::fs::create_dir_all(&dir)?;
    let sentence = "Our community helps makers help each other: Κοινότητα, Сообщество, 社区战略. ";
    let purpose: String = sentence.chars().cycle().take(purpose_chars).collect();
    let wb = Workbook {
        profile: Profile {
            name: "Northwind Makers".into(),
            organisation: "Northwind Trading Co.".into(),
            community_name: "Makers Hub".into(),
            strategist: "Ana Souza".into(),
            purpose,
            created_at: Utc
                .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
                .single()
                .ok_or("date")?,
            updated_at: Utc
                .with_ymd_and_hms(2026, 3, 16, 14, 32, 0)
                .single()
                .ok_or("date")?,
        },
        audit: Default::default(),
        stakeholders: Default::default(),
        crisis: Default::default(),
        goals: Default::default(),
        roadmap: Default::default(),
        dismissals: Vec::new(),
        documents: Default::default(),
        logo: None,
    };
    for paper in [Paper::A4, Paper::Letter] {
        for doc in Document::ALL {
            let mut o = ExportOptions::new(doc);
            o.paper = paper;
            let t = Instant::now();
            let r = groundwork_docs::render(&wb, &o)?;
            let name = format!("{}-{:?}.pdf", doc.slug(), paper).to_lowercase();
            std::fs::write(dir.join(&name), &r.bytes)?;
            println!(
                "{name}: {} pages, {} bytes, {:.3} s, {} warnings",
                r.page_count,
                r.bytes.len(),
                t.elapsed().as_secs_f64(),
                r.warnings.len()
            );
            for w in &r.warnings {
                println!("  {:?}: {}", w.kind, w.message);
            }
        }
    }
    std::fs::write(dir.join("charts.pdf"), groundwork_docs::chart_showcase()?)?;
    Ok(())
}
