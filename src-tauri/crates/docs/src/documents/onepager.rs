//! The executive roadmap: one landscape page, always exactly one. Names and titles are printed
//! whole, never cut with an ellipsis: they wrap, the workbook's name steps its type down, and
//! the band grows for the longest. When there are more goals, KPIs, phases, owners or
//! initiatives than fit, the page says how many it leaves out and that the Community strategy
//! has them, and the export reports it as summarised.

use groundwork_core::documents::Document;
use groundwork_core::workbook::Step;

use crate::charts::{self, Timeline, TimelineBar};
use crate::documents::{Composed, Context};
use crate::draw::{Align, Draw, Rect, Rgb, Stroke, Weight};
use crate::emit::{OutlineEntry, PageOut};
use crate::fonts::Fonts;
use crate::sections::goals as goals_section;
use crate::sections::profile::long_date;
use crate::sections::roadmap as roadmap_section;
use crate::sections::{self, Section};
use crate::style::{self, Orientation, PageGeometry};
use crate::text::{clean_line, wrap, wrap_line};
use crate::{Warning, WarningKind};

const BAND: f32 = 100.0;
const FOOTER: f32 = 40.0;
/// The least the blocks above the timeline keep when it grows to name every initiative: their
/// headings and a few lines each.
const UPPER_LEAST: f32 = 150.0;
/// The height of a line of small print under a block.
const NOTE_H: f32 = 12.0;

fn label(x: f32, y: f32, w: f32, text: &str, out: &mut Vec<Draw>) {
    out.push(Draw::text(
        x,
        y,
        style::SMALL_SIZE,
        Weight::Bold,
        style::ACCENT,
        &text.to_uppercase(),
    ));
    out.push(Draw::line(
        x,
        y + 5.0,
        x + w,
        y + 5.0,
        Stroke::solid(style::RULE, 0.5),
    ));
}

/// The sizes and line counts the workbook's name may take in the band, largest first; a name
/// longer than all of them takes as many lines of [`TITLE_SMALLEST`] as it needs.
const TITLE_STEPS: [(f32, usize); 7] = [
    (22.0, 1),
    (22.0, 2),
    (19.0, 2),
    (16.0, 3),
    (13.0, 3),
    (11.0, 4),
    (9.5, 6),
];
const TITLE_SMALLEST: f32 = 8.5;

/// The workbook's name wrapped in `width`: at the largest size it fits on one line, or two,
/// stepping the type down for a longer name. Nothing is cut: the longest names take more lines
/// and the band grows to hold them.
fn title_lines(f: &Fonts, name: &str, width: f32) -> (f32, Vec<String>) {
    for (size, max_lines) in TITLE_STEPS {
        let lines = wrap_line(f, name, Weight::Bold, size, width);
        if lines.len() <= max_lines {
            return (size, lines);
        }
    }
    (
        TITLE_SMALLEST,
        wrap_line(f, name, Weight::Bold, TITLE_SMALLEST, width),
    )
}

/// Wraps a one-line value to at most `max_lines`, stepping the type down to `min_size`; a value
/// longer than that takes as many lines of `min_size` as it needs. The lines and their size.
fn fit_lines(
    f: &Fonts,
    text: &str,
    weight: Weight,
    (size, min_size): (f32, f32),
    width: f32,
    max_lines: usize,
) -> (Vec<String>, f32) {
    let mut s = size;
    while s > min_size {
        let lines = wrap_line(f, text, weight, s, width);
        if lines.len() <= max_lines {
            return (lines, s);
        }
        s = (s - 0.5).max(min_size);
    }
    (wrap_line(f, text, weight, min_size, width), min_size)
}

/// Pushes `lines` of `size` from the baseline `first`, `leading` apart, aligned on `x`;
/// returns the last baseline.
fn lines_at(
    (x, first): (f32, f32),
    lines: &[String],
    (size, leading): (f32, f32),
    weight: Weight,
    colour: Rgb,
    align: Align,
    out: &mut Vec<Draw>,
) -> f32 {
    for (i, line) in lines.iter().enumerate() {
        out.push(Draw::text_aligned(
            x,
            first + i as f32 * leading,
            size,
            weight,
            colour,
            align,
            line,
        ));
    }
    first + lines.len().saturating_sub(1) as f32 * leading
}

