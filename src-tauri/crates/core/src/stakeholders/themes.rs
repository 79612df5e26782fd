//! Themes: what stakeholders keep raising, who raised it, and where the organisation's and
//! the members' interests overlap (the sweet spots).
//!
//! Theme and quote ids are stable: later steps cite them as evidence.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::stakeholders::interviews::Interview;
use crate::stakeholders::register::Stakeholder;
use crate::text::{paragraph, required_line};
use crate::words::word_enum;
use crate::Invalid;

word_enum! {
    /// Whose interest a theme is, as the strategist judges it.
    pub enum ThemeSide {
        /// Not judged yet.
        Unmarked => "unmarked", "Not marked";
        Organisation => "organisation", "Organisation interest";
        Members => "members", "Member interest";
        Both => "both", "Both";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Theme {
    pub id: Uuid,
    pub name: String,
    pub side: ThemeSide,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ThemeEdit {
    pub name: String,
    pub side: ThemeSide,
    pub description: String,
}

impl Theme {
    /// The theme's form, filled with what is stored.
    pub fn to_edit(&self) -> ThemeEdit {
        ThemeEdit {
            name: self.name.clone(),
            side: self.side,
            description: self.description.clone(),
        }
    }
}

impl ThemeEdit {
    /// Checks the fields and that no other theme has the same name in any letter case.
    pub fn validated(&self, existing: &[Theme], except_id: Option<Uuid>) -> Result<Self, Invalid> {
        let name = validate_theme_name(&self.name, existing, except_id)?;
        Ok(Self {
            name,
            side: self.side,
            description: paragraph("description", "description", &self.description)?,
        })
    }
}

/// A theme name: one line, and unique regardless of letter case ("Onboarding" and
/// "onboarding" are the same theme).
pub fn validate_theme_name(
    name: &str,
    existing: &[Theme],
    except_id: Option<Uuid>,
) -> Result<String, Invalid> {
    let name = required_line("name", "theme's name", name)?;
    if let Some(other) = find_by_name(existing, &name).filter(|t| Some(t.id) != except_id) {
        return Err(Invalid::field(
            "name",
            format!(
                "A theme named “{}” already exists. Use that theme, or choose a different name.",
                other.name
            ),
        ));
    }
    Ok(name)
}

/// The theme with this name, ignoring letter case and surrounding spaces.
pub fn find_by_name<'a>(themes: &'a [Theme], name: &str) -> Option<&'a Theme> {
    let key = fold(name);
    themes.iter().find(|t| fold(&t.name) == key)
}

fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

/// What a theme can be attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TagKind {
    Answer,
    Quote,
    /// An interview's free notes; the id is the interview's.
    Notes,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct TagTarget {
    pub kind: TagKind,
    pub id: Uuid,
}

/// A stakeholder who raised a theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ThemeVoice {
    pub stakeholder_id: Uuid,
    pub name: String,
    pub member_side: bool,
}

/// A quote tagged with a theme, with who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct QuoteEvidence {
    pub quote_id: Uuid,
    pub interview_id: Uuid,
    pub stakeholder_id: Uuid,
    pub stakeholder_name: String,
    pub text: String,
}

/// One theme and the evidence behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ThemeInsight {
    pub theme: Theme,
    /// Everyone who raised it, in register order.
    pub voices: Vec<ThemeVoice>,
    pub quotes: Vec<QuoteEvidence>,
    /// Tagged answers, notes and quotes.
    pub mentions: u32,
    pub raised_by_organisation: bool,
    pub raised_by_members: bool,
    pub sweet_spot: bool,
}

/// A sweet spot is a theme both sides care about: marked "both" by the strategist, or, while
/// unmarked, raised by at least one member and one person from the organisation. A theme the
/// strategist marked as one side only is not a sweet spot, whoever raised it.
pub fn is_sweet_spot(side: ThemeSide, by_organisation: bool, by_members: bool) -> bool {
    match side {
        ThemeSide::Both => true,
        ThemeSide::Unmarked => by_organisation && by_members,
        ThemeSide::Organisation | ThemeSide::Members => false,
    }
}

/// What one pass over the interviews gathers for a theme.
#[derive(Default)]
struct Gathered {
    raised: HashSet<Uuid>,
    quotes: Vec<QuoteEvidence>,
    mentions: u32,
}

/// The distinct ids of a tag list (a list never holds one twice, but a count must not
/// depend on that).
fn distinct(ids: &[Uuid]) -> impl Iterator<Item = &Uuid> {
    ids.iter()
        .enumerate()
        .filter(|(n, id)| !ids[..*n].contains(id))
        .map(|(_, id)| id)
}

/// Counts a mention of `theme` by `who`; the theme's gathering, when it is a known theme.
fn mention<'g>(
    gathered: &'g mut [Gathered],
    index: &HashMap<Uuid, usize>,
    theme: &Uuid,
    who: Uuid,
) -> Option<&'g mut Gathered> {
    let g = gathered.get_mut(*index.get(theme)?)?;
    g.mentions += 1;
    g.raised.insert(who);
    Some(g)
}

