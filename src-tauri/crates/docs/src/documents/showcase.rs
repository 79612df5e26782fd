//! A page of every chart with sample data, to look at and to test the charts end to end.

use chrono::NaiveDate;

use crate::charts::*;
use crate::draw::{Draw, Rect, Weight};
use crate::emit::{self, Info, PageOut};
use crate::fonts;
use crate::style::{self, Orientation, PageGeometry};
use crate::DocsError;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Sample data for every chart.
pub fn samples() -> Vec<(&'static str, Chart, f32)> {
    let radar = RadarChart {
        axes: [
            "Strategy",
            "Engagement",
            "Content",
            "Programs",
            "Governance",
            "Measurement",
            "Tools",
            "Team",
        ]
        .map(String::from)
        .to_vec(),
        levels: ["Ad hoc", "Emerging", "Defined", "Leading"]
            .map(String::from)
            .to_vec(),
        series: vec![
            RadarSeries {
                name: "Today".into(),
                values: vec![2.0, 3.0, 1.5, 2.0, 1.0, 1.0, 3.0, 2.5],
            },
            RadarSeries {
                name: "In a year".into(),
                values: vec![3.0, 3.5, 3.0, 3.0, 2.5, 3.0, 3.0, 3.0],
            },
        ],
    };
    let bars = BarChart {
        bars: [
            ("Forum", 48.0),
            ("Discord", 31.0),
            ("Newsletter", 22.0),
            ("Meetups", 9.0),
            ("LinkedIn group", 4.0),
        ]
        .into_iter()
        .map(|(l, v)| Bar {
            label: l.into(),
            value: v,
        })
        .collect(),
        max: None,
        unit: "%".into(),
    };
    let grid = QuadrantChart {
        x_label: "Interest".into(),
        y_label: "Power".into(),
        quadrants: [
            "Keep satisfied",
            "Manage closely",
            "Monitor",
            "Keep informed",
        ]
        .map(String::from),
        points: vec![
            GridPoint {
                label: "Head of product".into(),
                x: 0.8,
                y: 0.9,
            },
            GridPoint {
                label: "Legal".into(),
                x: 0.2,
                y: 0.75,
            },
            GridPoint {
                label: "Super users".into(),
                x: 0.9,
                y: 0.35,
            },
            GridPoint {
                label: "New members".into(),
                x: 0.6,
                y: 0.1,
            },
            GridPoint {
                label: "Finance".into(),
                x: 0.1,
                y: 0.2,
            },
        ],
    };
    let mut heat = HeatMap::five_by_five();
    heat.counts[4][3] = 1;
    heat.counts[2][2] = 3;
    heat.counts[1][4] = 2;
    heat.counts[3][1] = 1;
    let timeline = Timeline {
        start: date(2026, 1, 1),
        end: date(2026, 12, 31),
        today: Some(date(2026, 3, 16)),
        phases: vec![
            TimelinePhase {
                label: "Foundations".into(),
                start: date(2026, 1, 1),
                end: date(2026, 3, 31),
            },
            TimelinePhase {
                label: "Launch".into(),
                start: date(2026, 4, 1),
                end: date(2026, 7, 31),
            },
            TimelinePhase {
                label: "Scale".into(),
                start: date(2026, 8, 1),
                end: date(2026, 12, 31),
            },
        ],
        bars: vec![
            TimelineBar {
                label: "Moderation guidelines".into(),
                start: date(2026, 1, 15),
                end: date(2026, 3, 1),
                id: uuid::Uuid::nil(),
                waits_for: Vec::new(),
            },
            TimelineBar {
                label: "Ambassador programme".into(),
                start: date(2026, 3, 1),
                end: date(2026, 8, 15),
                id: uuid::Uuid::nil(),
                waits_for: Vec::new(),
            },
            TimelineBar {
                label: "Monthly meetups".into(),
                start: date(2026, 5, 1),
                end: date(2026, 12, 15),
                id: uuid::Uuid::nil(),
                waits_for: Vec::new(),
            },
        ],
        milestones: vec![
            Milestone {
                label: "Public launch".into(),
                date: date(2026, 4, 15),
            },
            Milestone {
                label: "1,000 members".into(),
                date: date(2026, 9, 30),
            },
        ],
    };
    let progress = ProgressList {
        items: vec![
            Progress {
                label: "Monthly active members".into(),
                value: 420.0,
                target: 600.0,
                detail: "420 of 600".into(),
            },
            Progress {
                label: "Questions answered in 24 h".into(),
                value: 81.0,
                target: 90.0,
                detail: "81% of 90%".into(),
            },
            Progress {
                label: "Ambassadors recruited".into(),
                value: 3.0,
                target: 12.0,
                detail: "3 of 12".into(),
            },
        ],
    };
    vec![
        ("Maturity profile", Chart::Radar(radar), 250.0),
        ("Channel reach", Chart::Bars(bars), 130.0),
        ("Power and interest", Chart::Quadrant(grid), 250.0),
        ("Risk matrix", Chart::HeatMap(heat), 210.0),
        ("Roadmap timeline", Chart::Timeline(timeline), 170.0),
        ("KPI progress", Chart::Progress(progress), 110.0),
    ]
}

/// Renders every chart with sample data on A4 pages.
pub fn chart_showcase() -> Result<Vec<u8>, DocsError> {
    let fonts = fonts::shipped()?;
    let geo = PageGeometry::new(groundwork_core::documents::Paper::A4, Orientation::Portrait);
    let mut pages = Vec::new();
    let mut draws = Vec::new();
    let mut y = geo.margin_top;
    for (title, chart, h) in samples() {
        if y + h + 30.0 > geo.content_bottom() {
            pages.push(PageOut {
                width: geo.width,
                height: geo.height,
                draws: std::mem::take(&mut draws),
            });
            y = geo.margin_top;
        }
        draws.push(Draw::text(
            geo.margin_x,
            y,
            11.0,
            Weight::Bold,
            style::INK,
            title,
        ));
        y += 14.0;
        let (chart_draws, key) = draw(
            fonts,
            &chart,
            Rect::new(geo.margin_x, y, geo.content_width(), h),
        );
        draws.extend(chart_draws);
        y += h;
        for entry in key.entries() {
            y += 11.0;
            draws.push(Draw::text(
                geo.margin_x,
                y,
                style::SMALL_SIZE,
                Weight::Regular,
                style::TEXT,
                &entry,
            ));
        }
        y += 30.0;
    }
    pages.push(PageOut {
        width: geo.width,
        height: geo.height,
        draws,
    });
    let info = Info {
        title: "Chart showcase".into(),
        author: String::new(),
        subject: String::new(),
        keywords: Vec::new(),
        date: date(2026, 1, 1),
    };
    Ok(emit::write(fonts, &pages, &[], &info, None)?.bytes)
}