/// The header band: the document's title and the workbook's name on the left, the
/// organisation, date and version and confidentiality on the right, all whole. The band is
/// [`BAND`] tall, or taller when a long name or organisation needs it; returns its height.
fn band(ctx: &Context<'_>, geo: &PageGeometry, out: &mut Vec<Draw>) -> f32 {
    let f = ctx.fonts;
    let right = geo.width - geo.margin_x;
    let mut text = Vec::new();
    // The organisation's logo at the left; the title and name start after it.
    let mut x = geo.margin_x;
    if let Some(logo) = &ctx.logo {
        let (plate_w, plate) = logo.on_plate((x, 20.0), (110.0, 44.0), 8.0, false);
        text.extend(plate);
        x += plate_w + 16.0;
    }
    text.push(Draw::text(
        x,
        34.0,
        style::SMALL_SIZE,
        Weight::Bold,
        style::ACCENT_TINT,
        &ctx.document.title().to_uppercase(),
    ));
    let (size, lines) = title_lines(
        f,
        &ctx.workbook_name(),
        geo.content_width() * 0.62 - (x - geo.margin_x),
    );
    // One line sits where it always has; more lines hang from under the document's title.
    let first = if lines.len() <= 1 {
        68.0
    } else {
        40.0 + size * 0.8
    };
    let left_end = lines_at(
        (x, first),
        &lines,
        (size, size * 1.12),
        Weight::Bold,
        style::WHITE,
        Align::Left,
        &mut text,
    );

    let p = &ctx.workbook.profile;
    let side_w = geo.content_width() * 0.33;
    let (org, org_size) = fit_lines(
        f,
        &clean_line(&p.organisation),
        Weight::Bold,
        (10.0, 7.5),
        side_w,
        2,
    );
    let org_leading = org_size + 2.0;
    // One or two lines end at the same baseline; more run on down, and the lines under them
    // move down with them.
    let org_first = 40.0 - org.len().clamp(1, 2).saturating_sub(1) as f32 * org_leading;
    let org_end = lines_at(
        (right, org_first),
        &org,
        (org_size, org_leading),
        Weight::Bold,
        style::WHITE,
        Align::Right,
        &mut text,
    );
    let shift = (org_end - 40.0).max(0.0);
    let meta = format!("{}  ·  {}", long_date(ctx.date), ctx.version());
    text.push(Draw::text_aligned(
        right,
        56.0 + shift,
        style::SMALL_SIZE + 0.5,
        Weight::Regular,
        style::ACCENT_TINT,
        Align::Right,
        &meta,
    ));
    let mut right_end = 56.0 + shift;
    let conf_text = clean_line(&ctx.options.confidentiality).to_uppercase();
    if !conf_text.is_empty() {
        let (conf, conf_size) = fit_lines(
            f,
            &conf_text,
            Weight::Bold,
            (style::SMALL_SIZE, 6.0),
            side_w,
            2,
        );
        right_end = lines_at(
            (right, 74.0 + shift),
            &conf,
            (conf_size, conf_size + 2.0),
            Weight::Bold,
            style::WHITE,
            Align::Right,
            &mut text,
        );
    }
    let height = BAND.max(left_end.max(right_end) + 14.0);
    out.push(Draw::fill(
        Rect::new(0.0, 0.0, geo.width, height),
        style::ACCENT,
    ));
    out.push(Draw::fill(
        Rect::new(0.0, height, geo.width, 3.0),
        style::ACCENT_DARK,
    ));
    out.extend(text);
    height
}

/// The profile column: community, strategist and as much of the purpose as fits. Returns
/// where the text ends.
fn profile(
    ctx: &Context<'_>,
    area: Rect,
    compact: bool,
    out: &mut Vec<Draw>,
    warnings: &mut Vec<Warning>,
) -> f32 {
    let f = ctx.fonts;
    let p = &ctx.workbook.profile;
    label(area.x, area.y + 8.0, area.w, "Purpose", out);
    let mut y = area.y + if compact { 20.0 } else { 26.0 };
    // Compact, the strategist is left to the footer and the community to the header's name.
    let who = if compact {
        Vec::new()
    } else {
        vec![
            ("Community", clean_line(&p.community_name)),
            ("Strategist", clean_line(&p.strategist)),
        ]
    };
    for (k, v) in who.iter().filter(|(_, v)| !v.is_empty()) {
        for line in wrap_line(
            f,
            &format!("{k}: {v}"),
            Weight::Bold,
            style::TABLE_SIZE,
            area.w,
        ) {
            out.push(Draw::text(
                area.x,
                y,
                style::TABLE_SIZE,
                Weight::Bold,
                style::INK,
                &line,
            ));
            y += 13.0;
        }
    }
    y += 4.0;
    let purpose = if p.purpose.trim().is_empty() {
        "No purpose written yet."
    } else {
        p.purpose.as_str()
    };
    let (lines, size, leading, cut) = purpose_lines(f, purpose, area.w, area.bottom() - y);
    for line in &lines {
        y += leading;
        out.push(Draw::text(
            area.x,
            y - 3.0,
            size,
            Weight::Regular,
            style::TEXT,
            line,
        ));
    }
    if cut {
        y += leading;
        out.push(Draw::text(
            area.x,
            y - 3.0,
            style::SMALL_SIZE,
            Weight::Regular,
            style::MUTED,
            "The whole purpose is in the Community strategy.",
        ));
        warnings.push(Warning::new(
            WarningKind::Summarised,
            "The purpose is too long for the one-page roadmap: it shows the first sentences, and the full text is in the Community strategy.",
            Some("profile"),
        ));
    }
    y
}

