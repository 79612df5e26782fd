//! Progress bars: how far each KPI (or step) is towards its target.

use crate::charts::{format_number, line_or_mark, Key};
use crate::draw::{Align, Draw, Rect, Rgb, Stroke, Weight};
use crate::fonts::Fonts;
use crate::style;

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub label: String,
    pub value: f64,
    pub target: f64,
    /// Shown under the label, e.g. "42 of 60 members"; empty for none.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgressList {
    pub items: Vec<Progress>,
}

/// Share of the target reached, 0 to 1.
pub fn fraction(value: f64, target: f64) -> f32 {
    if target.is_nan() || target <= 0.0 || !value.is_finite() {
        return 0.0;
    }
    (value / target).clamp(0.0, 1.0) as f32
}

pub fn draw(fonts: &Fonts, chart: &ProgressList, rect: Rect, key: &mut Key) -> Vec<Draw> {
    let mut out = Vec::new();
    let n = chart.items.len().max(1);
    let band = rect.h / n as f32;
    let label_w = (rect.w * 0.36).min(190.0);
    let pct_w = 40.0;
    let track_x = rect.x + label_w + 10.0;
    let track_w = (rect.w - label_w - 10.0 - pct_w).max(10.0);
    let bar_h = (band * 0.3).clamp(2.0, 7.0);
    for (i, p) in chart.items.iter().enumerate() {
        let top = rect.y + band * i as f32;
        let cy = top + band / 2.0;
        let has_detail = !p.detail.trim().is_empty();
        let label_y = if has_detail { cy - 1.0 } else { cy + 3.0 };
        let (label, size) = line_or_mark(
            fonts,
            &crate::text::clean_line(&p.label),
            Weight::Bold,
            (style::TABLE_SIZE, style::TABLE_SIZE - 1.5),
            label_w,
            key,
        );
        out.push(Draw::text(
            rect.x,
            label_y,
            size,
            Weight::Bold,
            style::INK,
            &label,
        ));
        if has_detail {
            let (detail, size) = line_or_mark(
                fonts,
                &crate::text::clean_line(&p.detail),
                Weight::Regular,
                (style::SMALL_SIZE, style::SMALL_SIZE - 1.5),
                label_w,
                key,
            );
            out.push(Draw::text(
                rect.x,
                cy + 8.5,
                size,
                Weight::Regular,
                style::MUTED,
                &detail,
            ));
        }
        let f = fraction(p.value, p.target);
        out.push(Draw::fill(
            Rect::new(track_x, cy - bar_h / 2.0, track_w, bar_h),
            style::GRID,
        ));
        if f > 0.0 {
            out.push(Draw::fill(
                Rect::new(track_x, cy - bar_h / 2.0, track_w * f, bar_h),
                style::ACCENT,
            ));
        }
        let pct = if p.target > 0.0 && p.value.is_finite() {
            format!("{}%", format_number((p.value / p.target * 100.0).round()))
        } else {
            "—".to_owned()
        };
        out.push(Draw::text_aligned(
            rect.right(),
            cy + 3.0,
            style::TABLE_SIZE,
            Weight::Bold,
            style::ACCENT_DARK,
            Align::Right,
            &pct,
        ));
    }
    out
}

/// How a KPI stands, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Warning,
    Bad,
    Neutral,
}

impl Tone {
    pub fn color(self) -> Rgb {
        match self {
            Tone::Good => Rgb(0x2E, 0x7D, 0x4F),
            Tone::Warning => Rgb(0xB7, 0x79, 0x1F),
            Tone::Bad => Rgb(0xB3, 0x3A, 0x3A),
            Tone::Neutral => style::MUTED,
        }
    }
}

/// One KPI: progress from baseline (0) to target (1), where it should be by now, its status.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiBar {
    pub label: String,
    /// Shown under the label, e.g. "39.5% on 1 July 2026 · target 60% by 31 December 2026".
    pub detail: String,
    /// `None` before the first measurement.
    pub progress: Option<f64>,
    /// Expected progress by the document's date, 0 to 1: drawn as a tick.
    pub expected: f64,
    pub status: String,
    pub tone: Tone,
    /// The measurements and the target, drawn as a small trend beside the bar.
    pub trend: super::sparkline::Sparkline,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KpiBars {
    pub items: Vec<KpiBar>,
}

