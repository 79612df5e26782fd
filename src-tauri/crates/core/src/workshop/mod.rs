//! The workshop board: ideas captured as sticky notes, groups, participants and their dots, and
//! value/effort scores. The rules that rank them live in `priority`.

pub mod priority;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::text::required_line;
use crate::words::word_enum;
use crate::Invalid;

/// The most dots a participant can be given; far above any real exercise.
pub const MAX_DOT_BUDGET: i64 = 100;
/// Value and effort are scored from 1 (least) to 5 (most).
pub const SCORE_MIN: i64 = 1;
pub const SCORE_MAX: i64 = 5;

/// One sticky note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Idea {
    pub id: Uuid,
    pub text: String,
    /// `None` while the note waits unsorted.
    pub group_id: Option<Uuid>,
    pub value: Option<i64>,
    pub effort: Option<i64>,
}

/// A named cluster of notes, and what it became once turned into a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct IdeaGroup {
    pub id: Uuid,
    pub name: String,
    pub converted: Option<Conversion>,
}

/// The record a group was turned into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Conversion {
    pub target: ConvertTarget,
    pub record_id: Uuid,
    pub title: String,
}

word_enum! {
    /// What a group can become in one step.
    pub enum ConvertTarget {
        Theme => "theme";
        Finding => "finding";
        Goal => "goal";
        Scenario => "scenario";
        Initiative => "initiative";
    }
}

impl ConvertTarget {
    /// The record's name in a sentence ("a goal").
    pub fn noun(self) -> &'static str {
        match self {
            ConvertTarget::Theme => "an interview theme",
            ConvertTarget::Finding => "an audit finding",
            ConvertTarget::Goal => "a goal",
            ConvertTarget::Scenario => "a crisis scenario",
            ConvertTarget::Initiative => "a roadmap initiative",
        }
    }
}

/// A person in the room who places dots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Participant {
    pub id: Uuid,
    pub name: String,
}

/// The dots one participant placed on one idea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Vote {
    pub participant_id: Uuid,
    pub idea_id: Uuid,
    pub dots: i64,
}

/// A roadmap initiative with its value and effort scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct InitiativeScore {
    pub initiative_id: Uuid,
    pub title: String,
    pub value: Option<i64>,
    pub effort: Option<i64>,
}

/// Everything the board holds, in display order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Board {
    pub dot_budget: i64,
    pub ideas: Vec<Idea>,
    pub groups: Vec<IdeaGroup>,
    pub participants: Vec<Participant>,
    pub votes: Vec<Vote>,
    /// The roadmap's initiatives, to score beside the ideas.
    #[serde(default)]
    pub initiatives: Vec<InitiativeScore>,
}

impl Board {
    pub fn ideas_in(&self, group_id: Uuid) -> impl Iterator<Item = &Idea> {
        self.ideas
            .iter()
            .filter(move |i| i.group_id == Some(group_id))
    }

    pub fn dots_spent_by(&self, participant_id: Uuid) -> i64 {
        self.votes
            .iter()
            .filter(|v| v.participant_id == participant_id)
            .map(|v| v.dots)
            .sum()
    }