/// The purpose in `height` points: whole, stepping the type down a little if that makes it
/// fit; else its first sentences (or, when not even the first fits, its first lines) with room
/// kept for a line saying where the rest is. Returns the lines, their size and leading, and
/// whether text was left out. Never an ellipsis.
fn purpose_lines(
    f: &Fonts,
    purpose: &str,
    width: f32,
    height: f32,
) -> (Vec<String>, f32, f32, bool) {
    for size in [
        style::TABLE_SIZE + 0.5,
        style::TABLE_SIZE,
        style::SMALL_SIZE + 0.5,
    ] {
        let leading = size + 4.0;
        let room = (height / leading).floor().max(1.0) as usize;
        let lines = wrap(f, purpose, Weight::Regular, size, width);
        if lines.len() <= room {
            return (lines, size, leading, false);
        }
    }
    let size = style::TABLE_SIZE + 0.5;
    let leading = size + 4.0;
    let room = ((height / leading).floor() as usize)
        .saturating_sub(1)
        .max(1);
    let cleaned = clean_line(purpose);
    // Sentence ends: after ". ", "! ", "? " and their full-width forms.
    let mut best: Option<Vec<String>> = None;
    for (i, c) in cleaned.char_indices() {
        let end = i + c.len_utf8();
        let ends_sentence = matches!(c, '.' | '!' | '?') && cleaned[end..].starts_with(' ')
            || matches!(c, '。' | '！' | '？');
        if !ends_sentence {
            continue;
        }
        let lines = wrap_line(f, &cleaned[..end], Weight::Regular, size, width);
        if lines.len() > room {
            break;
        }
        best = Some(lines);
    }
    let lines = best.unwrap_or_else(|| {
        let mut lines = wrap_line(f, &cleaned, Weight::Regular, size, width);
        lines.truncate(room);
        lines
    });
    (lines, size, leading, true)
}

/// The KPIs that weigh most in the health figure, as many as fit, with the health figure.
fn headline_kpis(
    ctx: &Context<'_>,
    area: Rect,
    out: &mut Vec<Draw>,
    outline: &mut Vec<OutlineEntry>,
) {
    let goals = &ctx.workbook.goals;
    let reports = goals.reports(ctx.date);
    let mut order: Vec<usize> = (0..goals.kpis.len()).collect();
    order.sort_by(|a, b| {
        goals.kpis[*b]
            .weight
            .total_cmp(&goals.kpis[*a].weight)
            .then(a.cmp(b))
    });
    if area.w < 160.0 || area.h < 28.0 + charts::progress::STACKED_ROW {
        return;
    }
    let health = groundwork_core::goals::status::health(&goals.kpis, &reports);
    label(area.x, area.y + 8.0, area.w, "Headline KPIs", out);
    // The title, then the community health line under it, then the bars.
    let mut head = 28.0;
    if let Some(line) = goals_section::health_line(&health, ctx.date) {
        let lines = wrap_line(ctx.fonts, &line, Weight::Regular, style::SMALL_SIZE, area.w);
        for (i, l) in lines.iter().enumerate() {
            out.push(Draw::text(
                area.x,
                area.y + 21.0 + i as f32 * 9.0,
                style::SMALL_SIZE,
                Weight::Regular,
                style::MUTED,
                l,
            ));
        }
        head += lines.len().saturating_sub(1) as f32 * 9.0;
    }
    outline.push(OutlineEntry {
        level: 1,
        title: "Headline KPIs".to_owned(),
        page: 1,
        y: area.y,
    });
    // As many of the weightiest KPIs as fit whole, names and figures wrapped; when some do
    // not fit, a line under them says how many.
    let bars: Vec<_> = order
        .iter()
        .map(|i| goals_section::bar(&goals.kpis[*i], &reports[*i]))
        .collect();
    let heights: Vec<f32> = bars
        .iter()
        .map(|b| charts::progress::stacked_height(ctx.fonts, b, area.w))
        .collect();
    let room = area.h - head;
    let (mut shown, mut used) = fitting(&heights, room);
    if shown < bars.len() {
        (shown, used) = fitting(&heights, room - NOTE_H);
        more_line(
            area,
            area.y + head + used + 8.0,
            &more_elsewhere(bars.len() - shown, "KPI", "KPIs"),
            out,
        );
    }
    out.extend(charts::progress::draw_kpis_stacked(
        ctx.fonts,
        &charts::KpiBars {
            items: bars.into_iter().take(shown).collect(),
        },
        Rect::new(area.x, area.y + head, area.w, used),
    ));
}