/// Every theme with who raised it and its quotes, in the order the themes were created.
/// One pass over the interviews, whatever the number of themes.
pub fn insights(
    themes: &[Theme],
    interviews: &[Interview],
    stakeholders: &[Stakeholder],
) -> Vec<ThemeInsight> {
    let index: HashMap<Uuid, usize> = themes.iter().enumerate().map(|(n, t)| (t.id, n)).collect();
    let names: HashMap<Uuid, &str> = stakeholders
        .iter()
        .map(|s| (s.id, s.name.as_str()))
        .collect();
    let mut gathered: Vec<Gathered> = themes.iter().map(|_| Gathered::default()).collect();
    for interview in interviews {
        let who = interview.stakeholder_id;
        for t in distinct(&interview.note_theme_ids) {
            mention(&mut gathered, &index, t, who);
        }
        for a in &interview.answers {
            for t in distinct(&a.theme_ids) {
                mention(&mut gathered, &index, t, who);
            }
        }
        for q in &interview.quotes {
            for t in distinct(&q.theme_ids) {
                if let Some(g) = mention(&mut gathered, &index, t, who) {
                    g.quotes.push(QuoteEvidence {
                        quote_id: q.id,
                        interview_id: interview.id,
                        stakeholder_id: interview.stakeholder_id,
                        stakeholder_name: names
                            .get(&who)
                            .map_or_else(|| "Unknown stakeholder".to_owned(), |n| (*n).to_owned()),
                        text: q.text.clone(),
                    });
                }
            }
        }
    }
    themes
        .iter()
        .zip(gathered)
        .map(|(theme, g)| {
            let voices: Vec<ThemeVoice> = stakeholders
                .iter()
                .filter(|s| g.raised.contains(&s.id))
                .map(|s| ThemeVoice {
                    stakeholder_id: s.id,
                    name: s.name.clone(),
                    member_side: s.department.is_member_side(),
                })
                .collect();
            let by_members = voices.iter().any(|v| v.member_side);
            let by_organisation = voices.iter().any(|v| !v.member_side);
            ThemeInsight {
                sweet_spot: is_sweet_spot(theme.side, by_organisation, by_members),
                theme: theme.clone(),
                voices,
                quotes: g.quotes,
                mentions: g.mentions,
                raised_by_organisation: by_organisation,
                raised_by_members: by_members,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stakeholders::interviews::{Answer, Interview, InterviewMode, Quote};
    use crate::stakeholders::tests::{id, person};
    use crate::stakeholders::Department;
    use chrono::{DateTime, NaiveDate, Utc};

    fn theme(id: &str, name: &str, side: ThemeSide) -> Theme {
        Theme {
            id: self::id(id),
            name: name.into(),
            side,
            description: String::new(),
        }
    }

    fn interview(id: &str, who: &str) -> Interview {
        Interview {
            id: self::id(id),
            stakeholder_id: self::id(who),
            date: NaiveDate::default(),
            interviewer: String::new(),
            mode: InterviewMode::Video,
            guide_id: None,
            guide_name: String::new(),
            notes: String::new(),
            note_theme_ids: vec![],
            answers: vec![],
            quotes: vec![],
            created_at: DateTime::<Utc>::default(),
            updated_at: DateTime::<Utc>::default(),
        }
    }

    #[test]
    fn names_differing_only_in_case_are_the_same_theme() {
        let existing = [theme("t1", "Onboarding", ThemeSide::Unmarked)];
        let err = validate_theme_name("  ONBOARDING ", &existing, None).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("name"));
        assert!(
            err.message.contains("“Onboarding” already exists"),
            "{}",
            err.message
        );
        // Unicode case folding too, and renaming a theme to its own name in new case is fine.
        let existing = [theme("t2", "Ärger", ThemeSide::Unmarked)];
        assert!(validate_theme_name("ärger", &existing, None).is_err());
        assert_eq!(
            validate_theme_name("ÄRGER", &existing, Some(id("t2"))).unwrap(),
            "ÄRGER"
        );
    }

    #[test]
    fn sweet_spot_rule() {
        assert!(is_sweet_spot(ThemeSide::Both, false, false));
        assert!(is_sweet_spot(ThemeSide::Unmarked, true, true));
        assert!(!is_sweet_spot(ThemeSide::Unmarked, true, false));
        assert!(!is_sweet_spot(ThemeSide::Organisation, true, true));
        assert!(!is_sweet_spot(ThemeSide::Members, true, true));
    }

    #[test]
    fn insights_name_who_raised_each_theme_with_the_quotes() {
        let mut member = person("m", "Mo (member)", 2, 5);
        member.department = Department::Members;
        let exec = person("e", "Eve (exec)", 5, 3);
        let mut a = interview("i1", "e");
        a.answers.push(Answer {
            id: id("a1"),
            topic: String::new(),
            question: "Q".into(),
            answer: "Peer support cuts tickets".into(),
            theme_ids: vec![id("peer")],
        });
        let mut b = interview("i2", "m");
        b.note_theme_ids.push(id("peer"));
        b.quotes.push(Quote {
            id: id("q1"),
            interview_id: id("i2"),
            text: "I learn most from other members".into(),
            theme_ids: vec![id("peer"), id("events")],
        });
        let themes = [
            theme("peer", "Peer support", ThemeSide::Unmarked),
            theme("events", "Events", ThemeSide::Members),
            theme("quiet", "Pricing", ThemeSide::Both),
        ];
        let out = insights(&themes, &[a, b], &[exec, member]);
        let peer = &out[0];
        assert_eq!(
            peer.voices
                .iter()
                .map(|v| v.name.as_str())
                .collect::<Vec<_>>(),
            ["Eve (exec)", "Mo (member)"]
        );
        assert_eq!(peer.mentions, 3, "an answer, a note and a quote");
        assert_eq!(peer.quotes.len(), 1);
        assert_eq!(peer.quotes[0].stakeholder_name, "Mo (member)");
        assert!(peer.sweet_spot, "raised on both sides and unmarked");
        assert!(!out[1].sweet_spot, "marked as a member interest only");
        assert!(
            out[2].sweet_spot,
            "marked both, even before anyone raised it"
        );
        assert!(out[2].voices.is_empty());
    }
}