/// KPI progress bars coloured by status, with a tick where each should be by now and the
/// status written at the right.
pub fn draw_kpis(fonts: &Fonts, chart: &KpiBars, rect: Rect, key: &mut Key) -> Vec<Draw> {
    if rect.w < STACK_BELOW {
        return draw_kpis_stacked(fonts, chart, rect);
    }
    let mut out = Vec::new();
    let n = chart.items.len().max(1);
    let band = rect.h / n as f32;
    let label_w = kpi_label_width(rect.w);
    let status_w = 92.0_f32.min(rect.w * 0.2);
    let track_x = rect.x + label_w + 10.0;
    // The trend takes a little of the bar's room, when any KPI has one.
    let trend_w = if chart.items.iter().any(|k| !k.trend.points.is_empty()) {
        TREND_W
    } else {
        0.0
    };
    let track_w = (rect.w - label_w - 20.0 - status_w - trend_w).max(10.0);
    let bar_h = (band * 0.3).clamp(2.0, 7.0);
    for (i, k) in chart.items.iter().enumerate() {
        if trend_w > 0.0 {
            let h = (band - 6.0).clamp(4.0, 16.0);
            let spark = Rect::new(
                track_x,
                rect.y + band * i as f32 + (band - h) / 2.0,
                trend_w - 10.0,
                h,
            );
            out.extend(super::sparkline::draw(&k.trend, spark, k.tone.color()));
        }
        let track_x = track_x + trend_w;
        let cy = rect.y + band * i as f32 + band / 2.0;
        label_and_detail(
            fonts,
            k,
            Rect::new(rect.x, cy - band / 2.0, label_w, band),
            key,
            &mut out,
        );
        let track = Rect::new(track_x, cy - bar_h / 2.0, track_w, bar_h);
        bar_with_status(fonts, k, track, status_w, rect.right(), &mut out);
    }
    out
}

/// The width a KPI's trend takes, its gap to the bar included.
const TREND_W: f32 = 54.0;

/// The names' column of KPI bars side by side in `width`.
fn kpi_label_width(width: f32) -> f32 {
    (width * 0.42).min(240.0)
}

/// The height KPI bars need in `width` for every name and detail to print whole, wrapped at
/// full size.
pub fn kpis_min_height(fonts: &Fonts, chart: &KpiBars, width: f32) -> f32 {
    if width < STACK_BELOW {
        return 0.0;
    }
    let w = kpi_label_width(width);
    let band = chart
        .items
        .iter()
        .map(|k| {
            let name = crate::text::clean_line(&k.label);
            let detail = crate::text::clean_line(&k.detail);
            let names = crate::text::wrap_line(fonts, &name, Weight::Bold, style::TABLE_SIZE, w);
            let details = if detail.is_empty() {
                0
            } else {
                crate::text::wrap_line(fonts, &detail, Weight::Regular, style::SMALL_SIZE, w).len()
            };
            names.len() as f32 * (style::TABLE_SIZE + 1.5)
                + details as f32 * (style::SMALL_SIZE + 1.5)
                + 4.0
        })
        .fold(0.0, f32::max);
    chart.items.len() as f32 * band
}

/// A KPI's name (bold) over its detail, centred in `cell`: on a line each when they fit,
/// else wrapped and set a little smaller until they fit the cell's height; text too long for
/// that is numbered and listed in full in the key.
fn label_and_detail(fonts: &Fonts, k: &KpiBar, cell: Rect, key: &mut Key, out: &mut Vec<Draw>) {
    let name = crate::text::clean_line(&k.label);
    let detail = crate::text::clean_line(&k.detail);
    let cy = cell.y + cell.h / 2.0;
    let fits_one_line = fonts.width(&name, Weight::Bold, style::TABLE_SIZE) <= cell.w
        && fonts.width(&detail, Weight::Regular, style::SMALL_SIZE) <= cell.w;
    // Even one line of each at the smallest scale must fit the cell for wrapping to help.
    let least = style::TABLE_SIZE * 0.72
        + 1.5
        + if detail.is_empty() {
            0.0
        } else {
            style::SMALL_SIZE * 0.72 + 1.5
        };
    if !fits_one_line && least <= cell.h - 2.0 {
        for scale in [1.0, 0.9, 0.8, 0.72] {
            let (name_size, detail_size) = (style::TABLE_SIZE * scale, style::SMALL_SIZE * scale);
            let wrap = |t: &str, w, s| {
                if t.is_empty() {
                    Vec::new()
                } else {
                    crate::text::wrap_line(fonts, t, w, s, cell.w)
                }
            };
            let names = wrap(&name, Weight::Bold, name_size);
            let details = wrap(&detail, Weight::Regular, detail_size);
            let (nl, dl) = (name_size + 1.5, detail_size + 1.5);
            let total = names.len() as f32 * nl + details.len() as f32 * dl;
            if total > cell.h - 2.0 {
                continue;
            }
            let mut y = cy - total / 2.0;
            for (lines, size, leading, weight, color) in [
                (names, name_size, nl, Weight::Bold, style::INK),
                (details, detail_size, dl, Weight::Regular, style::MUTED),
            ] {
                for line in lines {
                    out.push(Draw::text(
                        cell.x,
                        y + size * 0.85,
                        size,
                        weight,
                        color,
                        &line,
                    ));
                    y += leading;
                }
            }
            return;
        }
    }
    let has_detail = !detail.is_empty();
    let (label, size) = line_or_mark(
        fonts,
        &name,
        Weight::Bold,
        (style::TABLE_SIZE, style::TABLE_SIZE * 0.72),
        cell.w,
        key,
    );
    out.push(Draw::text(
        cell.x,
        if has_detail { cy - 1.0 } else { cy + 3.0 },
        size,
        Weight::Bold,
        style::INK,
        &label,
    ));
    if has_detail {
        let (detail, size) = line_or_mark(
            fonts,
            &detail,
            Weight::Regular,
            (style::SMALL_SIZE, style::SMALL_SIZE * 0.72),
            cell.w,
            key,
        );
        out.push(Draw::text(
            cell.x,
            cy + 8.5,
            size,
            Weight::Regular,
            style::MUTED,
            &detail,
        ));
    }
}