/// How many of `heights`, from the first, fit in `room`, and the height they take.
fn fitting(heights: &[f32], room: f32) -> (usize, f32) {
    let mut used = 0.0;
    for (n, h) in heights.iter().enumerate() {
        if used + h > room {
            return (n, used);
        }
        used += h;
    }
    (heights.len(), used)
}

pub fn compose(ctx: &Context<'_>) -> Composed {
    let geo = PageGeometry::new(ctx.options.paper, Orientation::Landscape);
    let mut draws = Vec::new();
    let mut warnings = Vec::new();
    let mut outline = Vec::new();
    let band_h = band(ctx, &geo, &mut draws);

    let selected = sections::selected(ctx.options);
    for s in &selected {
        warnings.extend(sections::build(*s, ctx.workbook, ctx.document, ctx.date).warnings);
    }
    let x = geo.margin_x;
    let width = geo.content_width();
    let top = band_h + 22.0;
    let bottom = geo.height - FOOTER - 14.0;
    let show_roadmap = selected.contains(&Section::Step(Step::Roadmap));
    let show_goals = selected.contains(&Section::Step(Step::Goals));
    let show_profile = selected.contains(&Section::Profile);
    // The timeline needs room for its rows (up to half the page, or more when that lets it
    // name every initiative); the blocks above take what is left, and the timeline then starts
    // under them and uses the rest of the page.
    let most = ((bottom - top) * 0.5).min(230.0);
    let widest = (bottom - top - 30.0 - UPPER_LEAST).max(most);
    // The initiatives in time order, sorted once for every layout of the timeline.
    let ordered = if show_roadmap {
        ctx.workbook.roadmap.in_time_order()
    } else {
        Vec::new()
    };
    let chart = show_roadmap.then(|| {
        let planned = timeline(ctx, Rect::new(x, 0.0, width, most - 4.0), &ordered);
        if planned.1.is_some() {
            let taller = timeline(ctx, Rect::new(x, 0.0, width, widest - 4.0), &ordered);
            if taller.1.is_none() {
                return (taller, widest);
            }
        }
        (planned, most)
    });
    let needed = chart.as_ref().map_or(0.0, |((t, _), cap)| {
        (charts::timeline::natural_height(ctx.fonts, t, width) + 4.0).clamp(most.min(130.0), *cap)
    });
    let upper_bottom = if show_roadmap {
        bottom - needed - 30.0
    } else {
        bottom
    };

    // Up to three columns: purpose and goals, headline KPIs, budget and owners.
    let show_kpis = show_goals && !ctx.workbook.goals.kpis.is_empty();
    let mut columns: Vec<Column> = Vec::new();
    if show_profile || show_goals {
        columns.push(Column::PurposeAndGoals);
    }
    if show_kpis {
        columns.push(Column::Kpis);
    }
    if show_roadmap {
        columns.push(Column::BudgetAndOwners);
    }
    let gap = 24.0;
    let col_w = (width - gap * (columns.len().max(1) as f32 - 1.0)) / columns.len().max(1) as f32;
    let mut upper = Vec::new();
    for (n, column) in columns.iter().enumerate() {
        let area = Rect::new(x + n as f32 * (col_w + gap), top, col_w, upper_bottom - top);
        match column {
            Column::PurposeAndGoals => purpose_and_goals(
                ctx,
                area,
                show_profile,
                show_goals,
                &mut upper,
                &mut warnings,
                &mut outline,
            ),
            Column::Kpis => headline_kpis(ctx, area, &mut upper, &mut outline),
            Column::BudgetAndOwners => {
                budget_and_owners(ctx, area, &mut upper, &mut warnings, &mut outline);
            }
        }
    }
    let used = lowest(&upper).max(top);
    draws.extend(upper);
    if let Some(((mut chart, mut summarised), _)) = chart {
        let t_top = (used + 36.0).min(bottom - needed);
        let timeline_h = bottom - t_top;
        let mut area = Rect::new(x, t_top + 4.0, width, timeline_h - 4.0);
        if summarised.is_some() {
            // More room than was planned for may hold every initiative after all.
            (chart, summarised) = timeline(ctx, area, &ordered);
        }
        label(
            x,
            t_top - 12.0,
            width,
            Section::Step(Step::Roadmap).title(ctx.document),
            &mut draws,
        );
        outline.push(OutlineEntry {
            level: 1,
            title: "Roadmap".to_owned(),
            page: 1,
            y: t_top - 24.0,
        });
        let mut notes = Vec::new();
        if let Some((summary, dated)) = summarised {
            // The page says what the bars stand for.
            let what = match summary {
                Summary::PerGoal => "Each bar spans a goal's initiatives",
                Summary::All => "The bar spans them all",
            };
            notes.push(format!(
                "This page cannot name all {dated} dated initiatives. {what}; every initiative is in the {}.",
                Document::Full.title()
            ));
            warnings.push(Warning::new(
                WarningKind::Summarised,
                format!("The roadmap's {dated} dated initiatives do not fit the one-page roadmap with their whole names: its timeline shows {}, from the first start to the last end. Every initiative is in the {}.", if summary == Summary::PerGoal { "one bar per goal" } else { "one bar for them all" }, Document::Full.title()),
                Some("roadmap"),
            ));
        }
        // Initiatives with no dates have no place on the timeline: the page counts them.
        let undated = ordered
            .iter()
            .filter(|i| !i.milestone && i.dates().is_none())
            .count();
        if undated > 0 {
            notes.push(format!(
                "{undated} {} not dated yet {} in the {}.",
                if undated == 1 {
                    "initiative"
                } else {
                    "initiatives"
                },
                if undated == 1 { "is" } else { "are" },
                Document::Full.title()
            ));
        }
        if !notes.is_empty() {
            area.h -= NOTE_H;
            more_line(
                area,
                area.bottom() + NOTE_H - 2.0,
                &notes.join(" "),
                &mut draws,
            );
        }
        draws.extend(charts::timeline::draw(ctx.fonts, &chart, area));
    }
    // Footer.
    let fy = geo.height - FOOTER + 16.0;
    draws.push(Draw::line(
        x,
        fy - 13.0,
        x + width,
        fy - 13.0,
        Stroke::solid(style::RULE, 0.5),
    ));
    let who = clean_line(&ctx.workbook.profile.strategist);
    let prepared = if who.is_empty() {
        "Prepared with Groundwork".to_owned()
    } else {
        format!("Prepared by {who} with Groundwork")
    };
    // A long name is set smaller, down to 5 points, rather than cut.
    let natural = ctx
        .fonts
        .width(&prepared, Weight::Regular, style::SMALL_SIZE);
    let prepared_size = if natural > width * 0.8 {
        (style::SMALL_SIZE * width * 0.8 / natural).max(5.0)
    } else {
        style::SMALL_SIZE
    };
    for (i, line) in wrap_line(
        ctx.fonts,
        &prepared,
        Weight::Regular,
        prepared_size,
        width * 0.8,
    )
    .iter()
    .enumerate()
    {
        draws.push(Draw::text(
            x,
            fy + i as f32 * (prepared_size + 1.5),
            prepared_size,
            Weight::Regular,
            style::MUTED,
            line,
        ));
    }
    draws.push(Draw::text_aligned(
        x + width,
        fy,
        style::SMALL_SIZE,
        Weight::Regular,
        style::MUTED,
        Align::Right,
        "Page 1 of 1",
    ));

    Composed {
        pages: vec![PageOut {
            width: geo.width,
            height: geo.height,
            draws,
        }],
        outline,
        info: ctx.info(),
        warnings,
    }
}

