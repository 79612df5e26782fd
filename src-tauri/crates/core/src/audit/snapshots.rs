//! Metric snapshots: a channel's figures at a date, so a later audit can be compared with an
//! earlier one.
//!
//! Figures arrive as the text the strategist typed and are read here, so that "about 300",
//! "-5" or a date next year is refused with a sentence at the field and the text stays in the
//! form.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::audit::channels::same_name;
use crate::text::date;
use crate::text::figure as figure_text;
use crate::text::{paragraph, required_line};
use crate::Invalid;

/// A figure the strategist named for this audit (net promoter score, solved threads…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CustomFigure {
    pub name: String,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Snapshot {
    pub id: Uuid,
    pub channel_id: Uuid,
    pub taken_on: NaiveDate,
    pub members: Option<f64>,
    pub active_members: Option<f64>,
    pub posts_per_month: Option<f64>,
    /// Hours from a member's question to the first reply, as a median.
    pub median_response_hours: Option<f64>,
    /// 1 (very negative) to 5 (very positive).
    pub sentiment: Option<f64>,
    pub custom: Vec<CustomFigure>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
}

/// The standard figures every snapshot can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Metric {
    Members,
    ActiveMembers,
    PostsPerMonth,
    MedianResponseHours,
    Sentiment,
}

impl Metric {
    pub const ALL: [Metric; 5] = [
        Metric::Members,
        Metric::ActiveMembers,
        Metric::PostsPerMonth,
        Metric::MedianResponseHours,
        Metric::Sentiment,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Metric::Members => "Members",
            Metric::ActiveMembers => "Monthly active members",
            Metric::PostsPerMonth => "Posts per month",
            Metric::MedianResponseHours => "Median response time (hours)",
            Metric::Sentiment => "Sentiment (1–5)",
        }
    }

    /// The form field the figure is typed into.
    pub fn field(self) -> &'static str {
        match self {
            Metric::Members => "members",
            Metric::ActiveMembers => "activeMembers",
            Metric::PostsPerMonth => "postsPerMonth",
            Metric::MedianResponseHours => "medianResponseHours",
            Metric::Sentiment => "sentiment",
        }
    }

    /// Whether a rise is good news. A response time is better when it falls.
    pub fn higher_is_better(self) -> bool {
        self != Metric::MedianResponseHours
    }

    /// People are counted in whole numbers.
    fn whole(self) -> bool {
        matches!(self, Metric::Members | Metric::ActiveMembers)
    }

    pub fn of(self, s: &Snapshot) -> Option<f64> {
        match self {
            Metric::Members => s.members,
            Metric::ActiveMembers => s.active_members,
            Metric::PostsPerMonth => s.posts_per_month,
            Metric::MedianResponseHours => s.median_response_hours,
            Metric::Sentiment => s.sentiment,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct CustomFigureEdit {
    pub name: String,
    pub value: String,
}

/// A snapshot as the form sends it: every figure as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SnapshotEdit {
    pub channel_id: Uuid,
    /// Year-month-day, such as 2026-03-14.
    pub taken_on: String,
    pub members: String,
    pub active_members: String,
    pub posts_per_month: String,
    pub median_response_hours: String,
    pub sentiment: String,
    pub custom: Vec<CustomFigureEdit>,
    pub notes: String,
}

/// A snapshot's values, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotValues {
    pub channel_id: Uuid,
    pub taken_on: NaiveDate,
    pub members: Option<f64>,
    pub active_members: Option<f64>,
    pub posts_per_month: Option<f64>,
    pub median_response_hours: Option<f64>,
    pub sentiment: Option<f64>,
    pub custom: Vec<CustomFigure>,
    pub notes: String,
}

impl SnapshotEdit {
    /// Reads every figure. `today` is the strategist's calendar date: a snapshot records what
    /// was, so a later date is refused.
    pub fn validated(&self, today: NaiveDate) -> Result<SnapshotValues, Invalid> {
        let taken_on = parse_date("takenOn", "snapshot date", &self.taken_on)?;
        if taken_on > today {
            return Err(Invalid::field(
                "takenOn",
                format!(
                    "The snapshot date ({}) is in the future. Figures can be recorded for today ({}) or earlier.",
                    date(taken_on),
                    date(today)
                ),
            ));
        }
        let figure = |metric: Metric, text: &str| parse_figure(metric, text);
        let members = figure(Metric::Members, &self.members)?;
        let active_members = figure(Metric::ActiveMembers, &self.active_members)?;
        let posts_per_month = figure(Metric::PostsPerMonth, &self.posts_per_month)?;
        let median_response_hours =
            figure(Metric::MedianResponseHours, &self.median_response_hours)?;
        let sentiment = figure(Metric::Sentiment, &self.sentiment)?;
        if let Some(s) = sentiment.filter(|s| !(1.0..=5.0).contains(s)) {
            return Err(Invalid::field(
                "sentiment",
                format!(
                    "Sentiment is scored from 1 (very negative) to 5 (very positive); {} is outside that.",
                    figure_text(s)
                ),
            ));
        }
        let custom = self.custom_figures()?;
        let values = SnapshotValues {
            channel_id: self.channel_id,
            taken_on,
            members,
            active_members,
            posts_per_month,
            median_response_hours,
            sentiment,
            custom,
            notes: paragraph("notes", "notes", &self.notes)?,
        };
        let any_standard = [
            values.members,
            values.active_members,
            values.posts_per_month,
            values.median_response_hours,
            values.sentiment,
        ]
        .iter()
        .any(Option::is_some);
        if !any_standard && values.custom.is_empty() {
            return Err(Invalid::field(
                "members",
                "This snapshot has no figures. Type at least one, such as the number of members.",
            ));
        }
        Ok(values)
    }

