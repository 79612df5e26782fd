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

pub fn draw(fonts: &Fonts, t: &Timeline, rect: Rect) -> Vec<Draw> {
    let mut out = Vec::new();
    let (start, end) = if t.end > t.start {
        (t.start, t.end)
    } else {
        (t.start, t.start + chrono::Days::new(90))
    };
    let label_w = (rect.w * 0.24).min(150.0);
    let x0 = rect.x + label_w + 8.0;
    let w = (rect.right() - x0 - 4.0).max(10.0);
    let x = |d: NaiveDate| x_for(d, start, end, x0, w);
    let axis_h = 28.0;
    let phase_h = if t.phases.is_empty() { 0.0 } else { 20.0 };
    let milestone_h = if t.milestones.is_empty() { 0.0 } else { 26.0 };
    let body_top = rect.y + axis_h + phase_h + 4.0;
    let today_h = if t.today.is_some() { 14.0 } else { 0.0 };
    let plot_bottom = rect.bottom() - today_h;
    let body_bottom = plot_bottom - milestone_h;

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
        let label = fonts.truncate(
            &crate::text::clean_line(&p.label),
            Weight::Bold,
            style::SMALL_SIZE,
            (b - a - 8.0).max(0.0),
        );
        if label != "…" {
            out.push(Draw::text(
                a + 4.0,
                rect.y + axis_h + 11.5,
                style::SMALL_SIZE,
                Weight::Bold,
                style::ACCENT_DARK,
                &label,
            ));
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
    // Rows shrink (down to 11 pt) before bars are left out, so a busy one-pager shows more.
    let room = (body_bottom - body_top).max(1.0);
    let row_h = (room / t.bars.len().max(1) as f32)
        .clamp(11.0, 17.0)
        .min(room);
    let label_size = (style::TABLE_SIZE - 0.5).min(row_h * 0.62);
    let capacity = ((body_bottom - body_top) / row_h).floor().max(0.0) as usize;
    let shown = if t.bars.len() > capacity {
        capacity.saturating_sub(1)
    } else {
        t.bars.len()
    };
    for (i, b) in t.bars.iter().take(shown).enumerate() {
        let top = body_top + i as f32 * row_h;
        let label = fonts.truncate(
            &crate::text::clean_line(&b.label),
            Weight::Regular,
            label_size,
            label_w,
        );
        out.push(Draw::text(
            rect.x,
            style::centred_baseline(top, row_h, label_size),
            label_size,
            Weight::Regular,
            style::TEXT,
            &label,
        ));
        let (a, z) = (x(b.start), x(b.end.max(b.start)));
        out.push(Draw::fill(
            Rect::new(
                a,
                top + row_h * 0.25,
                (z - a).max(2.0).min(x0 + w - a),
                row_h * 0.5,
            ),
            style::ACCENT,
        ));
    }
    if shown < t.bars.len() {
        let top = body_top + shown as f32 * row_h;
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
            let label = fonts.truncate(
                &crate::text::clean_line(&m.label),
                Weight::Regular,
                style::SMALL_SIZE - 0.5,
                90.0,
            );
            let lw = fonts.width(&label, Weight::Regular, style::SMALL_SIZE - 0.5);
            if mx + 7.0 > last_label_end
                && mx + 7.0 + lw <= rect.right()
                && mx + 7.0 + lw < next - 5.0
            {
                out.push(Draw::text(
                    mx + 7.0,
                    my + 2.5,
                    style::SMALL_SIZE - 0.5,
                    Weight::Regular,
                    style::TEXT,
                    &label,
                ));
                last_label_end = mx + 7.0 + lw + 4.0;
            }
        }
    }
    // Today.
    if let Some(today) = t.today.filter(|d| *d >= start && *d <= end) {
        let tx = x(today);
        out.push(Draw::line(
            tx,
            rect.y + axis_h,
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
