//! The stakeholder register and the power/interest grid drawn from it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::text::{optional_line, paragraph, required_line};
use crate::words::word_enum;
use crate::Invalid;

word_enum! {
    /// Where a stakeholder sits, inside or around the organisation.
    pub enum Department {
        Marketing => "marketing", "Marketing";
        Sales => "sales", "Sales";
        Support => "support", "Support";
        Pr => "pr", "PR";
        Product => "product", "Product";
        Hr => "hr", "HR";
        Executive => "executive", "Executive";
        Legal => "legal", "Legal";
        Members => "members", "Members";
        Partners => "partners", "Partners";
        Other => "other", "Other";
    }
}

impl Department {
    /// Members speak for the community; everyone else speaks for the organisation (partners
    /// included: they come to the community through the organisation).
    pub fn is_member_side(self) -> bool {
        self == Department::Members
    }
}

word_enum! {
    /// How a stakeholder feels about the community today.
    pub enum Attitude {
        Champion => "champion", "Champion";
        Neutral => "neutral", "Neutral";
        Sceptic => "sceptic", "Sceptic";
    }
}

word_enum! {
    /// Where the interview with a stakeholder stands.
    pub enum InterviewStatus {
        ToInvite => "toInvite", "To invite";
        Scheduled => "scheduled", "Scheduled";
        Interviewed => "interviewed", "Interviewed";
        Declined => "declined", "Declined";
    }
}

/// A person who shapes, funds, uses or could block the community.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Stakeholder {
    pub id: Uuid,
    pub name: String,
    pub role: String,
    pub department: Department,
    /// 1 (low) to 5 (high).
    pub influence: u8,
    /// 1 (low) to 5 (high).
    pub interest: u8,
    pub attitude: Attitude,
    /// What they want from the community, in their words.
    pub wants: String,
    pub contact: String,
    pub interview_status: InterviewStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The register form, as the UI sends it. Scores arrive as plain numbers so that a wrong one
/// reaches validation (and gets a sentence) instead of failing to parse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StakeholderEdit {
    pub name: String,
    pub role: String,
    pub department: Department,
    pub influence: i32,
    pub interest: i32,
    pub attitude: Attitude,
    pub wants: String,
    pub contact: String,
    pub interview_status: InterviewStatus,
}

/// A validated edit, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidStakeholder {
    pub name: String,
    pub role: String,
    pub department: Department,
    pub influence: u8,
    pub interest: u8,
    pub attitude: Attitude,
    pub wants: String,
    pub contact: String,
    pub interview_status: InterviewStatus,
}

impl StakeholderEdit {
    pub fn validated(&self) -> Result<ValidStakeholder, Invalid> {
        Ok(ValidStakeholder {
            name: required_line("name", "stakeholder's name", &self.name)?,
            role: optional_line("role", "role", &self.role)?,
            department: self.department,
            influence: score("influence", "Influence", self.influence)?,
            interest: score("interest", "Interest", self.interest)?,
            attitude: self.attitude,
            wants: paragraph("wants", "what they want", &self.wants)?,
            contact: optional_line("contact", "contact details", &self.contact)?,
            interview_status: self.interview_status,
        })
    }
}

impl Stakeholder {
    /// The register form, filled with what is stored.
    pub fn to_edit(&self) -> StakeholderEdit {
        StakeholderEdit::from(self)
    }
}

impl From<&Stakeholder> for StakeholderEdit {
    fn from(s: &Stakeholder) -> Self {
        Self {
            name: s.name.clone(),
            role: s.role.clone(),
            department: s.department,
            influence: i32::from(s.influence),
            interest: i32::from(s.interest),
            attitude: s.attitude,
            wants: s.wants.clone(),
            contact: s.contact.clone(),
            interview_status: s.interview_status,
        }
    }
}

