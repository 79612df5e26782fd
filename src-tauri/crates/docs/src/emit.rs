//! Turns laid-out pages into PDF bytes: page content streams written directly (see
//! [`content`]), fonts and document structure by printpdf, then the file finished with lopdf:
//! a nested outline, and a trailer ID derived from the content so the same input always
//! gives the same bytes.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lopdf::{Dictionary as LoDict, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, ColorArray, Destination, FontId, LinkAnnotation, Mm, Op, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem, WindingOrder,
};

use crate::content::{self, UsedGlyphs};
use crate::draw::{Draw, Rect};
use crate::fonts::{Face, Fonts};
use crate::DocsError;

/// One finished page: its size and everything on it (top-left coordinates).
#[derive(Debug, Clone, PartialEq)]
pub struct PageOut {
    pub width: f32,
    pub height: f32,
    pub draws: Vec<Draw>,
}

/// An entry of the PDF outline (bookmarks).
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub level: u8,
    pub title: String,
    /// 1-based page number.
    pub page: usize,
    /// Top of the heading, top-left coordinates.
    pub y: f32,
}

/// The document information dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct Info {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    pub date: NaiveDate,
}

pub struct Written {
    pub bytes: Vec<u8>,
    /// Characters no shipped font covers, with how often each occurred.
    pub missing: BTreeMap<char, usize>,
}

fn pdf_rect(r: Rect, height: f32) -> printpdf::Rect {
    printpdf::Rect {
        x: Pt(r.x),
        y: Pt(height - r.y - r.h),
        width: Pt(r.w),
        height: Pt(r.h),
        mode: None,
        winding_order: Some(WindingOrder::NonZero),
    }
}

/// The page's links, as printpdf annotations (everything drawn is in the content stream).
fn link_ops(page: &PageOut) -> Vec<Op> {
    page.draws
        .iter()
        .filter_map(|d| match d {
            Draw::Link { rect, page: target } => Some(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    pdf_rect(*rect, page.height),
                    Actions::Goto(Destination::Xyz {
                        page: *target,
                        left: None,
                        top: None,
                        zoom: None,
                    }),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    Some(ColorArray::Transparent),
                    None,
                ),
            }),
            _ => None,
        })
        .collect()
}

/// Text printpdf reads to know which glyphs of each face to keep in the embedded subset:
/// one character per used glyph, in glyph order. It is drawn on no page: every page's
/// content stream is replaced by the one [`content`] wrote.
fn glyph_inventory(used: &UsedGlyphs) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for face in Face::ALL {
        let text = used.text(face);
        if text.is_empty() {
            continue;
        }
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(FontId(face.resource_id().to_owned())),
            size: Pt(1.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text)],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Puts each page's own content stream in place of the one printpdf wrote.
