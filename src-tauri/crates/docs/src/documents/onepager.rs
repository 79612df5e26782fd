//! The executive roadmap: one landscape page, always exactly one. Whatever does not fit is
//! shortened and reported as summarised.

use groundwork_core::workbook::Step;

use crate::charts::{self, Chart, Timeline};
use crate::documents::{Composed, Context};
use crate::draw::{Align, Draw, Rect, Stroke, Weight};
use crate::emit::{OutlineEntry, PageOut};
use crate::sections::goals as goals_section;
use crate::sections::profile::long_date;
use crate::sections::{self, record_count, Section};
use crate::style::{self, Orientation, PageGeometry};
use crate::text::{clean_line, wrap_capped};
use crate::{Warning, WarningKind};

const BAND: f32 = 100.0;
const FOOTER: f32 = 40.0;

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

fn band(ctx: &Context<'_>, geo: &PageGeometry, out: &mut Vec<Draw>) {
    let f = ctx.fonts;
    let x = geo.margin_x;
    let right = geo.width - geo.margin_x;
    out.push(Draw::fill(
        Rect::new(0.0, 0.0, geo.width, BAND),
        style::ACCENT,
    ));
    out.push(Draw::fill(
        Rect::new(0.0, BAND, geo.width, 3.0),
        style::ACCENT_DARK,
    ));
    out.push(Draw::text(
        x,
        34.0,
        style::SMALL_SIZE,
        Weight::Bold,
        style::ACCENT_TINT,
        &ctx.document.title().to_uppercase(),
    ));
    let name = f.truncate(
        &ctx.workbook_name(),
        Weight::Bold,
        22.0,
        geo.content_width() * 0.62,
    );
    out.push(Draw::text(x, 68.0, 22.0, Weight::Bold, style::WHITE, &name));
    let p = &ctx.workbook.profile;
    let side_w = geo.content_width() * 0.33;
    let org = f.truncate(&clean_line(&p.organisation), Weight::Bold, 10.0, side_w);
    out.push(Draw::text_aligned(
        right,
        40.0,
        10.0,
        Weight::Bold,
        style::WHITE,
        Align::Right,
        &org,
    ));
    let meta = format!("{}  ·  {}", long_date(ctx.date), ctx.version());
    out.push(Draw::text_aligned(
        right,
        56.0,
        style::SMALL_SIZE + 0.5,
        Weight::Regular,
        style::ACCENT_TINT,
        Align::Right,
        &meta,
    ));
    let conf = f.truncate(
        &clean_line(&ctx.options.confidentiality).to_uppercase(),
        Weight::Bold,
        style::SMALL_SIZE,
        side_w,
    );
    if !conf.is_empty() {
        out.push(Draw::text_aligned(
            right,
            74.0,
            style::SMALL_SIZE,
            Weight::Bold,
            style::WHITE,
            Align::Right,
            &conf,
        ));
    }
}

/// The profile column: community, strategist and as much of the purpose as fits.
fn profile(ctx: &Context<'_>, area: Rect, out: &mut Vec<Draw>, warnings: &mut Vec<Warning>) {
    let f = ctx.fonts;
    let p = &ctx.workbook.profile;
    label(area.x, area.y + 8.0, area.w, "Purpose", out);
    let mut y = area.y + 26.0;
    let who = [
        ("Community", clean_line(&p.community_name)),
        ("Strategist", clean_line(&p.strategist)),
    ];
    for (k, v) in who.iter().filter(|(_, v)| !v.is_empty()) {
        let text = f.truncate(
            &format!("{k}: {v}"),
            Weight::Bold,
            style::TABLE_SIZE,
            area.w,
        );
        out.push(Draw::text(
            area.x,
            y,
            style::TABLE_SIZE,
            Weight::Bold,
            style::INK,
            &text,
        ));
        y += 13.0;
    }
    y += 4.0;
    let leading = 13.0;
    let max_lines = ((area.bottom() - y) / leading).floor().max(1.0) as usize;
    let purpose = if p.purpose.trim().is_empty() {
        "No purpose written yet."
    } else {
        p.purpose.as_str()
    };
    let (lines, cut) = wrap_capped(
        f,
        purpose,
        Weight::Regular,
        style::TABLE_SIZE + 0.5,
        area.w,
        max_lines,
    );
    for line in &lines {
        y += leading;
        out.push(Draw::text(
            area.x,
            y - 3.0,
            style::TABLE_SIZE + 0.5,
            Weight::Regular,
            style::TEXT,
            line,
        ));
    }
    if cut {
        warnings.push(Warning::new(
            WarningKind::Summarised,
            "The purpose is too long for the one-page roadmap: it shows the beginning, and the full text is in the Community strategy.",
            Some("profile"),
        ));
    }
}