    /// The group's notes as the new record's text: one line per note.
    pub fn group_notes(&self, group_id: Uuid) -> String {
        self.ideas_in(group_id)
            .map(|i| format!("• {}", i.text))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

pub fn validate_idea_text(text: &str) -> Result<String, Invalid> {
    required_line("text", "note", text)
}

pub fn validate_group_name(name: &str) -> Result<String, Invalid> {
    required_line("name", "group name", name)
}

pub fn validate_participant_name(name: &str) -> Result<String, Invalid> {
    required_line("name", "participant's name", name)
}

pub fn validate_budget(budget: i64) -> Result<i64, Invalid> {
    if (1..=MAX_DOT_BUDGET).contains(&budget) {
        Ok(budget)
    } else {
        Err(Invalid::field(
            "dotBudget",
            format!("Give each participant between 1 and {MAX_DOT_BUDGET} dots (not {budget})."),
        ))
    }
}

/// A value or effort score: empty, or 1 to 5.
pub fn validate_score(
    field: &str,
    label: &str,
    score: Option<i64>,
) -> Result<Option<i64>, Invalid> {
    match score {
        Some(s) if !(SCORE_MIN..=SCORE_MAX).contains(&s) => Err(Invalid::field(
            field,
            format!(
                "Score the {label} from {SCORE_MIN} to {SCORE_MAX} (not {s}), or leave it empty."
            ),
        )),
        other => Ok(other),
    }
}

/// Checks that placing `dots` on `idea_id` keeps the participant within the board's budget.
/// Zero removes the vote.
pub fn validate_vote(
    board: &Board,
    participant_id: Uuid,
    idea_id: Uuid,
    dots: i64,
) -> Result<i64, Invalid> {
    let Some(person) = board.participants.iter().find(|p| p.id == participant_id) else {
        return Err(Invalid::field(
            "participant",
            "This participant was removed from the board. Choose another.",
        ));
    };
    if !board.ideas.iter().any(|i| i.id == idea_id) {
        return Err(Invalid::field(
            "idea",
            "This note was deleted, so no dots were placed.",
        ));
    }
    if dots < 0 {
        return Err(Invalid::field(
            "dots",
            format!("Dots cannot be negative ({dots}). Enter 0 to take them all back."),
        ));
    }
    let elsewhere: i64 = board
        .votes
        .iter()
        .filter(|v| v.participant_id == participant_id && v.idea_id != idea_id)
        .map(|v| v.dots)
        .sum();
    if elsewhere + dots > board.dot_budget {
        let left = (board.dot_budget - elsewhere).max(0);
        return Err(Invalid::field(
            "dots",
            format!(
                "{} has {} to place and {} left for this note; {} is too many. Take dots off another note first.",
                person.name,
                dots_word(board.dot_budget),
                dots_word(left),
                dots_word(dots),
            ),
        ));
    }
    Ok(dots)
}

fn dots_word(n: i64) -> String {
    if n == 1 {
        "1 dot".to_owned()
    } else {
        format!("{n} dots")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Uuid = Uuid::from_u128(0xa);
    const B: Uuid = Uuid::from_u128(0xb);
    const P: Uuid = Uuid::from_u128(0x1);
    const X: Uuid = Uuid::from_u128(0x99);

    fn board() -> Board {
        Board {
            dot_budget: 3,
            ideas: vec![
                Idea {
                    id: A,
                    text: "Ambassadors".into(),
                    group_id: None,
                    value: None,
                    effort: None,
                },
                Idea {
                    id: B,
                    text: "Office hours".into(),
                    group_id: None,
                    value: None,
                    effort: None,
                },
            ],
            groups: vec![],
            participants: vec![Participant {
                id: P,
                name: "Ines".into(),
            }],
            votes: vec![Vote {
                participant_id: P,
                idea_id: A,
                dots: 2,
            }],
            initiatives: vec![],
        }
    }

    #[test]
    fn a_vote_within_the_budget_is_accepted_and_replacing_one_counts_once() {
        let b = board();
        assert_eq!(validate_vote(&b, P, B, 1), Ok(1));
        assert_eq!(
            validate_vote(&b, P, A, 3),
            Ok(3),
            "the 2 already on a are replaced, not added"
        );
    }

    #[test]
    fn a_vote_over_the_budget_names_the_person_and_what_is_left() {
        let err = validate_vote(&board(), P, B, 2).unwrap_err();
        assert!(
            err.message
                .contains("Ines has 3 dots to place and 1 dot left"),
            "{}",
            err.message
        );
    }

    #[test]
    fn negative_dots_unknown_people_and_notes_are_refused() {
        let b = board();
        assert!(validate_vote(&b, P, B, -1).is_err());
        assert!(validate_vote(&b, X, B, 1).is_err());
        assert!(validate_vote(&b, P, X, 1).is_err());
    }

    #[test]
    fn budgets_and_scores_stay_in_range() {
        assert!(validate_budget(0).is_err());
        assert!(validate_budget(101).is_err());
        assert_eq!(validate_budget(5), Ok(5));
        assert!(validate_score("value", "value", Some(6)).is_err());
        assert!(validate_score("value", "value", Some(0)).is_err());
        assert_eq!(validate_score("value", "value", None), Ok(None));
    }

    #[test]
    fn notes_and_names_are_trimmed_and_required() {
        assert_eq!(
            validate_idea_text("  <b>Mentors</b> 🎉 "),
            Ok("<b>Mentors</b> 🎉".to_owned())
        );
        assert!(validate_idea_text("   ").is_err());
        assert!(validate_group_name("").is_err());
    }

    #[test]
    fn convert_targets_round_trip_through_their_slugs() {
        for t in ConvertTarget::ALL {
            assert_eq!(ConvertTarget::from_slug(t.slug()), Some(t));
        }
    }
}
