//! Progress, status and community health, worked out from a KPI and its measurements on a
//! given day ("today" is a parameter: the app passes the clock's date, documents their date).
//!
//! # The rules
//! * **Progress** is how far the latest measurement on or before today has moved from the
//!   baseline towards the target: `(actual − baseline) / (target − baseline)`. Because a KPI's
//!   target always lies on its good side of the baseline (validation refuses anything else),
//!   this one formula is direction-aware: for a lower-is-better KPI, a fall is progress. 0 is
//!   the baseline, 1 the target; below 0 means it went the wrong way, above 1 past the target.
//!   A zero baseline needs no special case (nothing is divided by the baseline).
//! * **Expected** is the value on the straight line from (baseline date, baseline) to
//!   (target date, target) at today, held at the baseline before the baseline date and at the
//!   target after the target date. Expected progress is the same as a share, 0 to 1.
//! * **KpiStatus**, in this order:
//!   1. *not yet measured*: no measurement on or before today;
//!   2. *achieved*: progress ≥ 1 (the latest value reached or passed the target);
//!   3. *off track*: the target date has come and the target is not reached;
//!   4. *on track*: progress is no more than [`ON_TRACK_GAP`] (10 points of the whole
//!      baseline-to-target distance) behind expected progress, or ahead of it;
//!   5. *at risk*: no more than [`AT_RISK_GAP`] (25 points) behind;
//!   6. *off track*: further behind.
//!
//!   Gaps are measured in points of the whole distance rather than as a ratio of expected
//!   progress, so a KPI is not called off track for a small dip in the first days of a plan.
//! * **Community health** is the weighted mean of the measured KPIs' progress, each capped to
//!   0–100 % (a KPI far past its target cannot hide another that went backwards). KPIs
//!   without a measurement, or with weight 0, are left out and listed as such.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::goals::kpis::{Direction, Kpi};
use crate::goals::measurements::Measurement;
use crate::goals::values::{format_value, with_unit};

/// How far behind expected progress a KPI may be and still be on track.
pub const ON_TRACK_GAP: f64 = 0.10;
/// How far behind expected progress a KPI may be and be at risk rather than off track.
pub const AT_RISK_GAP: f64 = 0.25;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum KpiStatus {
    OnTrack,
    AtRisk,
    OffTrack,
    Achieved,
    NotYetMeasured,
}

impl KpiStatus {
    pub const ALL: [KpiStatus; 5] = [
        KpiStatus::OnTrack,
        KpiStatus::AtRisk,
        KpiStatus::OffTrack,
        KpiStatus::Achieved,
        KpiStatus::NotYetMeasured,
    ];

    pub fn label(self) -> &'static str {
        match self {
            KpiStatus::OnTrack => "On track",
            KpiStatus::AtRisk => "At risk",
            KpiStatus::OffTrack => "Off track",
            KpiStatus::Achieved => "Achieved",
            KpiStatus::NotYetMeasured => "Not yet measured",
        }
    }
}

/// The status rules in one sentence, for the screens and documents.
pub fn rules() -> String {
    format!(
        "On track: no more than {} points behind where the KPI should be by now on the straight line from baseline to target (or ahead of it); at risk: up to {} points behind; off track: further behind, or the target date has passed without reaching the target; achieved: the latest value reached the target.",
        (ON_TRACK_GAP * 100.0).round(),
        (AT_RISK_GAP * 100.0).round()
    )
}

/// Share of the time from baseline date to target date that has passed by `today`, 0 to 1.
pub fn elapsed(baseline: NaiveDate, target: NaiveDate, today: NaiveDate) -> f64 {
    let span = (target - baseline).num_days();
    if span <= 0 {
        return 1.0;
    }
    ((today - baseline).num_days() as f64 / span as f64).clamp(0.0, 1.0)
}

/// Progress of `value` from `baseline` towards `target`; see the module's rules.
pub fn progress(baseline: f64, target: f64, value: f64) -> f64 {
    let distance = target - baseline;
    if distance == 0.0 || !distance.is_finite() {
        return if value == target { 1.0 } else { 0.0 };
    }
    (value - baseline) / distance
}

