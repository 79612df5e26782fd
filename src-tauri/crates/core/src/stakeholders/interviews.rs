//! Interview guides (reusable question sets) and the interviews held with them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::text::{optional_line, paragraph, required_line};
use crate::words::word_enum;
use crate::Invalid;

/// A reusable set of questions, grouped by topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Guide {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    /// In the order they are asked.
    pub questions: Vec<GuideQuestion>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct GuideQuestion {
    pub id: Uuid,
    /// The group it belongs to: business objectives, audience, pain points...
    pub topic: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct GuideEdit {
    pub name: String,
    pub description: String,
}

impl Guide {
    /// The guide's form, filled with what is stored.
    pub fn to_edit(&self) -> GuideEdit {
        GuideEdit {
            name: self.name.clone(),
            description: self.description.clone(),
        }
    }
}

impl GuideQuestion {
    /// The question's form, filled with what is stored.
    pub fn to_edit(&self) -> QuestionEdit {
        QuestionEdit {
            topic: self.topic.clone(),
            text: self.text.clone(),
        }
    }
}

impl GuideEdit {
    pub fn validated(&self) -> Result<Self, Invalid> {
        Ok(Self {
            name: required_line("name", "guide's name", &self.name)?,
            description: paragraph("description", "description", &self.description)?,
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct QuestionEdit {
    pub topic: String,
    pub text: String,
}

impl QuestionEdit {
    pub fn validated(&self) -> Result<Self, Invalid> {
        Ok(Self {
            topic: optional_line("topic", "topic", &self.topic)?,
            text: required_line("text", "question", &self.text)?,
        })
    }
}

/// A guide shipped with Groundwork, which a strategist copies into the workbook and edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StarterGuide {
    pub key: String,
    pub name: String,
    pub description: String,
    pub questions: Vec<QuestionEdit>,
}

fn starter(key: &str, name: &str, description: &str, qs: &[(&str, &str)]) -> StarterGuide {
    StarterGuide {
        key: key.to_owned(),
        name: name.to_owned(),
        description: description.to_owned(),
        questions: qs
            .iter()
            .map(|(topic, text)| QuestionEdit {
                topic: (*topic).to_owned(),
                text: (*text).to_owned(),
            })
            .collect(),
    }
}

const OBJ: &str = "Business objectives";
const AUD: &str = "Audience";
const PAIN: &str = "Pain points";
const RES: &str = "Resources";
const SUC: &str = "Success in their eyes";
const RISK: &str = "Risks";

/// The starter guides, one per kind of stakeholder, in our own words.
pub fn starter_guides() -> Vec<StarterGuide> {
    vec![
        starter(
            "executive",
            "Executive sponsor",
            "For the person who approves budget and headcount: what the business needs the community to change.",
            &[
                (OBJ, "Which two or three company goals for the next year matter most to you?"),
                (OBJ, "If the community helped with one of them, which would you pick, and why that one?"),
                (AUD, "Which customers or partners would you most like to hear from more often?"),
                (RES, "What could the company realistically put behind a community in its first year?"),
                (SUC, "Twelve months from now, what would make you say the community was worth it?"),
                (SUC, "Which numbers do you already look at every month that a community could move?"),
                (RISK, "What would make you pull support for the community?"),
                (RISK, "Has the company tried something like this before? What happened?"),
            ],
        ),
        starter(
            "product",
            "Product",
            "For product managers, designers and engineers: feedback loops, early access and what members could build together.",
            &[
                (OBJ, "Where in the roadmap would better customer input make the biggest difference?"),
                (AUD, "Which users do you wish you could talk to but rarely reach?"),
                (PAIN, "How does feedback reach your team today, and where does it get lost?"),
                (PAIN, "What do users build, hack or work around that you only hear about by chance?"),
                (RES, "Who on your team could spend an hour a week with members?"),
                (SUC, "What would a good month of community input look like for your team?"),
                (RISK, "What would you not want discussed in public before launch?"),
            ],
        ),
        starter(
            "support",
            "Support",
            "For support leads and agents: repeat questions, deflection, and members who already help each other.",
            &[
                (PAIN, "Which questions reach you again and again?"),
                (PAIN, "Which tickets take longest, and what makes them slow?"),
                (AUD, "Do some customers already answer other customers' questions? Where?"),
                (OBJ, "Which support numbers are you measured on?"),
                (RES, "Who would keep answers in a community accurate and up to date?"),
                (SUC, "What share of questions would you be glad to see members answer for each other?"),
                (RISK, "When should a conversation leave the community and become a ticket?"),
            ],
        ),
        starter(
            "marketing",
            "Marketing",
            "For marketing and communications: reach, advocacy, content and the brand's voice in the community.",
            &[
                (OBJ, "Which campaigns or launches this year could members help with?"),
                (AUD, "Who is the audience you find hardest to reach through paid channels?"),
                (AUD, "Where do your best customers already talk about the product without you?"),
                (PAIN, "What content do you struggle to produce often enough?"),
                (SUC, "How would you recognise a true advocate, and how many do you know by name?"),
                (RES, "What budget or events could the community share with marketing?"),
                (RISK, "What could members say that would worry the brand team?"),
            ],
        ),
        starter(
            "member",
            "Community member",
            "For members and customers: why they come, what keeps them and what they would change.",
            &[
                (AUD, "How did you first find the community, and what were you looking for?"),
                (AUD, "Which other groups or forums do you spend time in? What do they do well?"),
                (PAIN, "When did you last get stuck, and where did you turn for help?"),
                (PAIN, "What almost made you stop coming?"),
                (SUC, "What would make you recommend this community to a colleague?"),
                (SUC, "What would you like to learn, share or build with other members?"),
                (RES, "Would you help run something: a meetup, a guide, a welcome for newcomers?"),
                (RISK, "What would make the community feel like marketing rather than a place for you?"),
            ],
        ),
    ]
}

word_enum! {
    /// How an interview was held.
    pub enum InterviewMode {
        InPerson => "inPerson", "In person";
        Video => "video", "Video call";
        Phone => "phone", "Phone";
        Written => "written", "Written";
    }
}

/// One conversation with one stakeholder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Interview {
    pub id: Uuid,
    pub stakeholder_id: Uuid,
    pub date: NaiveDate,
    pub interviewer: String,
    pub mode: InterviewMode,
    /// The guide it started from; the questions were copied, so later edits to the guide
    /// leave this interview as it was asked.
    pub guide_id: Option<Uuid>,
    pub guide_name: String,
    pub notes: String,
    pub note_theme_ids: Vec<Uuid>,
    pub answers: Vec<Answer>,
    pub quotes: Vec<Quote>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A question as it was asked in one interview, with what was said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Answer {
    pub id: Uuid,
    pub topic: String,
    pub question: String,
    pub answer: String,
    pub theme_ids: Vec<Uuid>,
}

/// Words worth repeating, as said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Quote {
    pub id: Uuid,
    pub interview_id: Uuid,
    pub text: String,
    pub theme_ids: Vec<Uuid>,
}

/// The interview form. The date arrives as typed ("2026-03-05") so a wrong one gets a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct InterviewEdit {
    /// `None` until someone is chosen.
    pub stakeholder_id: Option<Uuid>,
    pub date: String,
    pub interviewer: String,
    pub mode: InterviewMode,
    /// Only read when the interview is created.
    pub guide_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInterview {
    pub stakeholder_id: Uuid,
    pub date: NaiveDate,
    pub interviewer: String,
    pub mode: InterviewMode,
    pub guide_id: Option<Uuid>,
}

impl Interview {
    /// The interview's form, filled with what is stored.
    pub fn to_edit(&self) -> InterviewEdit {
        InterviewEdit {
            stakeholder_id: Some(self.stakeholder_id),
            date: self.date.format("%Y-%m-%d").to_string(),
            interviewer: self.interviewer.clone(),
            mode: self.mode,
            guide_id: self.guide_id,
        }
    }
}

impl InterviewEdit {
    pub fn validated(&self) -> Result<ValidInterview, Invalid> {
        let Some(stakeholder_id) = self.stakeholder_id else {
            return Err(Invalid::field(
                "stakeholderId",
                "Choose who you are interviewing.",
            ));
        };
        Ok(ValidInterview {
            stakeholder_id,
            date: parse_date("date", &self.date)?,
            interviewer: optional_line("interviewer", "interviewer's name", &self.interviewer)?,
            mode: self.mode,
            guide_id: self.guide_id,
        })
    }
}

/// A calendar date typed as YYYY-MM-DD (what a date input gives).
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Invalid::field(
            field,
            "The date is empty. Pick the day of the interview.",
        ));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| {
        Invalid::field(
            field,
            format!("“{t}” is not a date. Pick a day, for example 2026-03-05."),
        )
    })
}

