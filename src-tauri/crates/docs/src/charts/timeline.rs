//! Timeline (Gantt): phases as bands, initiatives as bars, milestones as diamonds, a line for
//! today, and month and quarter ticks.

use chrono::{Datelike, NaiveDate};

use crate::draw::{diamond, Align, Draw, Rect, Stroke, Weight};
use crate::fonts::Fonts;
use crate::style;

#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePhase {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineBar {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub id: uuid::Uuid,
    /// The bars this one waits for: an arrow runs from the end of each to its start.
    pub waits_for: Vec<uuid::Uuid>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub label: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub today: Option<NaiveDate>,
    pub phases: Vec<TimelinePhase>,
    pub bars: Vec<TimelineBar>,
    pub milestones: Vec<Milestone>,
}

/// Horizontal position of `date` on an axis from `start` to `end` drawn from `x0` over `w`
/// points, clamped to the axis.
pub fn x_for(date: NaiveDate, start: NaiveDate, end: NaiveDate, x0: f32, w: f32) -> f32 {
    let span = (end - start).num_days().max(1) as f32;
    let d = (date - start).num_days() as f32;
    x0 + (d / span).clamp(0.0, 1.0) * w
}

/// A point on the page.
pub type Point = (f32, f32);

/// The elbow connector from the end of the bar `from` to the start of the bar `to`: the path
/// and the arrowhead. Out to the right of `from`, along to just before `to` at its height; when
/// `to` starts too soon for that, the path turns back between the two rows.
pub fn arrow(from: Rect, to: Rect) -> (Vec<Point>, [Point; 3]) {
    const HEAD: f32 = 3.5;
    const OUT: f32 = 4.0;
    let (fx, fy) = (from.right(), from.y + from.h / 2.0);
    let (tx, ty) = (to.x, to.y + to.h / 2.0);
    let head = [(tx, ty), (tx - HEAD, ty - 2.0), (tx - HEAD, ty + 2.0)];
    let path = if tx - HEAD - fx >= OUT {
        // Room before the dependent's start: across, down (or up), across.
        let kx = tx - HEAD - OUT.min((tx - HEAD - fx) / 2.0);
        vec![(fx, fy), (kx, fy), (kx, ty), (tx - HEAD, ty)]
    } else {
        // It starts before the prerequisite ends: out, to between the rows, back, in.
        let between = if ty >= fy {
            (from.bottom() + to.y) / 2.0
        } else {
            (to.bottom() + from.y) / 2.0
        };
        let back = tx - HEAD - OUT;
        vec![
            (fx, fy),
            (fx + OUT, fy),
            (fx + OUT, between),
            (back, between),
            (back, ty),
            (tx - HEAD, ty),
        ]
    };
    (path, head)
}

/// First days of the months from the one containing `start` up to `end`.
pub fn month_starts(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let (mut y, mut m) = (start.year(), start.month());
    while let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) {
        if d > end || out.len() > 1200 {
            break;
        }
        out.push(d);
        if m == 12 {
            y += 1;
            m = 1;
        } else {
            m += 1;
        }
    }
    out
}

const MONTH_INITIALS: [&str; 12] = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"];

/// The bars' rows: each label wrapped in the label column, each row as tall as its label
/// needs, and how many rows fit.
struct BarRows {
    /// The height of a row whose label takes one line.
    row_h: f32,
    size: f32,
    leading: f32,
    lines: Vec<Vec<String>>,
    heights: Vec<f32>,
    shown: usize,
}

/// Lays out the labels of `bars` in a column `label_w` wide over `room` points. Rows grow to
/// fill spare room (up to 22 pt) and shrink (down to 11 pt) before bars are left out, so a
/// busy one-pager shows more; see [`lay_rows`] for the labels.
fn bar_rows(fonts: &Fonts, bars: &[TimelineBar], label_w: f32, room: f32) -> BarRows {
    let room = room.max(1.0);
    let labels: Vec<String> = bars
        .iter()
        .map(|b| crate::text::clean_line(&b.label))
        .collect();
    let lay = |row_h: f32| lay_rows(fonts, &labels, label_w, row_h);
    let preferred = (room / bars.len().max(1) as f32)
        .clamp(11.0, 22.0)
        .min(room);
    let mut rows = lay(preferred);
    for smaller in [17.0_f32, 11.0] {
        if rows.heights.iter().sum::<f32>() > room && rows.row_h > smaller {
            rows = lay(smaller.min(room));
        }
    }
    // As many rows as fit, keeping a row for "and N more" when some are left out.
    let mut used = 0.0;
    let mut fit = 0;
    for h in &rows.heights {
        if used + h > room + 0.01 {
            break;
        }
        used += h;
        fit += 1;
    }
    if fit < bars.len() {
        while fit > 0 && rows.heights[..fit].iter().sum::<f32>() + rows.row_h > room + 0.01 {
            fit -= 1;
        }
    }
    rows.shown = fit;
    rows
}