/// The status of a KPI whose latest value has `progress`, with `expected` progress by today.
/// `progress` is `None` when nothing is measured yet.
pub fn status(progress: Option<f64>, expected: f64, target_date_passed: bool) -> KpiStatus {
    let Some(p) = progress else {
        return KpiStatus::NotYetMeasured;
    };
    if p >= 1.0 {
        KpiStatus::Achieved
    } else if target_date_passed {
        KpiStatus::OffTrack
    } else if p >= expected - ON_TRACK_GAP {
        KpiStatus::OnTrack
    } else if p >= expected - AT_RISK_GAP {
        KpiStatus::AtRisk
    } else {
        KpiStatus::OffTrack
    }
}

/// Everything the screens and documents show about one KPI on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct KpiReport {
    pub kpi_id: Uuid,
    pub today: NaiveDate,
    pub latest: Option<Measurement>,
    /// Progress of the latest value; `None` before the first measurement.
    pub progress: Option<f64>,
    pub expected_value: f64,
    pub expected_progress: f64,
    /// The figures as a person reads them, each with the KPI's unit ("1,250 members", "45%"):
    /// the screens show these rather than formatting numbers themselves.
    pub baseline_text: String,
    pub target_text: String,
    pub expected_text: String,
    pub latest_text: Option<String>,
    pub status: KpiStatus,
    pub status_label: String,
    /// One sentence on why the status is what it is.
    pub explanation: String,
    pub chart: TrendChart,
    /// Set when the KPI's cadence says a measurement is due: its last one (or the baseline,
    /// before any) is a whole period old.
    #[ts(optional = nullable)]
    pub due: Option<KpiDue>,
}

/// A measurement the KPI's cadence asks for and that has not been taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct KpiDue {
    /// The latest measurement's date, or the baseline's when there is none yet.
    pub since: NaiveDate,
    /// When the next measurement was due.
    pub due_on: NaiveDate,
}

/// The measurement `kpi` is due for on `today`, if any: one cadence period after its latest
/// measurement, or after its baseline before the first.
pub fn due(kpi: &Kpi, latest: Option<&Measurement>, today: NaiveDate) -> Option<KpiDue> {
    let since = latest.map_or(kpi.baseline_date, |m| m.measured_on);
    let due_on = kpi.cadence.next_after(since)?;
    if today < due_on {
        return None;
    }
    Some(KpiDue { since, due_on })
}

/// A point of the trend chart: `x` and `y` run from 0 to 1 across the plot (y upwards).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub date: NaiveDate,
    /// The value with its unit.
    pub label: String,
    /// The measurement drawn here; `None` for the baseline and target of the expected line.
    #[ts(optional = nullable)]
    pub measurement_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Tick {
    /// 0 to 1 along its axis.
    pub at: f64,
    pub label: String,
}

/// The trend chart, laid out on a unit square so any renderer only scales it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct TrendChart {
    /// Measurements, oldest first.
    pub actual: Vec<ChartPoint>,
    /// The straight line from baseline to target.
    pub expected: Vec<ChartPoint>,
    /// Height of the target line.
    pub target_y: f64,
    pub target_label: String,
    /// Where today falls, when inside the chart.
    pub today_x: Option<f64>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
}

/// Reports a KPI on `today` from its measurements (any order; other KPIs' are skipped).
pub fn report(kpi: &Kpi, measurements: &[Measurement], today: NaiveDate) -> KpiReport {
    report_of(
        kpi,
        measurements.iter().filter(|m| m.kpi_id == kpi.id).collect(),
        today,
    )
}

/// Reports every KPI on `today`, in the KPIs' order, sorting the measurements out by KPI once.
pub fn reports(kpis: &[Kpi], measurements: &[Measurement], today: NaiveDate) -> Vec<KpiReport> {
    let mut by_kpi: HashMap<Uuid, Vec<&Measurement>> = HashMap::with_capacity(kpis.len());
    for m in measurements {
        by_kpi.entry(m.kpi_id).or_default().push(m);
    }
    kpis.iter()
        .map(|k| report_of(k, by_kpi.remove(&k.id).unwrap_or_default(), today))
        .collect()
}