/// The lowest point `draws` reach on the page (a text's baseline plus its descent).
fn lowest(draws: &[Draw]) -> f32 {
    draws
        .iter()
        .map(|d| match d {
            Draw::Text { y, size, .. } => y + size * 0.25,
            Draw::Rect { rect, .. } | Draw::Link { rect, .. } | Draw::Logo { rect } => {
                rect.bottom()
            }
            Draw::Line { points, .. } | Draw::Polygon { points, .. } => {
                points.iter().map(|p| p.1).fold(f32::MIN, f32::max)
            }
        })
        .fold(f32::MIN, f32::max)
}

enum Column {
    PurposeAndGoals,
    Kpis,
    BudgetAndOwners,
}

const LINE: f32 = 12.5;

/// A row of a compact list: a name on the left, wrapped, a figure on the right.
struct ListRow {
    lines: Vec<String>,
    right: String,
    /// Where the text starts: after a bullet, or at the column's edge.
    indent: f32,
}

const BULLET_INDENT: f32 = 11.0;

impl ListRow {
    fn new(ctx: &Context<'_>, area: Rect, left: &str, right: String) -> Self {
        Self::wrapped(ctx, area, left, right, 0.0)
    }

    /// A bulleted row: the text hangs under its first line, clear of the bullet.
    fn bullet(ctx: &Context<'_>, area: Rect, left: &str, right: String) -> Self {
        let mut row = Self::wrapped(ctx, area, left, right, BULLET_INDENT);
        row.indent = BULLET_INDENT;
        row
    }

