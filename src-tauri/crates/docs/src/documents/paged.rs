//! Documents that run over many pages: the full strategy, the crisis playbook and the audit
//! workbook. Cover, contents, then each section starting on a new page.

use crate::documents::{chrome, cover, toc, Composed, Context};
use crate::emit::{OutlineEntry, PageOut};
use crate::layout::blocks::{items, Frame};
use crate::layout::flow::paginate;
use crate::layout::Block;
use crate::parallel;
use crate::sections;
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
    let built = parallel::map(&sections::selected(ctx.options), threads, |section| {
        sections::build(*section, ctx.workbook, ctx.document, ctx.date)
    });
    let mut blocks = Vec::new();
    let mut warnings = Vec::new();
    for (i, section) in built.into_iter().enumerate() {
        if i > 0 {
            blocks.push(Block::PageBreak);
        }
        blocks.extend(section.blocks);
        warnings.extend(section.warnings);
    }
    let batches: Vec<&[Block]> = blocks.chunks(BLOCKS_PER_BATCH).collect();
    let rows: Vec<_> = parallel::map(&batches, threads, |batch| items(ctx.fonts, frame, batch))
        .into_iter()
        .flatten()
        .collect();
    let content = paginate(&rows, &geo);

    // Contents: lay out once to learn how many pages they take, then with real numbers.
    let listed: Vec<_> = content
        .anchors
        .iter()
        .filter(|a| a.anchor.level <= 2)
        .collect();
    let entries = |offset: usize| -> Vec<toc::Entry> {
        listed
            .iter()
            .map(|a| toc::Entry {
                level: a.anchor.level,
                title: a.anchor.title.clone(),
                page: offset + a.page + 1,
            })
            .collect()
    };
    let toc_pages = toc::pages(ctx, &geo, &entries(0)).pages.len();
    let offset = 1 + toc_pages;
    let contents = toc::pages(ctx, &geo, &entries(offset));

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