/// Reports a KPI on `today` from its own measurements (any order).
fn report_of(kpi: &Kpi, mut mine: Vec<&Measurement>, today: NaiveDate) -> KpiReport {
    mine.sort_by_key(|m| m.measured_on);
    let latest = mine.iter().rev().find(|m| m.measured_on <= today).copied();
    let expected_progress = elapsed(kpi.baseline_date, kpi.target_date, today);
    // Rounded to the KPI's precision: it is read, never computed with again.
    let (lo, hi) = (
        kpi.baseline_value.min(kpi.target_value),
        kpi.baseline_value.max(kpi.target_value),
    );
    let expected_value = round_like(
        kpi.baseline_value + (kpi.target_value - kpi.baseline_value) * expected_progress,
        kpi.target_value - kpi.baseline_value,
    )
    .clamp(lo, hi);
    let progress_now = latest.map(|m| progress(kpi.baseline_value, kpi.target_value, m.value));
    let passed = today >= kpi.target_date;
    let status = status(progress_now, expected_progress, passed);
    let u = |v: f64| with_unit(v, &kpi.unit);
    let day = crate::text::date;
    let explanation = match (latest, progress_now) {
        (Some(m), Some(p)) => {
            let pct = format_value((p * 100.0).round());
            match status {
                KpiStatus::Achieved => format!(
                    "{} on {} reaches the target of {}.",
                    u(m.value),
                    day(m.measured_on),
                    u(kpi.target_value)
                ),
                KpiStatus::OffTrack if passed => format!(
                    "The target date ({}) has passed and the latest value, {}, is {pct}% of the way to {}.",
                    day(kpi.target_date),
                    u(m.value),
                    u(kpi.target_value)
                ),
                _ => format!(
                    "{} on {} is {pct}% of the way from {} to {}; by today it should be about {} ({}%).",
                    u(m.value),
                    day(m.measured_on),
                    u(kpi.baseline_value),
                    u(kpi.target_value),
                    u(round_like(expected_value, kpi.target_value - kpi.baseline_value)),
                    format_value((expected_progress * 100.0).round())
                ),
            }
        }
        _ => format!(
            "No measurement yet. Add the value measured on a date to see progress towards {} by {}.",
            u(kpi.target_value),
            day(kpi.target_date)
        ),
    };
    KpiReport {
        kpi_id: kpi.id,
        today,
        latest: latest.cloned(),
        progress: progress_now,
        expected_value,
        expected_progress,
        baseline_text: u(kpi.baseline_value),
        target_text: u(kpi.target_value),
        expected_text: u(round_like(
            expected_value,
            kpi.target_value - kpi.baseline_value,
        )),
        latest_text: latest.map(|m| u(m.value)),
        status,
        status_label: status.label().to_owned(),
        explanation,
        chart: chart(kpi, &mine, today),
        due: due(kpi, latest, today),
    }
}

/// A worked-out value rounded to a precision that suits the KPI's range: whole numbers for a
/// range of 100 or more, one decimal for 1 to 100, two below.
pub fn round_like(v: f64, span: f64) -> f64 {
    let places = match span.abs() {
        s if s >= 100.0 => 0,
        s if s >= 1.0 => 1,
        _ => 2,
    };
    let f = 10_f64.powi(places);
    (v * f).round() / f
}