    fn wrapped(ctx: &Context<'_>, area: Rect, left: &str, right: String, indent: f32) -> Self {
        let f = ctx.fonts;
        let right_w = f.width(&right, Weight::Regular, style::TABLE_SIZE);
        let gap = if right.is_empty() { 0.0 } else { 10.0 };
        let lines = wrap_line(
            f,
            &clean_line(left),
            Weight::Regular,
            style::TABLE_SIZE,
            (area.w - indent - right_w - gap).max(20.0),
        );
        Self {
            lines,
            right,
            indent: 0.0,
        }
    }

    fn height(&self) -> f32 {
        self.lines.len().max(1) as f32 * LINE
    }

    /// Draws the row with its first baseline at `y`.
    fn draw(&self, area: Rect, y: f32, out: &mut Vec<Draw>) {
        if self.indent > 0.0 {
            out.push(Draw::text(
                area.x + 1.0,
                y,
                style::TABLE_SIZE,
                Weight::Regular,
                style::TEXT,
                "•",
            ));
        }
        for (i, line) in self.lines.iter().enumerate() {
            out.push(Draw::text(
                area.x + self.indent,
                y + i as f32 * LINE,
                style::TABLE_SIZE,
                Weight::Regular,
                style::TEXT,
                line,
            ));
        }
        out.push(Draw::text_aligned(
            area.right(),
            y,
            style::TABLE_SIZE,
            Weight::Regular,
            style::INK,
            Align::Right,
            &self.right,
        ));
    }
}

/// Draws as many `rows` as fit whole with baselines from `y` to `bottom`; when some do not
/// fit, keeps a line under them for saying how many more. Returns how many were drawn and the
/// baseline after them.
fn draw_list(
    rows: &[ListRow],
    area: Rect,
    y: f32,
    bottom: f32,
    out: &mut Vec<Draw>,
) -> (usize, f32) {
    let mut shown = 0;
    let mut at = y;
    for row in rows {
        if at + row.height() - LINE > bottom + 0.01 {
            break;
        }
        at += row.height();
        shown += 1;
    }
    if shown < rows.len() {
        while shown > 0
            && y + rows[..shown].iter().map(ListRow::height).sum::<f32>() > bottom + 0.01
        {
            shown -= 1;
        }
    }
    let mut at = y;
    for row in &rows[..shown] {
        row.draw(area, at, out);
        at += row.height();
    }
    (shown, at)
}

/// "and 3 more goals, all in the Community strategy": what a list that does not fit leaves out,
/// and where to find it.
fn more_elsewhere(n: usize, one: &str, many: &str) -> String {
    format!(
        "and {n} more {}, all in the {}",
        if n == 1 { one } else { many },
        Document::Full.title()
    )
}

fn more_line(area: Rect, y: f32, text: &str, out: &mut Vec<Draw>) {
    out.push(Draw::text(
        area.x,
        y,
        style::SMALL_SIZE,
        Weight::Regular,
        style::MUTED,
        text,
    ));
}