fn replace_contents(lo: &mut lopdf::Document, contents: Vec<Stream>) -> Result<(), DocsError> {
    let pages = lo.get_pages();
    for (number, page) in (1u32..).zip(contents) {
        let id = pages
            .get(&number)
            .ok_or_else(|| DocsError::Pdf(format!("page {number} is missing")))?;
        let stream_id = lo
            .get_dictionary(*id)
            .and_then(|d| d.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(|e| DocsError::Pdf(e.to_string()))?;
        let mut dict = LoDict::new();
        if page.deflated {
            dict.set("Filter", "FlateDecode");
        }
        lo.objects.insert(
            stream_id,
            Object::Stream(lopdf::Stream::new(dict, page.bytes)),
        );
    }
    Ok(())
}

/// FNV-1a, for a stable document identifier.
fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn utf16_title(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    // A literal string: lopdf writes a hexadecimal one a byte at a time through the
    // formatter, which cost more than everything else in the outline.
    Object::String(bytes, StringFormat::Literal)
}

fn add_outline(
    doc: &mut lopdf::Document,
    outline: &[OutlineEntry],
    heights: &[f32],
) -> Result<(), DocsError> {
    if outline.is_empty() {
        return Ok(());
    }
    let pages = doc.get_pages();
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = outline.iter().map(|_| doc.new_object_id()).collect();
    // Parent of each entry: the nearest earlier entry of a lower level.
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(outline.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in outline.iter().enumerate() {
        while stack.last().is_some_and(|&p| outline[p].level >= e.level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..outline.len()).filter(|&i| parent[i] == p).collect()
    };
    let mut descendants = vec![0i64; outline.len()];
    for i in (0..outline.len()).rev() {
        if let Some(p) = parent[i] {
            descendants[p] += 1 + descendants[i];
        }
    }
    for (i, e) in outline.iter().enumerate() {
        let siblings = children(parent[i]);
        let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let mut d = LoDict::new();
        d.set("Title", utf16_title(&e.title));
        d.set(
            "Parent",
            Object::Reference(parent[i].map_or(root, |p| ids[p])),
        );
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(&n) = siblings.get(pos + 1) {
            d.set("Next", Object::Reference(ids[n]));
        }
        let kids = children(Some(i));
        if let (Some(&f), Some(&l)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[f]));
            d.set("Last", Object::Reference(ids[l]));
            d.set("Count", Object::Integer(descendants[i]));
        }
        if let Some(page_id) = u32::try_from(e.page).ok().and_then(|p| pages.get(&p)) {
            let h = heights
                .get(e.page.saturating_sub(1))
                .copied()
                .unwrap_or(0.0);
            d.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(*page_id),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(h - e.y + 12.0),
                    Object::Null,
                ]),
            );
        }
        doc.objects.insert(ids[i], Object::Dictionary(d));
    }
    let top = children(None);
    let mut r = LoDict::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(&f), Some(&l)) = (top.first(), top.last()) {
        r.set("First", Object::Reference(ids[f]));
        r.set("Last", Object::Reference(ids[l]));
    }
    r.set("Count", Object::Integer(outline.len() as i64));
    doc.objects.insert(root, Object::Dictionary(r));
    let catalog = doc
        .catalog_mut()
        .map_err(|e| DocsError::Pdf(e.to_string()))?;
    catalog.set("Outlines", Object::Reference(root));
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    Ok(())
}

fn timestamp(date: NaiveDate) -> Result<printpdf::OffsetDateTime, DocsError> {
    let secs = date
        .and_hms_opt(12, 0, 0)
        .map(|d| d.and_utc().timestamp())
        .unwrap_or(0);
    printpdf::OffsetDateTime::from_unix_timestamp(secs).map_err(|e| DocsError::Pdf(e.to_owned()))
}

/// Writes the pages as a PDF.
pub fn write(
    fonts: &Fonts,
    pages: &[PageOut],
    outline: &[OutlineEntry],
    info: &Info,
) -> Result<Written, DocsError> {
    let mut missing = BTreeMap::new();
    let mut doc = PdfDocument::new(&info.title);
    for face in Face::ALL {
        doc.resources.fonts.map.insert(
            FontId(face.resource_id().to_owned()),
            PdfFont::new(fonts.parsed(face).clone()),
        );
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, MAX_THREADS);
    let (contents, used) = page_contents(fonts, pages, threads, &mut missing)?;
    let streams = finish_streams(contents, &used, threads)?;
    let mut fingerprint = 0u64;
    for s in &streams {
        fingerprint = fnv1a(&s.hash.to_le_bytes(), fingerprint);
    }
    let mut pdf_pages = Vec::with_capacity(pages.len());
    for (i, p) in pages.iter().enumerate() {
        let mut ops = link_ops(p);
        if i == 0 {
            ops.extend(glyph_inventory(&used));
        }
        let mut page = PdfPage::new(Mm(p.width * 25.4 / 72.0), Mm(p.height * 25.4 / 72.0), ops);
        let media = printpdf::Rect::from_wh(Pt(p.width), Pt(p.height));
        page.media_box = media.clone();
        page.trim_box = media.clone();
        page.crop_box = media;
        pdf_pages.push(page);
    }
    let when = timestamp(info.date)?;
    let id_a = fnv1a(info.title.as_bytes(), fingerprint);
    let id_b = fnv1a(info.author.as_bytes(), id_a);
    let identifier = format!("{id_a:016x}{id_b:016x}");
    {
        let i = &mut doc.metadata.info;
        i.document_title = info.title.clone();
        i.author = info.author.clone();
        i.subject = info.subject.clone();
        i.keywords = info.keywords.clone();
        i.creator = "Groundwork".to_owned();
        i.producer = "Groundwork".to_owned();
        i.creation_date = when;
        i.modification_date = when;
        i.metadata_date = when;
        i.identifier = identifier.clone();
    }
    doc.with_pages(pdf_pages);
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    let heights: Vec<f32> = pages.iter().map(|p| p.height).collect();
    replace_contents(&mut lo, streams)?;
    add_outline(&mut lo, outline, &heights)?;
    let id = Object::String(identifier.into_bytes(), StringFormat::Literal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    compress_streams(&mut lo)?;
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| DocsError::Pdf(e.to_string()))?;
    Ok(Written { bytes, missing })
}

