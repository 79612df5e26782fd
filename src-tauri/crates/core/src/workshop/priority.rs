//! Prioritisation rules: dot tallies, the ranked list and the value/effort quadrants.
//!
//! Ranking: most dots first; equal dots are ordered by value minus effort (scored notes before
//! unscored ones), then by how many people voted. Notes equal on all three share a rank, and
//! the next rank skips ("1, 2, 2, 4"), so a tie is never hidden by the display order.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{Board, SCORE_MAX, SCORE_MIN};

/// A value/effort score counts as high from this value up (the middle of 1–5 counts as high,
/// so a note scored 3/3 is a big bet rather than a fill-in: it deserves the discussion).
pub const HIGH_FROM: i64 = (SCORE_MIN + SCORE_MAX) / 2;

/// The four boxes of the value/effort 2x2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IdeaQuadrant {
    /// High value, low effort: do first.
    QuickWin,
    /// High value, high effort: plan for them.
    BigBet,
    /// Low value, low effort: when there is time.
    FillIn,
    /// Low value, high effort: drop.
    MoneyPit,
}

impl IdeaQuadrant {
    pub fn of(value: i64, effort: i64) -> Self {
        match (value >= HIGH_FROM, effort >= HIGH_FROM) {
            (true, false) => IdeaQuadrant::QuickWin,
            (true, true) => IdeaQuadrant::BigBet,
            (false, false) => IdeaQuadrant::FillIn,
            (false, true) => IdeaQuadrant::MoneyPit,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            IdeaQuadrant::QuickWin => "Quick wins",
            IdeaQuadrant::BigBet => "Big bets",
            IdeaQuadrant::FillIn => "Fill-ins",
            IdeaQuadrant::MoneyPit => "Money pits",
        }
    }
}

/// One line of the ranked list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RankedIdea {
    pub idea_id: Uuid,
    pub text: String,
    pub group_name: Option<String>,
    pub rank: usize,
    pub dots: i64,
    pub voters: usize,
    pub value: Option<i64>,
    pub effort: Option<i64>,
    pub quadrant: Option<IdeaQuadrant>,
}

/// An initiative in value/effort order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RankedInitiative {
    pub initiative_id: Uuid,
    pub title: String,
    pub rank: usize,
    pub value: Option<i64>,
    pub effort: Option<i64>,
    pub quadrant: Option<IdeaQuadrant>,
}

/// How many dots a participant has placed and has left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct DotsLeft {
    pub participant_id: Uuid,
    pub spent: i64,
    pub left: i64,
}

/// The board as the screens show it: the records, the ranking and each person's dots.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct BoardView {
    pub board: Board,
    pub ranking: Vec<RankedIdea>,
    pub dots_left: Vec<DotsLeft>,
    pub initiative_ranking: Vec<RankedInitiative>,
}

impl BoardView {
    pub fn new(board: Board) -> Self {
        let ranking = rank(&board);
        let dots_left = board
            .participants
            .iter()
            .map(|p| {
                let spent = board.dots_spent_by(p.id);
                DotsLeft {
                    participant_id: p.id,
                    spent,
                    left: (board.dot_budget - spent).max(0),
                }
            })
            .collect();
        Self {
            initiative_ranking: rank_initiatives(&board.initiatives),
            board,
            ranking,
            dots_left,
        }
    }
}

/// Every note, ranked (see the module comment for the rule).
pub fn rank(board: &Board) -> Vec<RankedIdea> {
    let mut rows: Vec<RankedIdea> = board
        .ideas
        .iter()
        .map(|idea| {
            let votes = board
                .votes
                .iter()
                .filter(|v| v.idea_id == idea.id && v.dots > 0);
            let (dots, voters) = votes.fold((0, 0), |(d, n), v| (d + v.dots, n + 1));
            RankedIdea {
                idea_id: idea.id,
                text: idea.text.clone(),
                group_name: idea.group_id.and_then(|g| {
                    board
                        .groups
                        .iter()
                        .find(|x| x.id == g)
                        .map(|x| x.name.clone())
                }),
                rank: 0,
                dots,
                voters,
                value: idea.value,
                effort: idea.effort,
                quadrant: idea
                    .value
                    .zip(idea.effort)
                    .map(|(v, e)| IdeaQuadrant::of(v, e)),
            }
        })
        .collect();
    // A stable sort keeps capture order among full ties.
    rows.sort_by_key(|r| std::cmp::Reverse(sort_key(r)));
    let mut previous: Option<((i64, i64, usize), usize)> = None;
    for (i, row) in rows.iter_mut().enumerate() {
        let key = sort_key(row);
        row.rank = match previous {
            Some((k, rank)) if k == key => rank,
            _ => i + 1,
        };
        previous = Some((key, row.rank));
    }
    rows
}

/// Initiatives by value minus effort, scored before unscored; equal balances share a rank.
pub fn rank_initiatives(list: &[super::InitiativeScore]) -> Vec<RankedInitiative> {
    let mut rows: Vec<RankedInitiative> = list
        .iter()
        .map(|i| RankedInitiative {
            initiative_id: i.initiative_id,
            title: i.title.clone(),
            rank: 0,
            value: i.value,
            effort: i.effort,
            quadrant: i.value.zip(i.effort).map(|(v, e)| IdeaQuadrant::of(v, e)),
        })
        .collect();
    let key = |r: &RankedInitiative| balance(r.value, r.effort);
    rows.sort_by_key(|r| std::cmp::Reverse(key(r)));
    let mut previous: Option<(i64, usize)> = None;
    for (i, row) in rows.iter_mut().enumerate() {
        let k = key(row);
        row.rank = match previous {
            Some((p, rank)) if p == k => rank,
            _ => i + 1,
        };
        previous = Some((k, row.rank));
    }
    rows
}