/// The purpose in a few lines, then every goal (as many as fit, then how many more).
fn purpose_and_goals(
    ctx: &Context<'_>,
    area: Rect,
    show_profile: bool,
    show_goals: bool,
    out: &mut Vec<Draw>,
    warnings: &mut Vec<Warning>,
    outline: &mut Vec<OutlineEntry>,
) {
    let goals = &ctx.workbook.goals.goals;
    let roadmap = &ctx.workbook.roadmap;
    let rows: Vec<ListRow> = goals
        .iter()
        .map(|g| {
            let n = roadmap
                .initiatives
                .iter()
                .filter(|i| i.goal_ids.contains(&g.id))
                .count();
            let right = if roadmap.initiatives.is_empty() {
                String::new()
            } else {
                format!("{n} {}", if n == 1 { "initiative" } else { "initiatives" })
            };
            ListRow::bullet(ctx, area, &g.title, right)
        })
        .collect();
    let mut y = area.y;
    if show_profile {
        outline.push(OutlineEntry {
            level: 1,
            title: Section::Profile.title(ctx.document).to_owned(),
            page: 1,
            y: area.y,
        });
        // The purpose leaves the goals the room they need, and takes the rest; it keeps at
        // least three lines when there are goals.
        let compact = show_goals && !goals.is_empty();
        let goals_h = 6.0 + 24.0 + rows.iter().map(ListRow::height).sum::<f32>();
        let purpose_h = if compact {
            (area.h - goals_h).max(26.0 + 3.0 * 13.0)
        } else {
            area.h
        };
        let end = profile(
            ctx,
            Rect::new(area.x, y, area.w, purpose_h),
            compact,
            out,
            warnings,
        );
        y = end + 10.0;
    }
    if !show_goals {
        return;
    }
    label(area.x, y + 8.0, area.w, "Goals", out);
    outline.push(OutlineEntry {
        level: 1,
        title: "Goals".to_owned(),
        page: 1,
        y,
    });
    y += 24.0;
    if goals.is_empty() {
        more_line(area, y, "No goals yet.", out);
        return;
    }
    let (shown, y) = draw_list(&rows, area, y, area.bottom(), out);
    if shown < goals.len() {
        let rest = goals.len() - shown;
        more_line(area, y, &more_elsewhere(rest, "goal", "goals"), out);
        warnings.push(Warning::new(
            WarningKind::Summarised,
            format!("The one-page roadmap names {shown} of the {} goals; every goal is in the Community strategy.", goals.len()),
            Some("goals"),
        ));
    }
}

/// "EUR 12.5k + USD 3k", or a dash when nothing is budgeted.
fn short(amounts: &[groundwork_core::roadmap::Money]) -> String {
    if amounts.is_empty() {
        "—".to_owned()
    } else {
        amounts
            .iter()
            .map(groundwork_core::roadmap::Money::short)
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// Budget by phase, then the owners with how many initiatives each carries.
fn budget_and_owners(
    ctx: &Context<'_>,
    area: Rect,
    out: &mut Vec<Draw>,
    warnings: &mut Vec<Warning>,
    outline: &mut Vec<OutlineEntry>,
) {
    let totals = roadmap_section::totals(ctx.workbook);
    let overall = short(&totals.overall);
    let title = if totals.overall.is_empty() {
        "Budget by phase".to_owned()
    } else {
        format!("Budget by phase · {overall}")
    };
    label(area.x, area.y + 8.0, area.w, &title, out);
    outline.push(OutlineEntry {
        level: 1,
        title: "Budget by phase".to_owned(),
        page: 1,
        y: area.y,
    });
    // The budget takes up to half the column; the owners the rest.
    let half = area.y + area.h * 0.5;
    let mut y = area.y + 24.0;
    let mut cut = Vec::new();
    if totals.by_phase.is_empty() {
        more_line(area, y, "No phases or initiatives yet.", out);
        y += LINE;
    }
    let rows: Vec<ListRow> = totals
        .by_phase
        .iter()
        .map(|t| ListRow::new(ctx, area, &t.label, short(&t.amounts)))
        .collect();
    let (shown, after) = draw_list(&rows, area, y, half, out);
    y = after;
    if shown < totals.by_phase.len() {
        more_line(
            area,
            y,
            &more_elsewhere(totals.by_phase.len() - shown, "phase", "phases"),
            out,
        );
        y += LINE;
        cut.push("phases");
    }

    y += 8.0;
    label(area.x, y + 8.0, area.w, "Owners", out);
    y += 24.0;
    let mut owners: Vec<_> = totals
        .by_owner
        .iter()
        .filter(|t| t.label != "No owner")
        .collect();
    owners.sort_by(|a, b| {
        b.initiatives
            .cmp(&a.initiatives)
            .then(a.label.cmp(&b.label))
    });
    if owners.is_empty() {
        more_line(area, y, "No owners named yet.", out);
    }
    let rows: Vec<ListRow> = owners
        .iter()
        .map(|t| {
            let n = t.initiatives;
            ListRow::new(
                ctx,
                area,
                &t.label,
                format!("{n} {}", if n == 1 { "initiative" } else { "initiatives" }),
            )
        })
        .collect();
    let (shown, after) = draw_list(&rows, area, y, area.bottom(), out);
    y = after;
    if shown < owners.len() {
        more_line(
            area,
            y,
            &more_elsewhere(owners.len() - shown, "owner", "owners"),
            out,
        );
        cut.push("owners");
    }
    if !cut.is_empty() {
        warnings.push(Warning::new(
            WarningKind::Summarised,
            format!(
                "The one-page roadmap lists the {} that fit; the budget tables in the Community strategy have them all.",
                cut.join(" and ")
            ),
            Some("roadmap"),
        ));
    }
}

/// How the timeline stands for initiatives it cannot name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Summary {
    /// One bar per goal, from its first initiative's start to its last one's end.
    PerGoal,
    /// One bar from the first start to the last end, when not even the goals' bars fit.
    All,
}

type Initiatives<'a> = [&'a groundwork_core::roadmap::Initiative];