fn chart(kpi: &Kpi, points: &[&Measurement], today: NaiveDate) -> TrendChart {
    let first = points
        .first()
        .map_or(kpi.baseline_date, |m| m.measured_on.min(kpi.baseline_date));
    let last = points
        .last()
        .map_or(kpi.target_date, |m| m.measured_on.max(kpi.target_date));
    let span = (last - first).num_days().max(1) as f64;
    let x = |d: NaiveDate| (d - first).num_days() as f64 / span;
    let mut lo = kpi.baseline_value.min(kpi.target_value);
    let mut hi = kpi.baseline_value.max(kpi.target_value);
    for m in points {
        lo = lo.min(m.value);
        hi = hi.max(m.value);
    }
    let (step, lo, hi) = nice_range(lo, hi);
    let y = |v: f64| if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
    let point = |d: NaiveDate, v: f64, measurement_id: Option<Uuid>| ChartPoint {
        x: x(d),
        y: y(v),
        date: d,
        label: with_unit(v, &kpi.unit),
        measurement_id,
    };
    let mut y_ticks = Vec::new();
    let mut v = lo;
    while v <= hi + step * 1e-6 {
        y_ticks.push(Tick {
            at: y(v),
            label: format_value(v),
        });
        v += step;
    }
    let x_ticks = [first, last]
        .into_iter()
        .chain((1..4).filter_map(|i| {
            first.checked_add_days(chrono::Days::new((span * f64::from(i) / 4.0) as u64))
        }))
        .map(|d| Tick {
            at: x(d),
            label: crate::text::month_year(d),
        })
        .collect::<Vec<_>>();
    let mut x_ticks = x_ticks;
    x_ticks.sort_by(|a, b| a.at.total_cmp(&b.at));
    TrendChart {
        actual: points
            .iter()
            .map(|m| point(m.measured_on, m.value, Some(m.id)))
            .collect(),
        expected: vec![
            point(kpi.baseline_date, kpi.baseline_value, None),
            point(kpi.target_date, kpi.target_value, None),
        ],
        target_y: y(kpi.target_value),
        target_label: format!("Target {}", with_unit(kpi.target_value, &kpi.unit)),
        today_x: Some(x(today)).filter(|t| (0.0..=1.0).contains(t)),
        x_ticks,
        y_ticks,
    }
}

/// A round step and the range widened to whole steps, about five ticks.
fn nice_range(lo: f64, hi: f64) -> (f64, f64, f64) {
    let span = (hi - lo)
        .abs()
        .max(f64::EPSILON.max(hi.abs() * 1e-9))
        .max(1e-9);
    let raw = span / 5.0;
    let magnitude = 10_f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let lo = (lo / step).floor() * step;
    let hi = ((hi / step).ceil() * step).max(lo + step);
    (step, lo, hi)
}

/// One KPI's part in the health figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct HealthPart {
    pub kpi_id: Uuid,
    pub name: String,
    pub weight: f64,
    /// Its weight as a share of the counted weights, 0 to 1; 0 when left out.
    pub share: f64,
    /// Its progress capped to 0–1; `None` when left out.
    pub score: Option<f64>,
    /// Points it adds to the health figure (share × score × 100).
    pub points: f64,
    /// Why it is left out, when it is.
    pub left_out: Option<String>,
}

/// The community health figure: weighted progress towards the targets, 0 to 100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Health {
    /// `None` until a KPI with a weight above 0 has a measurement.
    pub score: Option<f64>,
    /// Where the same weighted figure should be by today, following the straight lines.
    pub expected: Option<f64>,
    pub parts: Vec<HealthPart>,
}

/// The health figure from the KPIs' reports; see the module's rules.
pub fn health(kpis: &[Kpi], reports: &[KpiReport]) -> Health {
    let counted: Vec<(&Kpi, &KpiReport, f64)> = kpis
        .iter()
        .filter_map(|k| {
            let r = reports.iter().find(|r| r.kpi_id == k.id)?;
            let p = r.progress?;
            (k.weight > 0.0).then_some((k, r, p))
        })
        .collect();
    let total: f64 = counted.iter().map(|(k, _, _)| k.weight).sum();
    let parts = kpis
        .iter()
        .map(|k| {
            let entry = counted.iter().find(|(c, _, _)| c.id == k.id);
            match entry {
                Some((_, _, p)) if total > 0.0 => {
                    let share = k.weight / total;
                    let score = p.clamp(0.0, 1.0);
                    HealthPart {
                        kpi_id: k.id,
                        name: k.name.clone(),
                        weight: k.weight,
                        share,
                        score: Some(score),
                        points: share * score * 100.0,
                        left_out: None,
                    }
                }
                _ => HealthPart {
                    kpi_id: k.id,
                    name: k.name.clone(),
                    weight: k.weight,
                    share: 0.0,
                    score: None,
                    points: 0.0,
                    left_out: Some(if k.weight <= 0.0 {
                        "Weight 0: left out of the health figure.".to_owned()
                    } else {
                        "Not yet measured: counted once it has a measurement.".to_owned()
                    }),
                },
            }
        })
        .collect::<Vec<_>>();
    if counted.is_empty() || total <= 0.0 {
        return Health {
            score: None,
            expected: None,
            parts,
        };
    }
    let score = parts.iter().map(|p| p.points).sum();
    let expected = counted
        .iter()
        .map(|(k, r, _)| k.weight / total * r.expected_progress * 100.0)
        .sum();
    Health {
        score: Some(score),
        expected: Some(expected),
        parts,
    }
}