/// Narrower than this, a KPI's name gets a line of its own above its bar: side by side, a
/// third of a column is too little to read a name.
pub const STACK_BELOW: f32 = 320.0;

/// The height a KPI takes when stacked and its name and detail take one line each.
pub const STACKED_ROW: f32 = 38.0;

const NAME_LEADING: f32 = 10.5;
const DETAIL_LEADING: f32 = 9.0;

/// A stacked KPI's name and detail, wrapped to the column's width.
fn stacked_lines(fonts: &Fonts, k: &KpiBar, w: f32) -> (Vec<String>, Vec<String>) {
    let name = crate::text::wrap_line(
        fonts,
        &crate::text::clean_line(&k.label),
        Weight::Bold,
        style::TABLE_SIZE,
        w,
    );
    let detail = if k.detail.trim().is_empty() {
        Vec::new()
    } else {
        crate::text::wrap_line(
            fonts,
            &crate::text::clean_line(&k.detail),
            Weight::Regular,
            style::SMALL_SIZE,
            w,
        )
    };
    (name, detail)
}

fn stacked_height_of(name: &[String], detail: &[String]) -> f32 {
    STACKED_ROW
        + name.len().saturating_sub(1) as f32 * NAME_LEADING
        + detail.len().saturating_sub(1) as f32 * DETAIL_LEADING
}

/// The height `k` takes stacked in a column `w` wide, its name and detail wrapped whole.
pub fn stacked_height(fonts: &Fonts, k: &KpiBar, w: f32) -> f32 {
    let (name, detail) = stacked_lines(fonts, k, w);
    stacked_height_of(&name, &detail)
}

/// KPI progress for a narrow column: the name (wrapped) on lines of its own, the bar with its
/// status under it, then the latest value and target in small type. KPIs are drawn while
/// they fit whole.
pub fn draw_kpis_stacked(fonts: &Fonts, chart: &KpiBars, rect: Rect) -> Vec<Draw> {
    let mut out = Vec::new();
    let bar_h = 6.0;
    let mut top = rect.y;
    for k in &chart.items {
        let (name, detail) = stacked_lines(fonts, k, rect.w);
        let height = stacked_height_of(&name, &detail);
        if top + height > rect.bottom() + 0.5 {
            break;
        }
        let mut y = top + 8.0;
        for line in &name {
            out.push(Draw::text(
                rect.x,
                y,
                style::TABLE_SIZE,
                Weight::Bold,
                style::INK,
                line,
            ));
            y += NAME_LEADING;
        }
        let cy = y - NAME_LEADING + 9.0;
        let status_w = status_width(fonts, k).min(rect.w * 0.6);
        let track_w = (rect.w - status_w - 8.0).max(10.0);
        let track = Rect::new(rect.x, cy - bar_h / 2.0, track_w, bar_h);
        bar_with_status(fonts, k, track, status_w, rect.right(), &mut out);
        let mut y = cy + 12.0;
        for line in &detail {
            out.push(Draw::text(
                rect.x,
                y,
                style::SMALL_SIZE,
                Weight::Regular,
                style::MUTED,
                line,
            ));
            y += DETAIL_LEADING;
        }
        top += height;
    }
    out
}