/// The timeline for a chart drawn in `area`: every dated initiative when they fit with their
/// whole names, or else one bar per goal, or else one bar for them all; with the number of
/// dated initiatives the bars stand for when they are not named.
fn timeline(
    ctx: &Context<'_>,
    area: Rect,
    ordered: &Initiatives<'_>,
) -> (Timeline, Option<(Summary, usize)>) {
    let roadmap = &ctx.workbook.roadmap;
    let (start, end, phases) = roadmap_section::frame(roadmap, ctx.date);
    let (bars, milestones) = roadmap_section::bars_and_milestones(ordered);
    let mut chart = Timeline {
        start,
        end,
        today: Some(ctx.date),
        phases,
        bars,
        milestones,
    };
    if charts::timeline::bars_fit(ctx.fonts, &chart, area) {
        return (chart, None);
    }
    let dated: Vec<_> = ordered
        .iter()
        .copied()
        .filter(|i| !i.milestone && i.dates().is_some())
        .collect();
    chart.bars = per_goal(ctx, &dated);
    if charts::timeline::bars_fit(ctx.fonts, &chart, area) {
        return (chart, Some((Summary::PerGoal, dated.len())));
    }
    let n = dated.len();
    chart.bars = span_bar(format!("All {n} dated initiatives"), &dated)
        .into_iter()
        .collect();
    (chart, Some((Summary::All, n)))
}

/// One bar per goal (and one for the initiatives of no goal) over its dated initiatives.
fn per_goal(ctx: &Context<'_>, dated: &Initiatives<'_>) -> Vec<TimelineBar> {
    let goals = &ctx.workbook.goals.goals;
    let mut groups: Vec<(String, Vec<_>)> = goals
        .iter()
        .map(|g| {
            let list = dated
                .iter()
                .copied()
                .filter(|i| i.goal_ids.contains(&g.id))
                .collect();
            (clean_line(&g.title), list)
        })
        .collect();
    let no_goal = dated
        .iter()
        .copied()
        .filter(|i| {
            !i.goal_ids
                .iter()
                .any(|id| goals.iter().any(|g| g.id == *id))
        })
        .collect();
    groups.push(("No goal".to_owned(), no_goal));
    groups
        .into_iter()
        .filter_map(|(title, list)| {
            let n = list.len();
            span_bar(format!("{title} ({n})"), &list)
        })
        .collect()
}

/// A bar from the first start to the last end of `list`; `None` for an empty list.
fn span_bar(label: String, list: &Initiatives<'_>) -> Option<TimelineBar> {
    let dates: Vec<_> = list.iter().filter_map(|i| i.dates()).collect();
    Some(TimelineBar {
        label,
        start: dates.iter().map(|d| d.0).min()?,
        end: dates.iter().map(|d| d.1).max()?,
        id: uuid::Uuid::nil(),
        waits_for: Vec::new(),
    })
}