    fn custom_figures(&self) -> Result<Vec<CustomFigure>, Invalid> {
        let mut out: Vec<CustomFigure> = Vec::new();
        for (i, row) in self.custom.iter().enumerate() {
            let (name_field, value_field) =
                (format!("custom.{i}.name"), format!("custom.{i}.value"));
            if row.name.trim().is_empty() && row.value.trim().is_empty() {
                continue;
            }
            if row.name.trim().is_empty() {
                return Err(Invalid::field(
                    &name_field,
                    "This figure has no name. Name it (such as “Net promoter score”) or clear its value.",
                ));
            }
            let name = required_line(&name_field, "figure's name", &row.name)?;
            if out.iter().any(|f| same_name(&f.name, &name))
                || Metric::ALL.iter().any(|m| same_name(m.label(), &name))
            {
                return Err(Invalid::field(
                    &name_field,
                    format!("“{name}” is already in this snapshot. Give each figure its own name."),
                ));
            }
            if row.value.trim().is_empty() {
                return Err(Invalid::field(
                    &value_field,
                    format!("Type a value for “{name}”, or remove the row."),
                ));
            }
            let value = parse_number(&value_field, &name, &row.value, false)?;
            out.push(CustomFigure { name, value });
        }
        Ok(out)
    }
}

impl Snapshot {
    /// The snapshot's edit form, filled with what it holds.
    pub fn to_edit(&self) -> SnapshotEdit {
        let text = |v: Option<f64>| v.map(figure_text).unwrap_or_default();
        SnapshotEdit {
            channel_id: self.channel_id,
            taken_on: self.taken_on.to_string(),
            members: text(self.members),
            active_members: text(self.active_members),
            posts_per_month: text(self.posts_per_month),
            median_response_hours: text(self.median_response_hours),
            sentiment: text(self.sentiment),
            custom: self
                .custom
                .iter()
                .map(|f| CustomFigureEdit {
                    name: f.name.clone(),
                    value: figure_text(f.value),
                })
                .collect(),
            notes: self.notes.clone(),
        }
    }
}

/// A calendar date typed as year-month-day.
pub fn parse_date(field: &str, label: &str, text: &str) -> Result<NaiveDate, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Invalid::field(
            field,
            format!("The {label} is empty. Type it as year-month-day, such as 2026-03-14."),
        ));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| {
        Invalid::field(
            field,
            format!("“{t}” is not a date Groundwork can read. Type the {label} as year-month-day, such as 2026-03-14."),
        )
    })
}

fn parse_figure(metric: Metric, text: &str) -> Result<Option<f64>, Invalid> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let label = metric.label().to_lowercase();
    let label = label.split(" (").next().unwrap_or(&label).to_owned();
    parse_number(metric.field(), &label, text, metric.whole()).map(Some)
}

/// Reads a figure as people write them: "1250", "1,250", "1 250", "12.5", "12,5". Refuses
/// words, negative numbers and, for counts of people, fractions.
pub fn parse_number(field: &str, label: &str, text: &str, whole: bool) -> Result<f64, Invalid> {
    let t = text.trim();
    let compact: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_' | '\''))
        .collect();
    let normalised = normalise_separators(&compact);
    let value = normalised.parse::<f64>().ok().filter(|v| v.is_finite());
    let Some(value) = value else {
        return Err(Invalid::field(
            field,
            format!("“{t}” is not a number. Type the {label} in digits, such as 1,250."),
        ));
    };
    if value < 0.0 {
        return Err(Invalid::field(
            field,
            format!("The {label} can’t be negative (you typed {t}). Type 0 or more."),
        ));
    }
    if whole && value.fract() != 0.0 {
        return Err(Invalid::field(
            field,
            format!("The {label} is a count of people, so it is a whole number; {t} is not."),
        ));
    }
    Ok(value)
}