/// At most this many threads write and deflate the pages.
const MAX_THREADS: usize = 4;

/// A page's finished content stream.
struct Stream {
    bytes: Vec<u8>,
    deflated: bool,
    /// FNV-1a of the content before deflating.
    hash: u64,
}

/// Splits `weights` into at most `parts` consecutive ranges of about equal total weight.
fn split(
    weights: impl Iterator<Item = usize> + Clone,
    parts: usize,
) -> Vec<std::ops::Range<usize>> {
    let total: usize = weights.clone().sum();
    let share = total.div_ceil(parts.max(1)).max(1);
    let mut ranges = Vec::with_capacity(parts);
    let (mut start, mut sum, mut count) = (0, 0, 0);
    for w in weights {
        sum += w;
        count += 1;
        if sum >= share * (ranges.len() + 1) && ranges.len() + 1 < parts {
            ranges.push(start..count);
            start = count;
        }
    }
    if start < count || ranges.is_empty() {
        ranges.push(start..count);
    }
    ranges
}

/// Runs `work` on each chunk on its own thread and returns the results in order.
fn in_parallel<C: Send, T: Send>(
    chunks: Vec<C>,
    work: impl Fn(C) -> T + Sync,
) -> Result<Vec<T>, DocsError> {
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || work(chunk)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .map_err(|_| DocsError::Pdf("a page could not be written".to_owned()))
            })
            .collect()
    })
}

/// Writes every page's content stream, consecutive pages on each thread, and the glyphs they
/// use. Merged in page order, the result is the same whatever the number of threads.
fn page_contents(
    fonts: &Fonts,
    pages: &[PageOut],
    threads: usize,
    missing: &mut BTreeMap<char, usize>,
) -> Result<(Vec<content::PageContent>, UsedGlyphs), DocsError> {
    let chunks: Vec<&[PageOut]> = split(pages.iter().map(|p| p.draws.len()), threads)
        .into_iter()
        .filter_map(|r| pages.get(r))
        .collect();
    let parts = in_parallel(chunks, |part| {
        let mut used = UsedGlyphs::new();
        let mut missing = BTreeMap::new();
        let contents: Vec<content::PageContent> = part
            .iter()
            .map(|p| content::page(fonts, p.height, &p.draws, &mut used, &mut missing))
            .collect();
        (contents, used, missing)
    })?;
    let mut all = Vec::with_capacity(pages.len());
    let mut used: Option<UsedGlyphs> = None;
    for (contents, part_used, part_missing) in parts {
        all.extend(contents);
        match used.as_mut() {
            Some(u) => u.merge(&part_used),
            None => used = Some(part_used),
        }
        for (c, n) in part_missing {
            *missing.entry(c).or_insert(0) += n;
        }
    }
    Ok((all, used.unwrap_or_else(UsedGlyphs::new)))
}

/// Renumbers the pages' glyph ids to the subset fonts and deflates each page, consecutive
/// pages on each thread. Every stream is deflated on its own, so the bytes do not depend on
/// the number of threads.
fn finish_streams(
    contents: Vec<content::PageContent>,
    used: &UsedGlyphs,
    threads: usize,
) -> Result<Vec<Stream>, DocsError> {
    let renumbering = used.renumbering();
    let ranges = split(contents.iter().map(|c| c.bytes.len()), threads);
    let mut rest = contents.into_iter();
    let chunks: Vec<Vec<content::PageContent>> = ranges
        .into_iter()
        .map(|r| rest.by_ref().take(r.len()).collect())
        .collect();
    let parts = in_parallel(chunks, |part| {
        let mut deflate = flate2::Compress::new(COMPRESSION, true);
        part.into_iter()
            .map(|mut page| {
                page.renumber(&renumbering);
                let hash = fnv1a(&page.bytes, 0);
                Ok(match deflated(&mut deflate, &page.bytes)? {
                    Some(bytes) => Stream {
                        bytes,
                        deflated: true,
                        hash,
                    },
                    None => Stream {
                        bytes: page.bytes,
                        deflated: false,
                        hash,
                    },
                })
            })
            .collect::<Result<Vec<Stream>, DocsError>>()
    })?;
    let mut streams = Vec::new();
    for part in parts {
        streams.extend(part?);
    }
    Ok(streams)
}

