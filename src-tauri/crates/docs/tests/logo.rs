//! The organisation's logo in the documents, read back with poppler: embedded once, shown on
//! the cover, in every page's running header and on the one-pager, drawn where it should be
//! (its pixels are on the rendered page), and a workbook without one, or with one that cannot
//! be read, prints without any image.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Cursor;
use std::process::Command;

use groundwork_core::document_settings::Logo;
use groundwork_core::documents::Document;
use groundwork_core::workbook::Workbook;
use groundwork_docs::{logo, render};

mod read_back;
use read_back::{example, keep, options, pdftotext_present};

/// A logo in a red no document otherwise uses: a 600 × 200 bar, its right third transparent.
fn red_logo() -> Logo {
    let picture = image::RgbaImage::from_fn(600, 200, |x, _| {
        if x < 400 {
            image::Rgba([220, 20, 60, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let mut png = Vec::new();
    image::DynamicImage::ImageRgba8(picture)
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    logo::prepare(&png, "crimson.png").unwrap()
}

fn with_logo(logo: Option<Logo>) -> Workbook {
    let mut wb = example();
    wb.logo = logo;
    wb
}

/// `pdfimages -list`: (page, type) of each image shown, in page order.
fn images(bytes: &[u8]) -> Vec<(usize, String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "pdfimages failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            (
                cols[0].parse().unwrap(),
                cols[2].to_owned(),
                format!("{}x{}", cols[3], cols[4]),
            )
        })
        .collect()
}

fn qpdf_accepts(bytes: &[u8]) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    match Command::new("qpdf").arg("--check").arg(&path).output() {
        Ok(out) => out.status.success(),
        // Without qpdf, poppler's reading is the check.
        Err(_) => true,
    }
}

/// Page `page` rendered at 36 dpi as RGB pixels: (width, height, pixels).
fn rendered_page(bytes: &[u8], page: usize) -> (usize, usize, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let n = page.to_string();
    let out = Command::new("pdftoppm")
        .args(["-r", "36", "-f", &n, "-l", &n])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftoppm failed");
    // A binary PPM: "P6\n<w> <h>\n255\n" and the pixels.
    let data = out.stdout;
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while data[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..at]).into_owned());
    }
    let (w, h) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, data[at + 1..].to_vec())
}

/// Where on the page (as fractions of its width and height) the logo's red shows: the box
/// around every red pixel, or `None` when there is none.
fn red_area(bytes: &[u8], page: usize) -> Option<(f32, f32, f32, f32)> {
    let (w, h, px) = rendered_page(bytes, page);
    let mut found: Option<(usize, usize, usize, usize)> = None;
    for (i, p) in px.chunks_exact(3).enumerate() {
        if p[0] > 180 && p[1] < 70 && p[2] > 30 && p[2] < 100 {
            let (x, y) = (i % w, i / w);
            found = Some(match found {
                None => (x, y, x, y),
                Some((a, b, c, d)) => (a.min(x), b.min(y), c.max(x), d.max(y)),
            });
        }
    }
    found.map(|(a, b, c, d)| {
        (
            a as f32 / w as f32,
            b as f32 / h as f32,
            c as f32 / w as f32,
            d as f32 / h as f32,
        )
    })
}

#[test]
fn the_logo_is_embedded_once_and_shown_on_the_cover_and_every_header() {
    if !pdftotext_present() {
        return;
    }
    let wb = with_logo(Some(red_logo()));
    let rendered = render(&wb, &options(Document::Full)).unwrap();
    keep("logo-full.pdf", &rendered.bytes);
    assert!(qpdf_accepts(&rendered.bytes));
    let shown = images(&rendered.bytes);
    let pages_with_logo: Vec<usize> = shown
        .iter()
        .filter(|(_, kind, _)| kind == "image")
        .map(|(page, _, _)| *page)
        .collect();
    assert_eq!(
        pages_with_logo,
        (1..=rendered.page_count).collect::<Vec<_>>(),
        "the cover and every page after it show the logo"
    );
    assert!(
        shown
            .iter()
            .all(|(_, kind, size)| (kind == "image" || kind == "smask") && size == "600x200"),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(|(_, kind, _)| kind == "smask"),
        "its transparency is kept"
    );
    // One image object for the whole document: the file grows by one logo, not one a page.
    let without = render(&with_logo(None), &options(Document::Full)).unwrap();
    let growth = rendered.bytes.len() - without.bytes.len();
    assert!(growth < 20_000, "the logo added {growth} bytes");

    // On the cover it is at the top right; in a running header at the top left.
    let (left, top, right, bottom) = red_area(&rendered.bytes, 1).unwrap();
    assert!(left > 0.6 && right < 0.95, "{left}..{right}");
    assert!(top > 0.03 && bottom < 0.15, "{top}..{bottom}");
    let (left, top, right, bottom) = red_area(&rendered.bytes, 3).unwrap();
    assert!(left < 0.15 && right < 0.3, "{left}..{right}");
    assert!(bottom < 0.1 && top > 0.0, "{top}..{bottom}");
    assert_eq!(red_area(&without.bytes, 1), None);
}

#[test]
fn every_document_shows_the_logo_and_stays_deterministic() {
    if !pdftotext_present() {
        return;
    }
    let wb = with_logo(Some(red_logo()));
    for document in [
        Document::Full,
        Document::Roadmap,
        Document::Crisis,
        Document::Audit,
    ] {
        let first = render(&wb, &options(document)).unwrap();
        let again = render(&wb, &options(document)).unwrap();
        assert_eq!(first.bytes, again.bytes, "{document:?}: the same bytes");
        assert!(qpdf_accepts(&first.bytes), "{document:?}");
        assert!(
            red_area(&first.bytes, 1).is_some(),
            "{document:?}: the logo is drawn on the first page"
        );
    }
    let onepager = render(&wb, &options(Document::Roadmap)).unwrap();
    keep("logo-roadmap.pdf", &onepager.bytes);
    let (left, top, _, bottom) = red_area(&onepager.bytes, 1).unwrap();
    assert!(
        left < 0.1 && top < 0.1 && bottom < 0.2,
        "in the header band, at the left"
    );
}

#[test]
fn without_a_readable_logo_the_documents_show_no_image() {
    if !pdftotext_present() {
        return;
    }
    let broken = Logo {
        png: b"edited by hand".to_vec(),
        width: 600,
        height: 200,
        file_name: "x.png".to_owned(),
    };
    for wb in [with_logo(None), with_logo(Some(broken))] {
        let rendered = render(&wb, &options(Document::Full)).unwrap();
        assert!(images(&rendered.bytes).is_empty());
        assert!(qpdf_accepts(&rendered.bytes));
    }
}

#[test]
fn an_svg_logo_prints_like_any_other() {
    if !pdftotext_present() {
        return;
    }
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100">
  <circle cx="50" cy="50" r="45" fill="#dc143c"/>
  <rect x="110" y="20" width="180" height="60" fill="#dc143c"/>
</svg>"##;
    let wb = with_logo(Some(logo::prepare(svg, "mark.svg").unwrap()));
    let rendered = render(&wb, &options(Document::Roadmap)).unwrap();
    keep("logo-svg-roadmap.pdf", &rendered.bytes);
    let shown = images(&rendered.bytes);
    assert!(
        shown.iter().any(|(_, _, size)| size == "1200x400"),
        "{shown:?}"
    );
    assert!(red_area(&rendered.bytes, 1).is_some());
}