/// An interview may only start from a guide with questions; else it would open on nothing.
pub fn check_guide_usable(guide: &Guide) -> Result<(), Invalid> {
    if guide.questions.is_empty() {
        return Err(Invalid::field(
            "guideId",
            format!(
                "The guide “{}” has no questions yet. Add at least one question to it, or choose another guide.",
                guide.name
            ),
        ));
    }
    Ok(())
}

/// The sentence for an interview whose stakeholder is not in the register (any more).
pub fn unknown_stakeholder() -> Invalid {
    Invalid::field(
        "stakeholderId",
        "That stakeholder is no longer in the register (they may have been deleted). Choose someone from the list.",
    )
}

pub fn validate_answer(text: &str) -> Result<String, Invalid> {
    paragraph("answer", "answer", text)
}

pub fn validate_notes(text: &str) -> Result<String, Invalid> {
    paragraph("notes", "notes", text)
}

pub fn validate_quote(text: &str) -> Result<String, Invalid> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Invalid::field(
            "quote",
            "The quote is empty. Type what was said, then press Enter.",
        ));
    }
    paragraph("quote", "quote", trimmed)
}

/// Where a question moves to, kept inside the list.
pub fn clamp_position(to: i64, len: usize) -> usize {
    let last = len.saturating_sub(1);
    usize::try_from(to.max(0)).map_or(last, |t| t.min(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit() -> InterviewEdit {
        InterviewEdit {
            stakeholder_id: Some(Uuid::from_u128(1)),
            date: "2026-03-05".into(),
            interviewer: " Ana ".into(),
            mode: InterviewMode::Video,
            guide_id: None,
        }
    }

    #[test]
    fn a_good_interview_edit_parses_its_date_and_trims_the_interviewer() {
        let v = edit().validated().unwrap();
        assert_eq!(v.date, NaiveDate::from_ymd_opt(2026, 3, 5).unwrap());
        assert_eq!(v.interviewer, "Ana");
        assert_eq!(v.guide_id, None);
    }

    #[test]
    fn bad_dates_and_missing_people_are_refused_at_their_fields() {
        let err = InterviewEdit {
            date: "5 March".into(),
            ..edit()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("date"));
        assert!(err.message.contains("“5 March” is not a date"));
        let err = InterviewEdit {
            date: "2026-02-30".into(),
            ..edit()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("date"));
        let err = InterviewEdit {
            stakeholder_id: None,
            ..edit()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("stakeholderId"));
    }

    #[test]
    fn an_empty_guide_cannot_start_an_interview() {
        let guide = Guide {
            id: Uuid::from_u128(2),
            name: "Draft".into(),
            description: String::new(),
            questions: vec![],
            created_at: DateTime::<Utc>::default(),
            updated_at: DateTime::<Utc>::default(),
        };
        let err = check_guide_usable(&guide).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("guideId"));
        assert!(err.message.contains("“Draft” has no questions yet"));
    }

    #[test]
    fn starter_guides_cover_five_kinds_and_are_valid() {
        let guides = starter_guides();
        let keys: Vec<&str> = guides.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(
            keys,
            ["executive", "product", "support", "marketing", "member"]
        );
        for g in &guides {
            assert!(g.questions.len() >= 5, "{} is too short", g.name);
            for q in &g.questions {
                assert_eq!(&q.validated().unwrap(), q, "{}", q.text);
                assert!(q.text.ends_with('?'), "{}", q.text);
            }
        }
    }

    #[test]
    fn questions_need_text_and_quotes_need_words() {
        let err = QuestionEdit {
            topic: "Audience".into(),
            text: "  ".into(),
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("text"));
        assert_eq!(
            validate_quote("  “We need this” ").unwrap(),
            "“We need this”"
        );
        assert_eq!(
            validate_quote(" ").unwrap_err().field.as_deref(),
            Some("quote")
        );
    }

    #[test]
    fn positions_are_clamped_into_the_list() {
        assert_eq!(clamp_position(-4, 3), 0);
        assert_eq!(clamp_position(1, 3), 1);
        assert_eq!(clamp_position(99, 3), 2);
        assert_eq!(clamp_position(0, 0), 0);
    }

    #[test]
    fn modes_round_trip() {
        for m in InterviewMode::ALL {
            assert_eq!(InterviewMode::from_slug(m.slug()), Some(m));
            assert_eq!(serde_json::to_value(m).unwrap(), m.slug());
        }
    }
}
