//! The executive roadmap: one landscape page, always exactly one. Whatever does not fit is
//! shortened and reported as summarised.

use groundwork_core::workbook::Step;

use crate::charts::{self, Chart, Timeline, TimelineBar};
use crate::documents::{Composed, Context};
use crate::draw::{Align, Draw, Rect, Stroke, Weight};
use crate::emit::{OutlineEntry, PageOut};
use crate::sections::goals as goals_section;
use crate::sections::profile::long_date;
use crate::sections::roadmap as roadmap_section;
use crate::sections::{self, Section};
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
fn profile(
    ctx: &Context<'_>,
    area: Rect,
    compact: bool,
    out: &mut Vec<Draw>,
    warnings: &mut Vec<Warning>,
) {
    let f = ctx.fonts;
    let p = &ctx.workbook.profile;
    label(area.x, area.y + 8.0, area.w, "Purpose", out);
    let mut y = area.y + 26.0;
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

/// The KPIs that weigh most in the health figure, as many as fit, with the health figure.
fn headline_kpis(
    ctx: &Context<'_>,
    area: Rect,
    out: &mut Vec<Draw>,
    outline: &mut Vec<OutlineEntry>,
) {
    let row = if area.w < charts::progress::STACK_BELOW {
        charts::progress::STACKED_ROW
    } else {
        20.0
    };
    let goals = &ctx.workbook.goals;
    let reports = goals.reports(ctx.date);
    let mut order: Vec<usize> = (0..goals.kpis.len()).collect();
    order.sort_by(|a, b| {
        goals.kpis[*b]
            .weight
            .total_cmp(&goals.kpis[*a].weight)
            .then(a.cmp(b))
    });
    // The title, then the community health line under it, then the bars.
    let head = 28.0;
    let fit = ((area.h - head) / row).floor().max(0.0) as usize;
    if fit == 0 || area.w < 160.0 {
        return;
    }
    let health = groundwork_core::goals::status::health(&goals.kpis, &reports);
    label(area.x, area.y + 8.0, area.w, "Headline KPIs", out);
    if let Some(line) = goals_section::health_line(&health, ctx.date) {
        out.push(Draw::text(
            area.x,
            area.y + 21.0,
            style::SMALL_SIZE,
            Weight::Regular,
            style::MUTED,
            &ctx.fonts
                .truncate(&line, Weight::Regular, style::SMALL_SIZE, area.w),
        ));
    }
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
    let h = items.len() as f32 * row;
    out.extend(charts::draw(
        ctx.fonts,
        &Chart::KpiProgress(charts::KpiBars { items }),
        Rect::new(area.x, area.y + head, area.w, h),
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
    let show_goals = selected.contains(&Section::Step(Step::Goals));
    let show_profile = selected.contains(&Section::Profile);
    let timeline_h = if show_roadmap {
        ((bottom - top) * 0.5).min(230.0)
    } else {
        0.0
    };
    let upper_bottom = if show_roadmap {
        bottom - timeline_h - 30.0
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
    for (n, column) in columns.iter().enumerate() {
        let area = Rect::new(x + n as f32 * (col_w + gap), top, col_w, upper_bottom - top);
        match column {
            Column::PurposeAndGoals => purpose_and_goals(
                ctx,
                area,
                show_profile,
                show_goals,
                &mut draws,
                &mut warnings,
                &mut outline,
            ),
            Column::Kpis => headline_kpis(ctx, area, &mut draws, &mut outline),
            Column::BudgetAndOwners => {
                budget_and_owners(ctx, area, &mut draws, &mut warnings, &mut outline);
            }
        }
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
        let area = Rect::new(x, t_top + 4.0, width, timeline_h - 4.0);
        let (timeline, summarised) = timeline(ctx, area.h);
        if let Some(message) = summarised {
            warnings.push(Warning::new(
                WarningKind::Summarised,
                message,
                Some("roadmap"),
            ));
        }
        draws.extend(charts::draw(ctx.fonts, &Chart::Timeline(timeline), area));
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

enum Column {
    PurposeAndGoals,
    Kpis,
    BudgetAndOwners,
}

const LINE: f32 = 12.5;

/// A row of a compact list: a name on the left, a figure on the right.
fn list_row(ctx: &Context<'_>, area: Rect, y: f32, left: &str, right: &str, out: &mut Vec<Draw>) {
    let f = ctx.fonts;
    let right_w = f.width(right, Weight::Regular, style::TABLE_SIZE);
    let name = f.truncate(
        &clean_line(left),
        Weight::Regular,
        style::TABLE_SIZE,
        (area.w - right_w - 10.0).max(20.0),
    );
    out.push(Draw::text(
        area.x,
        y,
        style::TABLE_SIZE,
        Weight::Regular,
        style::TEXT,
        &name,
    ));
    out.push(Draw::text_aligned(
        area.right(),
        y,
        style::TABLE_SIZE,
        Weight::Regular,
        style::INK,
        Align::Right,
        right,
    ));
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
    let mut y = area.y;
    if show_profile {
        outline.push(OutlineEntry {
            level: 1,
            title: Section::Profile.title(ctx.document).to_owned(),
            page: 1,
            y: area.y,
        });
        // The purpose gives the goals room: three lines when there are goals.
        let compact = show_goals && !goals.is_empty();
        let purpose_h = if compact { 26.0 + 3.0 * 13.0 } else { area.h };
        profile(
            ctx,
            Rect::new(area.x, y, area.w, purpose_h),
            compact,
            out,
            warnings,
        );
        y += purpose_h + 6.0;
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
    let roadmap = &ctx.workbook.roadmap;
    let fit = ((area.bottom() - y + LINE) / LINE).floor().max(1.0) as usize;
    let shown = if goals.len() > fit {
        fit - 1
    } else {
        goals.len()
    };
    for g in goals.iter().take(shown) {
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
        list_row(ctx, area, y, &format!("•  {}", g.title), &right, out);
        y += LINE;
    }
    if shown < goals.len() {
        let rest = goals.len() - shown;
        more_line(area, y, &format!("and {rest} more goals"), out);
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
    let fit = ((half - y) / LINE).floor().max(1.0) as usize;
    let shown = if totals.by_phase.len() > fit {
        fit - 1
    } else {
        totals.by_phase.len()
    };
    for t in totals.by_phase.iter().take(shown) {
        list_row(ctx, area, y, &t.label, &short(&t.amounts), out);
        y += LINE;
    }
    if shown < totals.by_phase.len() {
        more_line(
            area,
            y,
            &format!("and {} more", totals.by_phase.len() - shown),
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
    let fit = ((area.bottom() - y + LINE) / LINE).floor().max(1.0) as usize;
    let shown = if owners.len() > fit {
        fit - 1
    } else {
        owners.len()
    };
    for t in owners.iter().take(shown) {
        let n = t.initiatives;
        list_row(
            ctx,
            area,
            y,
            &t.label,
            &format!("{n} {}", if n == 1 { "initiative" } else { "initiatives" }),
            out,
        );
        y += LINE;
    }
    if shown < owners.len() {
        more_line(
            area,
            y,
            &format!("and {} more owners", owners.len() - shown),
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

/// The timeline for a chart `height` points tall: every dated initiative when they fit, or
/// one bar per goal (from its first start to its last end) when they do not, with a sentence
/// saying so.
fn timeline(ctx: &Context<'_>, height: f32) -> (Timeline, Option<String>) {
    let roadmap = &ctx.workbook.roadmap;
    let (start, end, phases) = roadmap_section::frame(roadmap, ctx.date);
    let ordered = roadmap.in_time_order();
    let (bars, milestones) = roadmap_section::bars_and_milestones(&ordered);
    // What the chart leaves for rows: axis, phase band, milestone row and today marker.
    let chrome = 28.0 + 20.0 + 4.0 + if milestones.is_empty() { 0.0 } else { 26.0 } + 14.0;
    let capacity = ((height - chrome) / 11.0).floor().max(1.0) as usize;
    let mut summarised = None;
    let bars = if bars.len() <= capacity {
        bars
    } else {
        let mut groups: Vec<(String, Vec<&groundwork_core::roadmap::Initiative>)> = ctx
            .workbook
            .goals
            .goals
            .iter()
            .map(|g| {
                (
                    g.title.clone(),
                    ordered
                        .iter()
                        .copied()
                        .filter(|i| !i.milestone && i.goal_ids.contains(&g.id))
                        .collect(),
                )
            })
            .collect();
        groups.push((
            "No goal".to_owned(),
            ordered
                .iter()
                .copied()
                .filter(|i| {
                    !i.milestone
                        && !i
                            .goal_ids
                            .iter()
                            .any(|id| ctx.workbook.goals.goals.iter().any(|g| g.id == *id))
                })
                .collect(),
        ));
        let per_goal: Vec<TimelineBar> = groups
            .into_iter()
            .filter_map(|(title, list)| {
                let dated: Vec<_> = list.iter().filter_map(|i| i.dates()).collect();
                let first = dated.iter().map(|d| d.0).min()?;
                let last = dated.iter().map(|d| d.1).max()?;
                let n = dated.len();
                Some(TimelineBar {
                    label: format!("{} ({n})", clean_line(&title)),
                    start: first,
                    end: last,
                })
            })
            .collect();
        summarised = Some(format!(
            "The roadmap has {} dated initiatives, more than one page shows: the timeline shows one bar per goal, from its first start to its last end. Every initiative is in the Community strategy.",
            ordered.iter().filter(|i| i.dates().is_some() && !i.milestone).count()
        ));
        per_goal
    };
    (
        Timeline {
            start,
            end,
            today: Some(ctx.date),
            phases,
            bars,
            milestones,
        },
        summarised,
    )
}
