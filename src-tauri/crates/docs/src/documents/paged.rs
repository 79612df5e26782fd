//! Documents that run over many pages: the full strategy, the crisis playbook and the audit
//! workbook. Cover, contents, then each section starting on a new page.

use crate::documents::{chrome, cover, toc, Composed, Context};
use crate::emit::{OutlineEntry, PageOut};
use crate::layout::blocks::{items, Frame};
use crate::layout::flow::{paginate, Flowed, PlacedAnchor};
use crate::layout::{Anchor, Block};
use crate::parallel;
use crate::sections::{self, summary, Section};
use crate::style::{Orientation, PageGeometry};

/// Blocks laid out by one thread at a time: enough to outweigh taking the next batch, few
/// enough to share a long section's tables and paragraphs between threads.
const BLOCKS_PER_BATCH: usize = 16;

pub fn compose(ctx: &Context<'_>) -> Composed {
    let geo = PageGeometry::new(ctx.options.paper, Orientation::Portrait);
    let frame = Frame {
        width: geo.content_width(),
        max_height: geo.content_height(),
    };

    // Sections are built on a few threads, then their blocks laid out into rows, a few
    // blocks at a time (each block becomes rows on its own), and put together in order.
    let threads = parallel::threads();
    // A section with nothing in it yet gets no page, only a line in the contents; its
    // warnings still tell the strategist it is empty.
    let selected = sections::selected(ctx.options);
    let built = parallel::map(&selected, threads, |section| {
        sections::build(*section, ctx.workbook, ctx.document, ctx.date)
    });
    let plan: Vec<Option<&'static str>> = selected
        .iter()
        .map(|s| sections::collapsed(*s, ctx.workbook))
        .collect();
    // The executive summary is laid out last, on one page of its own: it names the pages
    // where the rest of the document goes on.
    let summary_first = selected.first() == Some(&Section::Summary) && plan[0].is_none();
    let lead = usize::from(summary_first);
    let mut blocks = Vec::new();
    let mut warnings = Vec::new();
    for (i, (section, collapsed)) in built.into_iter().zip(&plan).enumerate() {
        if collapsed.is_none() && i >= lead {
            if !blocks.is_empty() {
                blocks.push(Block::PageBreak);
            }
            blocks.extend(section.blocks);
        }
        warnings.extend(section.warnings);
    }
    let batches: Vec<&[Block]> = blocks.chunks(BLOCKS_PER_BATCH).collect();
    let rows: Vec<_> = parallel::map(&batches, threads, |batch| items(ctx.fonts, frame, batch))
        .into_iter()
        .flatten()
        .collect();
    let rest = if rows.is_empty() {
        Flowed::default()
    } else {
        paginate(&rows, &geo)
    };
    let summary_title = Section::Summary.title(ctx.document);
    let mut anchors: Vec<PlacedAnchor> = Vec::with_capacity(rest.anchors.len() + 1);
    if summary_first {
        anchors.push(PlacedAnchor {
            anchor: Anchor {
                level: 1,
                title: summary_title.to_owned(),
            },
            page: 0,
            y: geo.content_top(),
        });
    }
    anchors.extend(rest.anchors.iter().map(|a| PlacedAnchor {
        page: a.page + lead,
        ..a.clone()
    }));

    // Contents: lay out once to learn how many pages they take, then with real numbers.
    let listed: Vec<&PlacedAnchor> = anchors.iter().filter(|a| a.anchor.level <= 2).collect();
    // Each section laid out starts with its one level-1 heading: the collapsed ones go
    // between them, in reading order.
    let entries = |offset: usize| -> Vec<toc::Entry> {
        let mut out = Vec::with_capacity(listed.len() + plan.len());
        let mut rest = listed.iter().copied().peekable();
        let placed = |a: &PlacedAnchor| toc::Entry {
            level: a.anchor.level,
            title: a.anchor.title.clone(),
            at: toc::At::Page(offset + a.page + 1),
        };
        for (section, collapsed) in selected.iter().zip(&plan) {
            match collapsed {
                Some(note) => out.push(toc::Entry {
                    level: 1,
                    title: section.title(ctx.document).to_owned(),
                    at: toc::At::Nowhere(note),
                }),
                None => {
                    if let Some(a) = rest.next() {
                        out.push(placed(a));
                    }
                    while let Some(a) = rest.next_if(|a| a.anchor.level > 1) {
                        out.push(placed(a));
                    }
                }
            }
        }
        out.extend(rest.map(placed));
        out
    };
    let toc_pages = toc::pages(ctx, &geo, &entries(0)).pages.len();
    let offset = 1 + toc_pages;
    let contents = toc::pages(ctx, &geo, &entries(offset));

    let content = if summary_first {
        // The page each section laid out starts on: its level-1 heading's.
        let starts = selected
            .iter()
            .zip(&plan)
            .filter(|(_, c)| c.is_none())
            .map(|(s, _)| *s)
            .zip(anchors.iter().filter(|a| a.anchor.level <= 1))
            .map(|(s, a)| (s, offset + a.page + 1))
            .collect();
        let mut summary = summary_page(ctx, &geo, frame, &summary::Pages(starts));
        summary.pages.extend(rest.pages);
        summary.anchors.extend(anchors.into_iter().skip(1));
        summary
    } else {
        rest
    };

    let total = 1 + contents.pages.len() + content.pages.len();
    let mut pages = Vec::with_capacity(total);
    pages.push(PageOut {
        width: geo.width,
        height: geo.height,
        draws: cover::draws(ctx, &geo),
    });
    for p in contents.pages.into_iter().chain(content.pages) {
        let n = pages.len() + 1;
        let mut draws = p.draws;
        draws.extend(chrome::draws(ctx, &geo, n, total));
        pages.push(PageOut {
            width: geo.width,
            height: geo.height,
            draws,
        });
    }

    let mut outline: Vec<OutlineEntry> = contents
        .anchors
        .iter()
        .map(|a| OutlineEntry {
            level: 1,
            title: a.anchor.title.clone(),
            page: 2 + a.page,
            y: a.y,
        })
        .collect();
    outline.extend(content.anchors.iter().map(|a| OutlineEntry {
        level: a.anchor.level,
        title: a.anchor.title.clone(),
        page: offset + a.page + 1,
        y: a.y,
    }));
    Composed {
        pages,
        outline,
        info: ctx.info(),
        warnings,
    }
}

/// The executive summary with as much detail as fits one page. The least detail only counts
/// each list and names nothing typed, so it fits; were it not to, the page's overflow would be
/// left out.
fn summary_page(
    ctx: &Context<'_>,
    geo: &PageGeometry,
    frame: Frame,
    pages: &summary::Pages,
) -> Flowed {
    let mut last = Flowed::default();
    let facts = summary::Facts::of(ctx.workbook, ctx.date);
    for level in 0..summary::LEVELS {
        let mut blocks = vec![Block::Heading {
            level: 1,
            text: Section::Summary.title(ctx.document).to_owned(),
        }];
        blocks.extend(summary::build(ctx.workbook, &facts, ctx.date, pages, level).blocks);
        let flowed = paginate(&items(ctx.fonts, frame, &blocks), geo);
        if flowed.pages.len() <= 1 {
            return flowed;
        }
        last = flowed;
    }
    last.pages.truncate(1);
    last.anchors.retain(|a| a.page == 0);
    last
}