/// Whether the KPI's latest value is on the good side of `other` (for sorting and arrows).
pub fn better(direction: Direction, a: f64, b: f64) -> bool {
    match direction {
        Direction::Higher => a > b,
        Direction::Lower => a < b,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Days, Utc};
    use proptest::prelude::*;

    use super::*;
    use crate::goals::kpis::{Cadence, KpiCategory, KpiOwner};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn kpi(direction: Direction, baseline: f64, target: f64) -> Kpi {
        Kpi {
            id: Uuid::now_v7(),
            goal_id: Uuid::nil(),
            name: "KPI".into(),
            category: KpiCategory::Growth,
            custom_category: String::new(),
            definition: String::new(),
            unit: String::new(),
            direction,
            baseline_value: baseline,
            baseline_date: date(2026, 1, 1),
            target_value: target,
            target_date: date(2026, 12, 31),
            data_source: String::new(),
            owner: KpiOwner::default(),
            cadence: Cadence::Monthly,
            weight: 1.0,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn m(k: &Kpi, on: NaiveDate, value: f64) -> Measurement {
        Measurement {
            id: Uuid::now_v7(),
            kpi_id: k.id,
            measured_on: on,
            value,
            note: String::new(),
            created_at: Utc::now(),
        }
    }

    #[test]
    fn a_kpi_is_due_one_cadence_period_after_its_last_measurement() {
        let mut k = kpi(Direction::Higher, 0.0, 100.0);
        k.cadence = Cadence::Weekly;
        let taken = m(&k, date(2026, 3, 2), 10.0);
        let all = [taken];
        assert!(report(&k, &all, date(2026, 3, 8)).due.is_none());
        let due = report(&k, &all, date(2026, 3, 23)).due.unwrap();
        assert_eq!(
            (due.since, due.due_on),
            (date(2026, 3, 2), date(2026, 3, 9))
        );

        k.cadence = Cadence::Quarterly;
        assert!(report(&k, &all, date(2026, 6, 1)).due.is_none());
        assert_eq!(
            report(&k, &all, date(2026, 6, 2)).due.unwrap().due_on,
            date(2026, 6, 2)
        );
        // A month after 31 January is the last day of February.
        k.cadence = Cadence::Monthly;
        let end = [m(&k, date(2026, 1, 31), 10.0)];
        assert_eq!(
            report(&k, &end, date(2026, 3, 1)).due.unwrap().due_on,
            date(2026, 2, 28)
        );
    }

    #[test]
    fn before_any_measurement_the_baseline_starts_the_clock() {
        let k = kpi(Direction::Higher, 0.0, 100.0);
        assert!(report(&k, &[], date(2026, 1, 31)).due.is_none());
        let due = report(&k, &[], date(2026, 2, 1)).due.unwrap();
        assert_eq!(due.since, k.baseline_date);
        // A measurement dated after today does not count as taken.
        let future = [m(&k, date(2026, 5, 1), 10.0)];
        assert!(report(&k, &future, date(2026, 3, 1)).due.is_some());
        // The last day of the calendar has no next one: nothing can be due.
        assert!(Cadence::Yearly.next_after(NaiveDate::MAX).is_none());
    }

    fn rank(s: KpiStatus) -> u8 {
        match s {
            KpiStatus::NotYetMeasured => 0,
            KpiStatus::OffTrack => 1,
            KpiStatus::AtRisk => 2,
            KpiStatus::OnTrack => 3,
            KpiStatus::Achieved => 4,
        }
    }

    #[test]
    fn figures_come_written_with_their_unit_for_the_screens() {
        let mut k = kpi(Direction::Higher, 1000.0, 2500.0);
        k.unit = "members".into();
        let before = report(&k, &[], date(2026, 7, 2));
        assert_eq!(before.baseline_text, "1,000 members");
        assert_eq!(before.target_text, "2,500 members");
        assert_eq!(before.latest_text, None, "nothing measured yet");
        // 2 July is halfway from 1 January to 31 December: 1,750 expected.
        assert_eq!(before.expected_text, "1,750 members");

        k.unit = "%".into();
        let first = m(&k, date(2026, 3, 1), 1234.5);
        let r = report(&k, std::slice::from_ref(&first), date(2026, 7, 2));
        assert_eq!(r.latest_text.as_deref(), Some("1,234.5%"));
        let point = &r.chart.actual[0];
        assert_eq!(
            point.measurement_id,
            Some(first.id),
            "each point names its measurement"
        );
        assert_eq!(point.label, "1,234.5%");
        assert!(r.chart.expected.iter().all(|p| p.measurement_id.is_none()));
    }

    #[test]
    fn no_measurements_means_not_yet_measured_and_no_health() {
        let k = kpi(Direction::Higher, 100.0, 200.0);
        let r = report(&k, &[], date(2026, 6, 1));
        assert_eq!(r.status, KpiStatus::NotYetMeasured);
        assert_eq!(r.progress, None);
        assert!(
            r.explanation.starts_with("No measurement yet"),
            "{}",
            r.explanation
        );
        let h = health(std::slice::from_ref(&k), &[r]);
        assert_eq!(h.score, None);
        assert!(h.parts[0].left_out.is_some());
    }

    #[test]
    fn a_measurement_after_today_does_not_count_yet() {
        let k = kpi(Direction::Higher, 100.0, 200.0);
        let r = report(&k, &[m(&k, date(2026, 7, 1), 300.0)], date(2026, 6, 1));
        assert_eq!(
            r.status,
            KpiStatus::NotYetMeasured,
            "documents dated earlier ignore later values"
        );
    }

    #[test]
    fn a_zero_baseline_works_like_any_other() {
        let k = kpi(Direction::Higher, 0.0, 100.0);
        // Half the year gone (182 of 364 days): expected 50.
        let today = date(2026, 7, 2);
        let r = report(&k, &[m(&k, date(2026, 7, 1), 45.0)], today);
        assert!(
            (r.expected_value - 50.0).abs() < 0.01,
            "{}",
            r.expected_value
        );
        assert!((r.progress.unwrap() - 0.45).abs() < 1e-9);
        assert_eq!(
            r.status,
            KpiStatus::OnTrack,
            "5 points behind is within the 10-point band"
        );
        let r = report(&k, &[m(&k, date(2026, 7, 1), 30.0)], today);
        assert_eq!(r.status, KpiStatus::AtRisk, "20 points behind");
        let r = report(&k, &[m(&k, date(2026, 7, 1), 20.0)], today);
        assert_eq!(r.status, KpiStatus::OffTrack, "30 points behind");
    }

    #[test]
    fn a_decreasing_target_counts_falls_as_progress() {
        // Response time from 26 h to 4 h: lower is better.
        let k = kpi(Direction::Lower, 26.0, 4.0);
        let today = date(2026, 7, 2);
        let r = report(&k, &[m(&k, date(2026, 7, 1), 15.0)], today);
        assert!((r.progress.unwrap() - 0.5).abs() < 1e-9);
        assert!((r.expected_value - 15.0).abs() < 0.01);
        assert_eq!(r.status, KpiStatus::OnTrack);
        let r = report(&k, &[m(&k, date(2026, 7, 1), 30.0)], today);
        assert!(r.progress.unwrap() < 0.0, "rising is going the wrong way");
        assert_eq!(r.status, KpiStatus::OffTrack);
        let r = report(&k, &[m(&k, date(2026, 3, 1), 3.0)], today);
        assert_eq!(
            r.status,
            KpiStatus::Achieved,
            "below the target is achieved when lower is better"
        );
    }

    #[test]
    fn a_target_already_passed_is_achieved_at_once() {
        let k = kpi(Direction::Higher, 100.0, 200.0);
        let r = report(&k, &[m(&k, date(2026, 1, 15), 250.0)], date(2026, 1, 20));
        assert_eq!(r.status, KpiStatus::Achieved);
        assert!(
            r.progress.unwrap() > 1.0,
            "progress past the target is kept as it is"
        );
    }

    #[test]
    fn after_the_target_date_an_unreached_target_is_off_track() {
        let k = kpi(Direction::Higher, 100.0, 200.0);
        let r = report(&k, &[m(&k, date(2026, 12, 1), 195.0)], date(2027, 1, 10));
        assert_eq!(r.status, KpiStatus::OffTrack);
        assert!(
            (r.expected_value - 200.0).abs() < 1e-9,
            "held at the target after its date"
        );
        assert!(r.explanation.contains("has passed"), "{}", r.explanation);
    }

    #[test]
    fn before_the_baseline_date_the_expected_value_is_the_baseline() {
        let k = kpi(Direction::Higher, 100.0, 200.0);
        let r = report(&k, &[m(&k, date(2025, 12, 1), 100.0)], date(2025, 12, 15));
        assert_eq!(r.expected_value, 100.0);
        assert_eq!(r.status, KpiStatus::OnTrack);
    }

    #[test]
    fn health_is_the_weighted_mean_of_capped_progress_with_each_part_shown() {
        let mut a = kpi(Direction::Higher, 0.0, 100.0);
        a.weight = 3.0;
        let b = kpi(Direction::Lower, 10.0, 0.0);
        let mut c = kpi(Direction::Higher, 0.0, 10.0);
        c.weight = 0.0;
        let d = kpi(Direction::Higher, 0.0, 10.0);
        let today = date(2026, 7, 2);
        let ms = [m(&a, today, 50.0), m(&b, today, -5.0), m(&c, today, 10.0)];
        let kpis = [a, b, c, d];
        let reports: Vec<KpiReport> = kpis.iter().map(|k| report(k, &ms, today)).collect();
        let h = health(&kpis, &reports);
        // a: 3/4 × 0.5; b: 1/4 × 1 (progress 1.5, capped).
        assert!((h.score.unwrap() - 62.5).abs() < 1e-9, "{:?}", h.score);
        let points: f64 = h.parts.iter().map(|p| p.points).sum();
        assert!(
            (points - 62.5).abs() < 1e-9,
            "the parts add up to the figure"
        );
        assert!(h.parts[2]
            .left_out
            .as_deref()
            .unwrap()
            .starts_with("Weight 0"));
        assert!(h.parts[3]
            .left_out
            .as_deref()
            .unwrap()
            .starts_with("Not yet measured"));
        assert!(h.expected.is_some());
    }

    #[test]
    fn the_chart_spans_every_point_and_the_target() {
        let k = kpi(Direction::Higher, 100.0, 200.0);
        let ms = [
            m(&k, date(2026, 2, 1), 90.0),
            m(&k, date(2026, 3, 1), 130.0),
        ];
        let r = report(&k, &ms, date(2026, 3, 10));
        let c = &r.chart;
        assert_eq!(c.actual.len(), 2);
        for p in c.actual.iter().chain(&c.expected) {
            assert!(
                (0.0..=1.0).contains(&p.x) && (0.0..=1.0).contains(&p.y),
                "{p:?}"
            );
        }
        assert!(
            c.actual[0].y < c.expected[0].y,
            "90 sits below the baseline of 100"
        );
        assert!(c.today_x.is_some());
        assert!(c.y_ticks.len() >= 2);
    }

    fn values() -> impl Strategy<Value = (f64, f64, f64)> {
        (-1e6..1e6_f64, 0.001..1e6_f64, -2e6..2e6_f64)
    }

    proptest! {
        #[test]
        fn status_follows_the_documented_rules(
            (baseline, distance, value) in values(),
            higher in any::<bool>(),
            day in 0_u64..500,
        ) {
            let (direction, target) = if higher {
                (Direction::Higher, baseline + distance)
            } else {
                (Direction::Lower, baseline - distance)
            };
            let k = kpi(direction, baseline, target);
            let today = date(2026, 1, 1).checked_add_days(Days::new(day)).unwrap();
            let r = report(&k, &[m(&k, date(2026, 1, 1), value)], today);
            let p = r.progress.unwrap();
            prop_assert!((0.0..=1.0).contains(&r.expected_progress));
            let (lo, hi) = (baseline.min(target), baseline.max(target));
            prop_assert!(r.expected_value >= lo - 1e-6 && r.expected_value <= hi + 1e-6);
            let expected = if p >= 1.0 {
                KpiStatus::Achieved
            } else if today >= k.target_date {
                KpiStatus::OffTrack
            } else if p >= r.expected_progress - ON_TRACK_GAP {
                KpiStatus::OnTrack
            } else if p >= r.expected_progress - AT_RISK_GAP {
                KpiStatus::AtRisk
            } else {
                KpiStatus::OffTrack
            };
            prop_assert_eq!(r.status, expected);
            // Moving the value the good way never reads worse.
            let better_value = if higher { value + distance * 0.3 } else { value - distance * 0.3 };
            let better = report(&k, &[m(&k, date(2026, 1, 1), better_value)], today);
            prop_assert!(rank(better.status) >= rank(r.status), "{:?} then {:?}", r.status, better.status);
            // Time passing with the same value never reads better.
            let later = today.checked_add_days(Days::new(30)).unwrap();
            let r_later = report(&k, &[m(&k, date(2026, 1, 1), value)], later);
            prop_assert!(rank(r_later.status) <= rank(r.status));
        }

        #[test]
        fn a_lower_is_better_kpi_mirrors_a_higher_one(
            (baseline, distance, value) in values(),
            day in 0_u64..500,
        ) {
            let up = kpi(Direction::Higher, baseline, baseline + distance);
            let down = kpi(Direction::Lower, -baseline, -baseline - distance);
            let today = date(2026, 1, 1).checked_add_days(Days::new(day)).unwrap();
            let a = report(&up, &[m(&up, date(2026, 1, 1), value)], today);
            let b = report(&down, &[m(&down, date(2026, 1, 1), -value)], today);
            prop_assert_eq!(a.status, b.status);
            prop_assert!((a.progress.unwrap() - b.progress.unwrap()).abs() < 1e-6);
        }

        #[test]
        fn health_stays_between_0_and_100(
            entries in proptest::collection::vec((0.0..10.0_f64, -5e3..5e3_f64, any::<bool>()), 1..8),
        ) {
            let today = date(2026, 6, 1);
            let mut kpis = Vec::new();
            let mut ms = Vec::new();
            for (weight, value, measured) in entries {
                let mut k = kpi(Direction::Higher, 0.0, 1000.0);
                k.weight = weight;
                if measured {
                    ms.push(m(&k, today, value));
                }
                kpis.push(k);
            }
            let reports: Vec<KpiReport> = kpis.iter().map(|k| report(k, &ms, today)).collect();
            let h = health(&kpis, &reports);
            if let Some(score) = h.score {
                prop_assert!((0.0..=100.0 + 1e-9).contains(&score));
                let shares: f64 = h.parts.iter().map(|p| p.share).sum();
                prop_assert!((shares - 1.0).abs() < 1e-9);
            } else {
                prop_assert!(kpis.iter().all(|k| k.weight == 0.0 || !ms.iter().any(|x| x.kpi_id == k.id)));
            }
        }
    }
}