/// `data` deflated, or `None` when that would not make it smaller. The compressor is reset
/// first: setting one up costs more than deflating a short page.
fn deflated(deflate: &mut flate2::Compress, data: &[u8]) -> Result<Option<Vec<u8>>, DocsError> {
    deflate.reset();
    let mut compressed = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let consumed = usize::try_from(deflate.total_in()).unwrap_or(usize::MAX);
        let input = data.get(consumed..).unwrap_or_default();
        let status = deflate
            .compress_vec(input, &mut compressed, flate2::FlushCompress::Finish)
            .map_err(|e| DocsError::Pdf(e.to_string()))?;
        if status == flate2::Status::StreamEnd {
            break;
        }
        // Out of room: grow and go on.
        compressed.reserve(compressed.capacity().max(1024));
    }
    Ok((compressed.len() < data.len()).then_some(compressed))
}

/// Deflates every other stream that is not compressed yet (fonts, character maps), with one
/// compressor. lopdf's own `compress` uses the slowest level.
fn compress_streams(lo: &mut lopdf::Document) -> Result<(), DocsError> {
    let mut deflate = flate2::Compress::new(COMPRESSION, true);
    for object in lo.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() || !stream.allows_compression {
            continue;
        }
        if let Some(compressed) = deflated(&mut deflate, &stream.content)? {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// Deflate level for every stream, chosen by measurement (docs/performance.md).
const COMPRESSION: flate2::Compression = flate2::Compression::new(6);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::{Align, Rgb, Weight};

    fn text_page(text: &str) -> PageOut {
        PageOut {
            width: 595.0,
            height: 842.0,
            draws: vec![Draw::Text {
                x: 10.0,
                y: 20.0,
                size: 12.0,
                weight: Weight::Regular,
                color: Rgb(0, 0, 0),
                align: Align::Left,
                text: text.to_owned(),
            }],
        }
    }

    #[test]
    fn split_gives_consecutive_ranges_of_about_equal_weight() {
        let ranges = split([5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1].into_iter(), 2);
        assert_eq!(ranges, vec![0..3, 3..12]);
        assert_eq!(split([1, 1, 1].into_iter(), 8), vec![0..1, 1..2, 2..3]);
        assert_eq!(split(std::iter::empty(), 2), vec![0..0]);
        assert_eq!(split([0, 0].into_iter(), 1), vec![0..2]);
    }

    #[test]
    fn pages_are_written_the_same_on_any_number_of_threads() {
        let fonts = crate::fonts::shipped().unwrap();
        // 'Ω' (U+03A9) and the ohm sign (U+2126) may share a glyph: the first one drawn is
        // the one the font's character map records, whichever thread drew it.
        let texts = [
            "zebra Ω",
            "apple",
            "社区",
            "Ω \u{2126} \u{1F9EA}",
            "kiwi",
            "\u{1F9EA}",
            "quince",
        ];
        let pages: Vec<PageOut> = texts.iter().map(|t| text_page(t)).collect();
        let written = |threads: usize| {
            let mut missing = BTreeMap::new();
            let (contents, used) = page_contents(fonts, &pages, threads, &mut missing).unwrap();
            let faces: Vec<String> = Face::ALL.iter().map(|f| used.text(*f)).collect();
            let streams = finish_streams(contents, &used, threads).unwrap();
            let bytes: Vec<(Vec<u8>, bool, u64)> = streams
                .into_iter()
                .map(|s| (s.bytes, s.deflated, s.hash))
                .collect();
            (bytes, faces, missing)
        };
        let one = written(1);
        assert_eq!(one.2.get(&'\u{1F9EA}'), Some(&2));
        for threads in 2..=5 {
            assert_eq!(written(threads), one, "{threads} threads");
        }
    }
}