/// Rows of `row_h` points for `labels`, each as tall as its wrapped label needs: all labels on
/// one line at the row's size when they fit, else all in smaller type on two lines (or more).
fn lay_rows(fonts: &Fonts, labels: &[String], label_w: f32, row_h: f32) -> BarRows {
    let size = (style::TABLE_SIZE - 0.5).min(row_h * 0.62);
    let small = ((row_h - 1.0) / 2.0 / 1.15).max(6.0).min(size);
    let one_line = labels
        .iter()
        .all(|l| fonts.width(l, Weight::Regular, size) <= label_w);
    let size = if one_line { size } else { small };
    let mut rows = BarRows {
        row_h,
        size,
        leading: size * 1.15,
        lines: Vec::with_capacity(labels.len()),
        heights: Vec::with_capacity(labels.len()),
        shown: 0,
    };
    for label in labels {
        let lines = crate::text::wrap_line(fonts, label, Weight::Regular, size, label_w);
        // A label of several lines keeps a little air from the next.
        let block = lines.len() as f32 * rows.leading;
        rows.heights.push(if lines.len() > 1 {
            row_h.max(block + 3.0)
        } else {
            row_h.max(block + 1.0)
        });
        rows.lines.push(lines);
    }
    rows
}

/// The plot's parts from top to bottom, for a chart of `t` drawn in `rect`.
struct Frame {
    label_w: f32,
    body_top: f32,
    body_bottom: f32,
}

fn frame(fonts: &Fonts, t: &Timeline, rect: Rect) -> Frame {
    let axis_h = 28.0;
    let phase_h = if t.phases.is_empty() { 0.0 } else { 20.0 };
    let milestone_h = if t.milestones.is_empty() { 0.0 } else { 26.0 };
    let today_h = if t.today.is_some() { 14.0 } else { 0.0 };
    // The label column widens (up to 40 % of the chart) for names that need it, so a long
    // name takes fewer lines.
    let base = (rect.w * 0.24).min(150.0);
    let widest = t
        .bars
        .iter()
        .map(|b| {
            let label = crate::text::clean_line(&b.label);
            fonts.width(&label, Weight::Regular, style::TABLE_SIZE - 0.5)
        })
        .fold(0.0, f32::max);
    let most = base.max((rect.w * 0.4).min(300.0));
    Frame {
        label_w: widest.clamp(base, most),
        body_top: rect.y + axis_h + phase_h + 4.0,
        body_bottom: rect.bottom() - today_h - milestone_h,
    }
}

/// The height a chart of `t` drawn `width` wide takes with rows of their preferred height
/// (17 points, more for a label of several lines).
pub fn natural_height(fonts: &Fonts, t: &Timeline, width: f32) -> f32 {
    let f = frame(fonts, t, Rect::new(0.0, 0.0, width, 0.0));
    let chrome = -(f.body_bottom - f.body_top);
    let labels: Vec<String> = t
        .bars
        .iter()
        .map(|b| crate::text::clean_line(&b.label))
        .collect();
    let rows = lay_rows(fonts, &labels, f.label_w, 17.0);
    let body: f32 = rows.heights.iter().sum();
    chrome + body.max(17.0)
}

/// Whether every bar of `t`, with its whole label, fits a chart drawn in `rect`.
pub fn bars_fit(fonts: &Fonts, t: &Timeline, rect: Rect) -> bool {
    let f = frame(fonts, t, rect);
    // Rows are at least 11 points: more bars than that allows never fit.
    if t.bars.len() as f32 * 11.0 > f.body_bottom - f.body_top {
        return false;
    }
    bar_rows(fonts, &t.bars, f.label_w, f.body_bottom - f.body_top).shown == t.bars.len()
}