/// A score from 1 (low) to 5 (high).
pub fn score(field: &str, label: &str, value: i32) -> Result<u8, Invalid> {
    match u8::try_from(value) {
        Ok(v @ 1..=5) => Ok(v),
        _ => Err(Invalid::field(
            field,
            format!("{label} is {value}; use a score from 1 (low) to 5 (high)."),
        )),
    }
}

/// The four quadrants of the power/interest grid and what each asks of the strategist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Quadrant {
    ManageClosely,
    KeepSatisfied,
    KeepInformed,
    Monitor,
}

impl Quadrant {
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::ManageClosely => "Manage closely",
            Quadrant::KeepSatisfied => "Keep satisfied",
            Quadrant::KeepInformed => "Keep informed",
            Quadrant::Monitor => "Monitor",
        }
    }

    /// A score of 3 or more counts as high: someone with middling influence still needs
    /// attention.
    pub fn of(influence: u8, interest: u8) -> Self {
        match (influence >= 3, interest >= 3) {
            (true, true) => Quadrant::ManageClosely,
            (true, false) => Quadrant::KeepSatisfied,
            (false, true) => Quadrant::KeepInformed,
            (false, false) => Quadrant::Monitor,
        }
    }
}

/// A stakeholder placed on the power/interest grid: `x` is interest and `y` influence, both
/// from 0 to 1 with the quadrant boundary at 0.5.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct GridPlacement {
    pub stakeholder_id: Uuid,
    pub name: String,
    pub x: f64,
    pub y: f64,
    pub quadrant: Quadrant,
}

/// The centre of a score's band. Scores 1–2 share the low half, 3–5 the high half, so every
/// point sits clearly inside its quadrant.
fn band_centre(score: u8) -> f64 {
    match score {
        0 | 1 => 0.125,
        2 => 0.375,
        3 => 7.0 / 12.0,
        4 => 0.75,
        _ => 11.0 / 12.0,
    }
}