/// One card per step: its title, how many records it holds and a one-line status.
fn card(ctx: &Context<'_>, step: Step, area: Rect, out: &mut Vec<Draw>) {
    let f = ctx.fonts;
    let n = record_count(ctx.workbook, step);
    out.push(Draw::fill(area, style::PANEL));
    out.push(Draw::fill(
        Rect::new(area.x, area.y, area.w, 3.0),
        if n > 0 { style::ACCENT } else { style::RULE },
    ));
    let inner = area.w - 20.0;
    let short = match step {
        Step::Audit => "Audit",
        Step::Stakeholders => "Stakeholders",
        Step::Goals => "Goals and KPIs",
        Step::Crisis => "Crisis plan",
        Step::Roadmap => "Roadmap",
    };
    let title = f.truncate(
        &short.to_uppercase(),
        Weight::Bold,
        style::SMALL_SIZE - 0.5,
        inner,
    );
    out.push(Draw::text(
        area.x + 10.0,
        area.y + 20.0,
        style::SMALL_SIZE - 0.5,
        Weight::Bold,
        style::MUTED,
        &title,
    ));
    out.push(Draw::text(
        area.x + 10.0,
        area.y + 50.0,
        24.0,
        Weight::Bold,
        if n > 0 { style::ACCENT } else { style::RULE },
        &n.to_string(),
    ));
    let status = if n == 0 {
        "No records yet".to_owned()
    } else {
        format!("{n} records")
    };
    out.push(Draw::text(
        area.x + 10.0,
        area.y + 66.0,
        style::TABLE_SIZE,
        Weight::Regular,
        style::TEXT,
        &f.truncate(&status, Weight::Regular, style::TABLE_SIZE, inner),
    ));
}

/// The KPIs that weigh most in the health figure, as many as fit, with the health figure.
fn headline_kpis(
    ctx: &Context<'_>,
    area: Rect,
    out: &mut Vec<Draw>,
    outline: &mut Vec<OutlineEntry>,
) {
    const ROW: f32 = 20.0;
    let goals = &ctx.workbook.goals;
    let reports = goals.reports(ctx.date);
    let mut order: Vec<usize> = (0..goals.kpis.len()).collect();
    order.sort_by(|a, b| {
        goals.kpis[*b]
            .weight
            .total_cmp(&goals.kpis[*a].weight)
            .then(a.cmp(b))
    });
    let fit = ((area.h - 14.0) / ROW).floor().max(0.0) as usize;
    if fit == 0 || area.w < 160.0 {
        return;
    }
    let health = goals.health(ctx.date);
    let title = match goals_section::health_line(&health, ctx.date) {
        Some(line) => format!("Headline KPIs · {line}"),
        None => "Headline KPIs".to_owned(),
    };
    label(area.x, area.y + 8.0, area.w, &title, out);
    outline.push(OutlineEntry {
        level: 1,
        title: "Headline KPIs".to_owned(),
        page: 1,
        y: area.y,
    });
    let items: Vec<_> = order
        .into_iter()
        .take(fit)
        .map(|i| goals_section::bar(&goals.kpis[i], &reports[i]))
        .collect();
    let h = items.len() as f32 * ROW;
    out.extend(charts::draw(
        ctx.fonts,
        &Chart::KpiProgress(charts::KpiBars { items }),
        Rect::new(area.x, area.y + 14.0, area.w, h),
    ));
}