/// "On track · 62%": what the status column writes.
fn status_text(k: &KpiBar) -> String {
    let pct = k.progress.map_or_else(
        || "—".to_owned(),
        |p| format!("{}%", format_number((p * 100.0).round())),
    );
    format!("{} · {pct}", k.status)
}

fn status_width(fonts: &Fonts, k: &KpiBar) -> f32 {
    fonts.width(&status_text(k), Weight::Bold, style::TABLE_SIZE)
}

/// A KPI's progress bar in `track`, the tick where it should be by now, and its status and
/// percentage right-aligned at `right`.
fn bar_with_status(
    fonts: &Fonts,
    k: &KpiBar,
    track: Rect,
    status_w: f32,
    right: f32,
    out: &mut Vec<Draw>,
) {
    out.push(Draw::fill(track, style::GRID));
    if let Some(p) = k.progress {
        let f = p.clamp(0.0, 1.0) as f32;
        if f > 0.0 {
            out.push(Draw::fill(
                Rect::new(track.x, track.y, track.w * f, track.h),
                k.tone.color(),
            ));
        }
    }
    let ex = track.x + track.w * k.expected.clamp(0.0, 1.0) as f32;
    out.push(Draw::line(
        ex,
        track.y - 3.0,
        ex,
        track.bottom() + 3.0,
        Stroke::solid(style::INK, 1.0),
    ));
    // The status is the core's vocabulary, never cut: in too little room it is set smaller.
    let status = status_text(k);
    let natural = fonts.width(&status, Weight::Bold, style::TABLE_SIZE);
    let size = if natural > status_w && natural > 0.0 {
        (style::TABLE_SIZE * status_w / natural).max(5.0)
    } else {
        style::TABLE_SIZE
    };
    out.push(Draw::text_aligned(
        right,
        track.y + track.h / 2.0 + 3.0,
        size,
        Weight::Bold,
        k.tone.color(),
        Align::Right,
        &status,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::shipped;

    #[test]
    fn fractions_clamp() {
        assert_eq!(fraction(30.0, 60.0), 0.5);
        assert_eq!(fraction(90.0, 60.0), 1.0);
        assert_eq!(fraction(5.0, 0.0), 0.0);
    }

    #[test]
    fn bars_fit_the_rectangle() {
        let list = ProgressList {
            items: vec![
                Progress {
                    label: "Active members".into(),
                    value: 42.0,
                    target: 60.0,
                    detail: "42 of 60".into(),
                },
                Progress {
                    label: "Answered within a day".into(),
                    value: 0.0,
                    target: 0.0,
                    detail: String::new(),
                },
            ],
        };
        let r = Rect::new(5.0, 5.0, 400.0, 80.0);
        let d = draw(shipped().unwrap(), &list, r, &mut Key::default());
        assert!(crate::charts::all_inside(&d, r));
        assert!(d
            .iter()
            .any(|d| matches!(d, Draw::Text { text, .. } if text == "70%")));
    }

    #[test]
    fn kpi_bars_fit_and_show_status_and_progress() {
        let bars = KpiBars {
            items: vec![
                KpiBar {
                    label: "Answered by members".into(),
                    detail: "39.5% on 1 July 2026".into(),
                    progress: Some(0.4875),
                    expected: 0.5,
                    status: "On track".into(),
                    tone: Tone::Good,
                    trend: crate::charts::sparkline::Sparkline {
                        points: vec![(0.0, 20.0), (0.5, 31.0), (1.0, 39.5)],
                        target: Some(60.0),
                    },
                },
                KpiBar {
                    label: "NPS".into(),
                    detail: String::new(),
                    progress: None,
                    expected: 0.2,
                    status: "Not yet measured".into(),
                    tone: Tone::Neutral,
                    trend: Default::default(),
                },
            ],
        };
        let r = Rect::new(5.0, 5.0, 480.0, 80.0);
        let d = draw_kpis(shipped().unwrap(), &bars, r, &mut Key::default());
        assert!(crate::charts::all_inside(&d, r));
        assert!(d
            .iter()
            .any(|d| matches!(d, Draw::Text { text, .. } if text == "On track · 49%")));
        // The first KPI's trend is a line; the second, unmeasured, has none.
        assert_eq!(
            d.iter()
                .filter(|d| matches!(d, Draw::Line { points, .. } if points.len() == 3))
                .count(),
            1
        );
    }
}