/// Places every stakeholder on the grid. People with the same two scores are spread around
/// their shared spot so each stays visible and named.
pub fn power_interest_grid(stakeholders: &[Stakeholder]) -> Vec<GridPlacement> {
    let mut out = Vec::with_capacity(stakeholders.len());
    for (i, s) in stakeholders.iter().enumerate() {
        let same: Vec<usize> = stakeholders
            .iter()
            .enumerate()
            .filter(|(_, o)| o.influence == s.influence && o.interest == s.interest)
            .map(|(j, _)| j)
            .collect();
        let n = same.len();
        let k = same.iter().position(|&j| j == i).unwrap_or(0);
        let (mut x, mut y) = (band_centre(s.interest), band_centre(s.influence));
        if n > 1 {
            // A vertical stack inside the band (labels run to the right, so stacking keeps
            // them apart), at most 0.1 tall in total.
            let step = (0.1 / (n - 1) as f64).min(0.045);
            y += step * ((n - 1) as f64 / 2.0 - k as f64);
            x += if k % 2 == 0 { -0.012 } else { 0.012 };
        }
        out.push(GridPlacement {
            stakeholder_id: s.id,
            name: s.name.clone(),
            x,
            y,
            quadrant: Quadrant::of(s.influence, s.interest),
        });
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A stable id for a test's short name ("a", "e1"…): the same name, the same id.
    pub fn id(name: &str) -> Uuid {
        let hash = name
            .bytes()
            .fold(0x6c62_272e_07bb_0142_62b8_2175_6295_c58d_u128, |h, b| {
                (h ^ u128::from(b)).wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b)
            });
        Uuid::from_u128(hash)
    }

    pub fn person(id: &str, name: &str, influence: u8, interest: u8) -> Stakeholder {
        Stakeholder {
            id: self::id(id),
            name: name.into(),
            role: String::new(),
            department: Department::Product,
            influence,
            interest,
            attitude: Attitude::Neutral,
            wants: String::new(),
            contact: String::new(),
            interview_status: InterviewStatus::ToInvite,
            created_at: DateTime::<Utc>::default(),
            updated_at: DateTime::<Utc>::default(),
        }
    }

    fn edit() -> StakeholderEdit {
        StakeholderEdit {
            name: "  Dana Ruiz ".into(),
            role: "VP Product".into(),
            department: Department::Product,
            influence: 5,
            interest: 4,
            attitude: Attitude::Champion,
            wants: "Feedback before launches.\n".into(),
            contact: "dana@example.com".into(),
            interview_status: InterviewStatus::Scheduled,
        }
    }

    #[test]
    fn a_good_edit_is_trimmed_and_keeps_its_scores() {
        let v = edit().validated().unwrap();
        assert_eq!(v.name, "Dana Ruiz");
        assert_eq!((v.influence, v.interest), (5, 4));
        assert_eq!(v.wants, "Feedback before launches.\n");
    }

    #[test]
    fn scores_outside_one_to_five_name_the_field_and_the_range() {
        for (bad, field) in [(7, "influence"), (0, "influence"), (-3, "interest")] {
            let mut e = edit();
            if field == "influence" {
                e.influence = bad;
            } else {
                e.interest = bad;
            }
            let err = e.validated().unwrap_err();
            assert_eq!(err.field.as_deref(), Some(field));
            assert!(
                err.message.contains(&format!("is {bad};")),
                "{}",
                err.message
            );
            assert!(err.message.contains("from 1 (low) to 5 (high)"));
        }
        let err = StakeholderEdit {
            influence: 7,
            ..edit()
        }
        .validated()
        .unwrap_err();
        assert_eq!(
            err.message,
            "Influence is 7; use a score from 1 (low) to 5 (high)."
        );
    }

    #[test]
    fn a_blank_name_is_refused_at_the_name_field() {
        let err = StakeholderEdit {
            name: " ".into(),
            ..edit()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("name"));
    }

    #[test]
    fn quadrants_split_at_three() {
        assert_eq!(Quadrant::of(5, 5), Quadrant::ManageClosely);
        assert_eq!(Quadrant::of(3, 2), Quadrant::KeepSatisfied);
        assert_eq!(Quadrant::of(2, 3), Quadrant::KeepInformed);
        assert_eq!(Quadrant::of(1, 1), Quadrant::Monitor);
    }

    #[test]
    fn every_stakeholder_is_placed_inside_its_quadrant_even_when_scores_tie() {
        let people: Vec<Stakeholder> = (0..6)
            .map(|i| person(&i.to_string(), &format!("P{i}"), 3, 3))
            .chain([person("a", "Low", 1, 1), person("b", "Edge", 2, 5)])
            .collect();
        let grid = power_interest_grid(&people);
        assert_eq!(grid.len(), people.len(), "nobody is left off the grid");
        for (p, s) in grid.iter().zip(&people) {
            let high_x = p.x > 0.5;
            let high_y = p.y > 0.5;
            assert_eq!(high_x, s.interest >= 3, "{} x={}", p.name, p.x);
            assert_eq!(high_y, s.influence >= 3, "{} y={}", p.name, p.y);
            assert!((0.0..=1.0).contains(&p.x) && (0.0..=1.0).contains(&p.y));
        }
        let mut ys: Vec<f64> = grid[..6].iter().map(|p| p.y).collect();
        ys.dedup();
        assert_eq!(ys.len(), 6, "tied people get distinct places");
    }

    #[test]
    fn stored_keys_round_trip() {
        for d in Department::ALL {
            assert_eq!(Department::from_slug(d.slug()), Some(d));
            assert_eq!(serde_json::to_value(d).unwrap(), d.slug());
        }
        for s in InterviewStatus::ALL {
            assert_eq!(InterviewStatus::from_slug(s.slug()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.slug());
        }
        for a in Attitude::ALL {
            assert_eq!(Attitude::from_slug(a.slug()), Some(a));
        }
    }
}