pub fn compose(ctx: &Context<'_>) -> Composed {
    let geo = PageGeometry::new(ctx.options.paper, Orientation::Landscape);
    let mut draws = Vec::new();
    let mut warnings = Vec::new();
    let mut outline = Vec::new();
    band(ctx, &geo, &mut draws);

    let selected = sections::selected(ctx.options);
    for s in &selected {
        warnings.extend(sections::build(*s, ctx.workbook, ctx.document, ctx.date).warnings);
    }
    let x = geo.margin_x;
    let width = geo.content_width();
    let top = BAND + 22.0;
    let bottom = geo.height - FOOTER - 14.0;
    let show_roadmap = selected.contains(&Section::Step(Step::Roadmap));
    let timeline_h = if show_roadmap {
        ((bottom - top) * 0.5).min(210.0)
    } else {
        0.0
    };
    let upper_bottom = if show_roadmap {
        bottom - timeline_h - 30.0
    } else {
        bottom
    };

    let cards: Vec<Step> = [Step::Audit, Step::Stakeholders, Step::Goals, Step::Crisis]
        .into_iter()
        .filter(|s| selected.contains(&Section::Step(*s)))
        .collect();
    let show_profile = selected.contains(&Section::Profile);
    let (profile_w, cards_x) = match (show_profile, cards.is_empty()) {
        (true, false) => (width * 0.36, x + width * 0.36 + 24.0),
        (true, true) => (width, x + width),
        (false, _) => (0.0, x),
    };
    if show_profile {
        outline.push(OutlineEntry {
            level: 1,
            title: Section::Profile.title(ctx.document).to_owned(),
            page: 1,
            y: top,
        });
        profile(
            ctx,
            Rect::new(x, top, profile_w, upper_bottom - top),
            &mut draws,
            &mut warnings,
        );
    }
    // With KPIs to show under them, the cards give up some height.
    let show_kpis =
        selected.contains(&Section::Step(Step::Goals)) && !ctx.workbook.goals.kpis.is_empty();
    let cards_h = if show_kpis { 72.0 } else { 86.0 };
    if !cards.is_empty() {
        let cards_w = x + width - cards_x;
        label(
            cards_x,
            top + 8.0,
            cards_w,
            "Where the strategy stands",
            &mut draws,
        );
        outline.push(OutlineEntry {
            level: 1,
            title: "Where the strategy stands".to_owned(),
            page: 1,
            y: top,
        });
        let gap = 10.0;
        let cw = (cards_w - gap * (cards.len() as f32 - 1.0)) / cards.len() as f32;
        let ch = (upper_bottom - top - 26.0).min(cards_h);
        for (i, step) in cards.iter().enumerate() {
            card(
                ctx,
                *step,
                Rect::new(cards_x + i as f32 * (cw + gap), top + 22.0, cw, ch),
                &mut draws,
            );
        }
    }
    if selected.contains(&Section::Step(Step::Goals)) && !ctx.workbook.goals.kpis.is_empty() {
        let kpi_top = if cards.is_empty() {
            top
        } else {
            top + 22.0 + (upper_bottom - top - 26.0).min(cards_h) + 12.0
        };
        let kpi_x = if cards.is_empty() {
            cards_x.min(x + profile_w + 24.0)
        } else {
            cards_x
        };
        let area = Rect::new(kpi_x, kpi_top, x + width - kpi_x, upper_bottom - kpi_top);
        headline_kpis(ctx, area, &mut draws, &mut outline);
    }
    if show_roadmap {
        let t_top = bottom - timeline_h;
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
        let start = ctx.date;
        let end = start
            .checked_add_months(chrono::Months::new(12))
            .unwrap_or(start);
        let timeline = Timeline {
            start,
            end,
            today: Some(ctx.date),
            phases: Vec::new(),
            bars: Vec::new(),
            milestones: Vec::new(),
        };
        draws.extend(charts::draw(
            ctx.fonts,
            &Chart::Timeline(timeline),
            Rect::new(x, t_top + 4.0, width, timeline_h - 4.0),
        ));
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
    draws.push(Draw::text(
        x,
        fy,
        style::SMALL_SIZE,
        Weight::Regular,
        style::MUTED,
        &ctx.fonts
            .truncate(&prepared, Weight::Regular, style::SMALL_SIZE, width * 0.6),
    ));
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