/// Value minus effort; below any scored balance when either is missing.
fn balance(value: Option<i64>, effort: Option<i64>) -> i64 {
    match (value, effort) {
        (Some(v), Some(e)) => v - e,
        _ => i64::MIN,
    }
}

/// Higher is better on every part.
fn sort_key(r: &RankedIdea) -> (i64, i64, usize) {
    (r.dots, balance(r.value, r.effort), r.voters)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::{Idea, IdeaGroup, Participant, Vote};

    /// A fixed id for a short test name ("a", "p", "unscored").
    fn id(name: &str) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..name.len()].copy_from_slice(name.as_bytes());
        Uuid::from_bytes(bytes)
    }

    fn idea(name: &str, value: Option<i64>, effort: Option<i64>) -> Idea {
        Idea {
            id: id(name),
            text: name.to_owned(),
            group_id: None,
            value,
            effort,
        }
    }

    fn vote(p: &str, i: &str, dots: i64) -> Vote {
        Vote {
            participant_id: id(p),
            idea_id: id(i),
            dots,
        }
    }

    fn people() -> Vec<Participant> {
        ["p", "q", "r"]
            .map(|name| Participant {
                id: id(name),
                name: name.to_uppercase(),
            })
            .to_vec()
    }

    #[test]
    fn dots_are_tallied_across_participants_and_voters_counted() {
        let board = Board {
            dot_budget: 3,
            ideas: vec![idea("a", None, None), idea("b", None, None)],
            groups: vec![],
            participants: people(),
            votes: vec![vote("p", "a", 2), vote("q", "a", 1), vote("r", "b", 3)],
            initiatives: vec![],
        };
        let ranked = rank(&board);
        assert_eq!(
            ranked[0].idea_id,
            id("a"),
            "3 dots from 2 people beat 3 dots from 1"
        );
        assert_eq!((ranked[0].dots, ranked[0].voters), (3, 2));
        assert_eq!(
            (ranked[1].dots, ranked[1].voters, ranked[1].rank),
            (3, 1, 2)
        );
    }

    #[test]
    fn full_ties_share_a_rank_and_the_next_rank_skips() {
        let board = Board {
            dot_budget: 5,
            ideas: vec![
                idea("a", None, None),
                idea("b", Some(4), Some(2)),
                idea("c", Some(4), Some(2)),
                idea("d", None, None),
            ],
            groups: vec![],
            participants: people(),
            votes: vec![vote("p", "a", 4), vote("q", "b", 2), vote("r", "c", 2)],
            initiatives: vec![],
        };
        let ranks: Vec<(String, usize)> =
            rank(&board).into_iter().map(|r| (r.text, r.rank)).collect();
        assert_eq!(
            ranks,
            vec![
                ("a".into(), 1),
                ("b".into(), 2),
                ("c".into(), 2),
                ("d".into(), 4)
            ]
        );
    }

    #[test]
    fn equal_dots_are_separated_by_value_minus_effort_and_scored_notes_come_first() {
        let board = Board {
            dot_budget: 5,
            ideas: vec![
                idea("unscored", None, None),
                idea("hard", Some(3), Some(5)),
                idea("easy", Some(5), Some(1)),
            ],
            groups: vec![IdeaGroup {
                id: id("g"),
                name: "Onboarding".into(),
                converted: None,
            }],
            participants: people(),
            votes: vec![],
            initiatives: vec![],
        };
        let order: Vec<String> = rank(&board).into_iter().map(|r| r.text).collect();
        assert_eq!(order, vec!["easy", "hard", "unscored"]);
    }

    #[test]
    fn quadrants_split_at_the_middle_score() {
        assert_eq!(IdeaQuadrant::of(5, 1), IdeaQuadrant::QuickWin);
        assert_eq!(IdeaQuadrant::of(3, 3), IdeaQuadrant::BigBet);
        assert_eq!(IdeaQuadrant::of(2, 2), IdeaQuadrant::FillIn);
        assert_eq!(IdeaQuadrant::of(1, 5), IdeaQuadrant::MoneyPit);
        assert_eq!(IdeaQuadrant::of(3, 2), IdeaQuadrant::QuickWin);
        assert_eq!(IdeaQuadrant::of(2, 3), IdeaQuadrant::MoneyPit);
    }

    #[test]
    fn the_view_reports_dots_spent_and_left_per_participant() {
        let board = Board {
            dot_budget: 3,
            ideas: vec![idea("a", None, None)],
            groups: vec![],
            participants: people(),
            votes: vec![vote("p", "a", 2)],
            initiatives: vec![],
        };
        let view = BoardView::new(board);
        assert_eq!((view.dots_left[0].spent, view.dots_left[0].left), (2, 1));
        assert_eq!(view.dots_left[1].left, 3);
        assert_eq!(
            view.ranking[0].quadrant, None,
            "an unscored note sits in no quadrant"
        );
    }

    #[test]
    fn initiatives_rank_by_value_minus_effort_with_shared_ranks() {
        let score = |name: &str, value, effort| crate::workshop::InitiativeScore {
            initiative_id: id(name),
            title: name.into(),
            value,
            effort,
        };
        let ranked = rank_initiatives(&[
            score("unscored", None, None),
            score("pit", Some(1), Some(5)),
            score("win", Some(5), Some(2)),
            score("also", Some(4), Some(1)),
        ]);
        let order: Vec<(&str, usize)> = ranked.iter().map(|r| (r.title.as_str(), r.rank)).collect();
        assert_eq!(
            order,
            vec![("win", 1), ("also", 1), ("pit", 3), ("unscored", 4)]
        );
        assert_eq!(ranked[2].quadrant, Some(IdeaQuadrant::MoneyPit));
    }
}