pub fn draw(fonts: &Fonts, t: &Timeline, rect: Rect) -> Vec<Draw> {
    let mut out = Vec::new();
    let (start, end) = if t.end > t.start {
        (t.start, t.end)
    } else {
        (t.start, t.start + chrono::Days::new(90))
    };
    let Frame {
        label_w,
        body_top,
        body_bottom,
    } = frame(fonts, t, rect);
    let x0 = rect.x + label_w + 8.0;
    let w = (rect.right() - x0 - 4.0).max(10.0);
    let x = |d: NaiveDate| x_for(d, start, end, x0, w);
    let axis_h = 28.0;
    let phase_h = if t.phases.is_empty() { 0.0 } else { 20.0 };
    let milestone_h = if t.milestones.is_empty() { 0.0 } else { 26.0 };
    let today_h = if t.today.is_some() { 14.0 } else { 0.0 };
    let plot_bottom = rect.bottom() - today_h;

    // Phase background bands across the whole plot, alternating.
    for (i, p) in t.phases.iter().enumerate() {
        let (a, b) = (x(p.start), x(p.end.max(p.start)));
        let tint = if i % 2 == 0 {
            style::ACCENT_TINT
        } else {
            style::PANEL
        };
        out.push(Draw::fill(
            Rect::new(a, rect.y + axis_h, (b - a).max(0.5), phase_h - 3.0),
            tint.mix(style::ACCENT, 0.12),
        ));
        out.push(Draw::fill(
            Rect::new(
                a,
                rect.y + axis_h + phase_h - 3.0,
                (b - a).max(0.5),
                plot_bottom - (rect.y + axis_h + phase_h - 3.0),
            ),
            tint.mix(style::WHITE, 0.55),
        ));
        // The phase's name on one line, or two in smaller type; a band too narrow for that
        // names its phase in the roadmap's table only.
        let name = crate::text::clean_line(&p.label);
        let room = (b - a - 8.0).max(0.0);
        let band_top = rect.y + axis_h;
        if fonts.width(&name, Weight::Bold, style::SMALL_SIZE) <= room {
            out.push(Draw::text(
                a + 4.0,
                band_top + 11.5,
                style::SMALL_SIZE,
                Weight::Bold,
                style::ACCENT_DARK,
                &name,
            ));
        } else {
            let size = style::SMALL_SIZE - 1.5;
            let lines = crate::text::wrap_line(fonts, &name, Weight::Bold, size, room);
            let whole = lines
                .iter()
                .all(|l| fonts.width(l, Weight::Bold, size) <= room + 0.01);
            if lines.len() <= 2 && whole && room > 0.0 {
                for (j, line) in lines.iter().enumerate() {
                    out.push(Draw::text(
                        a + 4.0,
                        band_top + 7.5 + j as f32 * 7.0,
                        size,
                        Weight::Bold,
                        style::ACCENT_DARK,
                        line,
                    ));
                }
            }
        }
    }
    // Month ticks and quarter labels.
    let months = month_starts(start, end);
    let month_w = w / months.len().max(1) as f32;
    for d in &months {
        let mx = x(*d);
        let quarter = d.month0() % 3 == 0;
        if d >= &start {
            let (top, stroke) = if quarter {
                (rect.y + 2.0, Stroke::solid(style::RULE, 0.7))
            } else {
                (rect.y + 14.0, Stroke::solid(style::GRID, 0.5))
            };
            out.push(Draw::line(mx, top, mx, plot_bottom, stroke));
        }
        if month_w >= 12.0 {
            let next = x(d.checked_add_months(chrono::Months::new(1)).unwrap_or(end));
            let lx = (mx.max(x0) + next) / 2.0;
            out.push(Draw::text_aligned(
                lx,
                rect.y + axis_h - 4.0,
                style::SMALL_SIZE - 1.0,
                Weight::Regular,
                style::MUTED,
                Align::Centre,
                MONTH_INITIALS[d.month0() as usize],
            ));
        }
        if quarter && x0 + w - mx > 30.0 {
            let q = format!("Q{} {}", d.month0() / 3 + 1, d.year());
            out.push(Draw::text(
                mx.max(x0) + 3.0,
                rect.y + 10.0,
                style::SMALL_SIZE,
                Weight::Bold,
                style::INK,
                &q,
            ));
        }
    }
    out.push(Draw::line(
        x0,
        rect.y + axis_h,
        x0 + w,
        rect.y + axis_h,
        Stroke::solid(style::INK, 0.8),
    ));

    // Bars, one per row; as many as fit, then "and N more".
    let rows = bar_rows(fonts, &t.bars, label_w, body_bottom - body_top);
    let mut top = body_top;
    let mut placed: Vec<Rect> = Vec::new();
    for ((b, lines), h) in t
        .bars
        .iter()
        .zip(&rows.lines)
        .zip(&rows.heights)
        .take(rows.shown)
    {
        let block = lines.len() as f32 * rows.leading;
        let mut y = top + (h - block) / 2.0;
        for line in lines {
            out.push(Draw::text(
                rect.x,
                style::centred_baseline(y, rows.leading, rows.size),
                rows.size,
                Weight::Regular,
                style::TEXT,
                line,
            ));
            y += rows.leading;
        }
        let (a, z) = (x(b.start), x(b.end.max(b.start)));
        let bar_h = rows.row_h * 0.5;
        let bar = Rect::new(
            a,
            top + (h - bar_h) / 2.0,
            (z - a).max(2.0).min(x0 + w - a),
            bar_h,
        );
        placed.push(bar);
        out.push(Draw::fill(bar, style::ACCENT));
        top += h;
    }
    // Dependencies: an arrow from the end of each prerequisite's bar to the start of the
    // bar that waits for it, both on this chart.
    for (b, to) in t.bars.iter().zip(&placed) {
        for from in b
            .waits_for
            .iter()
            .filter_map(|id| t.bars.iter().zip(&placed).find(|(p, _)| p.id == *id))
            .map(|(_, r)| *r)
        {
            let (path, head) = arrow(from, *to);
            out.push(Draw::Line {
                points: path,
                stroke: Stroke::solid(style::MUTED, 0.7),
            });
            out.push(Draw::Polygon {
                points: head.to_vec(),
                fill: Some(style::MUTED),
                stroke: None,
            });
        }
    }
    let (shown, row_h) = (rows.shown, rows.row_h);
    if shown < t.bars.len() {
        let more = format!("and {} more", t.bars.len() - shown);
        out.push(Draw::text(
            rect.x,
            style::centred_baseline(top, row_h, style::SMALL_SIZE),
            style::SMALL_SIZE,
            Weight::Regular,
            style::MUTED,
            &more,
        ));
    }
    // Milestones along the bottom row.
    if !t.milestones.is_empty() {
        let my = plot_bottom - milestone_h / 2.0 - 2.0;
        out.push(Draw::text(
            rect.x,
            my + 3.0,
            style::SMALL_SIZE,
            Weight::Bold,
            style::INK,
            "Milestones",
        ));
        let mut last_label_end = f32::MIN;
        let mut xs: Vec<f32> = t.milestones.iter().map(|m| x(m.date)).collect();
        xs.sort_by(f32::total_cmp);
        for m in &t.milestones {
            let mx = x(m.date);
            // A label stops short of the next diamond rather than running under it.
            let next = xs
                .iter()
                .copied()
                .find(|v| *v > mx + 0.5)
                .unwrap_or(rect.right() + 10.0);
            out.push(diamond(mx, my, 4.5, Some(style::ACCENT_DARK), None));
            // The label on one line, or two, in the room before the next diamond; a label
            // with no room is left to the roadmap's table.
            let size = style::SMALL_SIZE - 0.5;
            let name = crate::text::clean_line(&m.label);
            let room = (next - 5.0).min(rect.right()) - (mx + 7.0);
            if mx + 7.0 <= last_label_end || room < 12.0 {
                continue;
            }
            let lines = crate::text::wrap_line(fonts, &name, Weight::Regular, size, room);
            let lw = lines
                .iter()
                .map(|l| fonts.width(l, Weight::Regular, size))
                .fold(0.0, f32::max);
            if lines.len() > 2 || lw > room + 0.01 {
                continue;
            }
            let first = if lines.len() == 2 { my - 1.0 } else { my + 2.5 };
            for (j, line) in lines.iter().enumerate() {
                out.push(Draw::text(
                    mx + 7.0,
                    first + j as f32 * 7.5,
                    size,
                    Weight::Regular,
                    style::TEXT,
                    line,
                ));
            }
            last_label_end = mx + 7.0 + lw + 4.0;
        }
    }
    // Today.
    if let Some(today) = t.today.filter(|d| *d >= start && *d <= end) {
        let tx = x(today);
        // The line starts under the phases' names, so it never strikes through one.
        out.push(Draw::line(
            tx,
            rect.y + axis_h + phase_h,
            tx,
            plot_bottom + 2.0,
            Stroke::dashed(style::ACCENT, 1.0, 3.0, 2.0),
        ));
        let bx = tx.clamp(rect.x + 14.0, rect.right() - 14.0);
        out.push(Draw::fill(
            Rect::new(bx - 14.0, plot_bottom + 2.0, 28.0, 10.0),
            style::ACCENT,
        ));
        out.push(Draw::text_aligned(
            bx,
            plot_bottom + 9.5,
            style::SMALL_SIZE - 1.5,
            Weight::Bold,
            style::WHITE,
            Align::Centre,
            "TODAY",
        ));
    }
    if t.phases.is_empty() && t.bars.is_empty() && t.milestones.is_empty() {
        out.push(Draw::text_aligned(
            x0 + w / 2.0,
            (body_top + body_bottom) / 2.0,
            style::TABLE_SIZE,
            Weight::Regular,
            style::MUTED,
            Align::Centre,
            "No phases or initiatives yet.",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::shipped;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn arrows_run_from_the_end_of_one_bar_to_the_start_of_the_next() {
        let from = Rect::new(10.0, 10.0, 40.0, 6.0);
        // Starting after: an elbow, ending in a head pointing at the start, at its height.
        let to = Rect::new(80.0, 30.0, 30.0, 6.0);
        let (path, head) = arrow(from, to);
        assert_eq!(path[0], (50.0, 13.0));
        assert_eq!(head[0], (80.0, 33.0));
        assert_eq!(path.last().unwrap().1, 33.0);
        assert!(path
            .windows(2)
            .all(|p| p[0].0 == p[1].0 || p[0].1 == p[1].1));
        assert!(path.iter().all(|(x, _)| *x >= 50.0 && *x <= 80.0));
        // Starting before the prerequisite ends: the path turns back between the rows.
        let early = Rect::new(20.0, 30.0, 30.0, 6.0);
        let (path, head) = arrow(from, early);
        assert_eq!(head[0], (20.0, 33.0));
        assert!(path
            .windows(2)
            .all(|p| p[0].0 == p[1].0 || p[0].1 == p[1].1));
        assert!(path.iter().any(|(_, y)| *y > 16.0 && *y < 30.0));
        // Upwards works the same way.
        let above = Rect::new(80.0, 0.0, 10.0, 6.0);
        let (path, _) = arrow(Rect::new(10.0, 20.0, 40.0, 6.0), above);
        assert_eq!(path.last().unwrap().1, 3.0);
    }

    #[test]
    fn dates_map_linearly_and_clamp() {
        let (s, e) = (d(2026, 1, 1), d(2026, 12, 31));
        assert_eq!(x_for(s, s, e, 100.0, 364.0), 100.0);
        assert_eq!(x_for(e, s, e, 100.0, 364.0), 464.0);
        assert_eq!(x_for(d(2026, 1, 11), s, e, 100.0, 364.0), 110.0);
        assert_eq!(x_for(d(2030, 1, 1), s, e, 100.0, 364.0), 464.0);
        assert_eq!(x_for(d(2020, 1, 1), s, e, 100.0, 364.0), 100.0);
    }

    #[test]
    fn months_cover_the_range() {
        let m = month_starts(d(2026, 2, 15), d(2026, 7, 1));
        assert_eq!(m.first(), Some(&d(2026, 2, 1)));
        assert_eq!(m.last(), Some(&d(2026, 7, 1)));
        assert_eq!(m.len(), 6);
        assert_eq!(month_starts(d(2026, 11, 3), d(2027, 1, 5)).len(), 3);
    }

    #[test]
    fn too_many_bars_are_summarised() {
        let t = Timeline {
            start: d(2026, 1, 1),
            end: d(2026, 12, 31),
            today: Some(d(2026, 3, 1)),
            phases: vec![TimelinePhase {
                label: "Foundations".into(),
                start: d(2026, 1, 1),
                end: d(2026, 4, 30),
            }],
            bars: (0..40)
                .map(|i| TimelineBar {
                    label: format!("Initiative {i}"),
                    start: d(2026, 2, 1),
                    end: d(2026, 6, 1),
                    id: uuid::Uuid::nil(),
                    waits_for: Vec::new(),
                })
                .collect(),
            milestones: vec![Milestone {
                label: "Launch".into(),
                date: d(2026, 5, 1),
            }],
        };
        let r = Rect::new(0.0, 0.0, 700.0, 200.0);
        let out = draw(shipped().unwrap(), &t, r);
        assert!(crate::charts::all_inside(&out, r));
        assert!(out.iter().any(|d| matches!(d, Draw::Text { text, .. } if text.starts_with("and ") && text.ends_with(" more"))));
        assert!(out
            .iter()
            .any(|d| matches!(d, Draw::Text { text, .. } if text == "TODAY")));
        assert!(out
            .iter()
            .any(|d| matches!(d, Draw::Text { text, .. } if text == "Q2 2026")));
    }
}