/// "1,250" (thousands) → "1250"; "12,5" (a decimal comma) → "12.5"; "1,250.5" → "1250.5".
fn normalise_separators(s: &str) -> String {
    let commas = s.matches(',').count();
    if commas == 0 {
        return s.to_owned();
    }
    if s.contains('.') {
        return s.replace(',', "");
    }
    let digits = s.trim_start_matches(['-', '+']);
    let groups: Vec<&str> = digits.split(',').collect();
    let thousands = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    if thousands {
        s.replace(',', "")
    } else if commas == 1 {
        s.replace(',', ".")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 16).unwrap()
    }

    fn edit() -> SnapshotEdit {
        SnapshotEdit {
            channel_id: Uuid::now_v7(),
            taken_on: "2026-03-14".into(),
            members: "1,250".into(),
            active_members: "310".into(),
            posts_per_month: "42.5".into(),
            median_response_hours: "6".into(),
            sentiment: "4".into(),
            custom: vec![CustomFigureEdit {
                name: "Net promoter score".into(),
                value: "32".into(),
            }],
            notes: "From the forum's admin page.".into(),
        }
    }

    #[test]
    fn figures_are_read_as_people_write_them() {
        let v = edit().validated(today()).unwrap();
        assert_eq!(v.members, Some(1250.0));
        assert_eq!(v.posts_per_month, Some(42.5));
        assert_eq!(
            v.custom,
            vec![CustomFigure {
                name: "Net promoter score".into(),
                value: 32.0
            }]
        );
        for (typed, read) in [
            ("1 250", 1250.0),
            ("12,5", 12.5),
            ("1,250.5", 1250.5),
            ("0", 0.0),
        ] {
            assert_eq!(
                parse_number("f", "figure", typed, false).unwrap(),
                read,
                "{typed}"
            );
        }
    }

    #[test]
    fn words_and_negative_figures_are_refused_at_their_field() {
        let err = SnapshotEdit {
            members: "about 300".into(),
            ..edit()
        }
        .validated(today())
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("members"));
        assert!(
            err.message.contains("“about 300” is not a number"),
            "{}",
            err.message
        );

        let err = SnapshotEdit {
            posts_per_month: "-5".into(),
            ..edit()
        }
        .validated(today())
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("postsPerMonth"));
        assert!(err.message.contains("can’t be negative"), "{}", err.message);

        let err = SnapshotEdit {
            active_members: "12.5".into(),
            ..edit()
        }
        .validated(today())
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("activeMembers"));
        assert!(err.message.contains("whole number"), "{}", err.message);

        for bad in ["NaN", "inf", "1e999", "--3", "12abc"] {
            assert!(
                parse_number("f", "figure", bad, false).is_err(),
                "{bad} refused"
            );
        }
    }

    #[test]
    fn a_future_date_is_refused_and_today_is_fine() {
        let err = SnapshotEdit {
            taken_on: "2026-03-17".into(),
            ..edit()
        }
        .validated(today())
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("takenOn"));
        assert!(
            err.message
                .replace('\u{a0}', " ")
                .contains("17 Mar 2026) is in the future"),
            "{}",
            err.message
        );
        assert!(SnapshotEdit {
            taken_on: "2026-03-16".into(),
            ..edit()
        }
        .validated(today())
        .is_ok());
        let err = SnapshotEdit {
            taken_on: "14/03/2026".into(),
            ..edit()
        }
        .validated(today())
        .unwrap_err();
        assert!(err.message.contains("year-month-day"), "{}", err.message);
    }

    #[test]
    fn sentiment_stays_on_its_scale() {
        let err = SnapshotEdit {
            sentiment: "7".into(),
            ..edit()
        }
        .validated(today())
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("sentiment"));
        assert!(err.message.contains("7 is outside"), "{}", err.message);
    }

    #[test]
    fn custom_figures_need_a_name_and_a_value_and_unique_names() {
        let row = |name: &str, value: &str| CustomFigureEdit {
            name: name.into(),
            value: value.into(),
        };
        let with = |custom| SnapshotEdit { custom, ..edit() };
        assert_eq!(
            with(vec![row("", ""), row("NPS", "30")])
                .validated(today())
                .unwrap()
                .custom
                .len(),
            1,
            "an empty row is ignored"
        );
        let err = with(vec![row("", "30")]).validated(today()).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("custom.0.name"));
        let err = with(vec![row("NPS", "30"), row("nps", "")])
            .validated(today())
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("custom.1.name"));
        let err = with(vec![row("Solved threads", "")])
            .validated(today())
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("custom.0.value"));
        let err = with(vec![row("Solved threads", "lots")])
            .validated(today())
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("custom.0.value"));
    }

    #[test]
    fn a_snapshot_without_any_figure_is_refused() {
        let empty = SnapshotEdit {
            members: String::new(),
            active_members: " ".into(),
            posts_per_month: String::new(),
            median_response_hours: String::new(),
            sentiment: String::new(),
            custom: Vec::new(),
            ..edit()
        };
        assert!(empty
            .validated(today())
            .unwrap_err()
            .message
            .contains("no figures"));
    }

    #[test]
    fn an_edit_form_round_trips() {
        let v = edit().validated(today()).unwrap();
        let s = Snapshot {
            id: Uuid::now_v7(),
            channel_id: v.channel_id,
            taken_on: v.taken_on,
            members: v.members,
            active_members: v.active_members,
            posts_per_month: v.posts_per_month,
            median_response_hours: v.median_response_hours,
            sentiment: v.sentiment,
            custom: v.custom.clone(),
            notes: v.notes.clone(),
            created_at: Utc::now(),
        };
        assert_eq!(s.to_edit().validated(today()).unwrap(), v);
        assert_eq!(s.to_edit().members, "1250");
    }
}
