//! Starting points written for Groundwork: three severity levels every new workbook begins
//! with, and a library of scenarios to copy and adapt.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A starter severity level: name, definition, response time in minutes.
pub const STARTER_LEVELS: [(&str, &str, u32); 3] = [
    (
        "Watch",
        "Something is stirring: a few unhappy posts, a rumour, an odd spike in mentions. No harm yet. Keep an eye on it and log what you see.",
        24 * 60,
    ),
    (
        "Concern",
        "It is spreading or hurting members: many complaints, press or partner questions, a feature or service partly down. The team responds publicly.",
        4 * 60,
    ),
    (
        "Crisis",
        "Real harm to members, their data or the organisation's name: a breach, a long outage, a viral backlash. Leadership is told at once and every public word is approved.",
        60,
    ),
];

/// A scenario from the library, ready to be copied into a workbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct StarterScenario {
    pub key: String,
    pub title: String,
    pub description: String,
    pub likelihood: u8,
    pub impact: u8,
    /// Index into the starter levels (0 watch, 1 concern, 2 crisis): the copy takes the level
    /// at that position in the workbook, if there is one.
    pub level: u8,
    pub signals: Vec<String>,
    pub actions: Vec<String>,
    pub channels: Vec<String>,
    pub statement_title: String,
    pub statement: String,
}

struct Raw {
    key: &'static str,
    title: &'static str,
    description: &'static str,
    likelihood: u8,
    impact: u8,
    level: u8,
    signals: &'static [&'static str],
    actions: &'static [&'static str],
    channels: &'static [&'static str],
    statement: &'static str,
}

const LIBRARY: [Raw; 6] = [
    Raw {
        key: "comment-storm",
        title: "Negative comment storm",
        description: "A decision, price change or product problem sets off a wave of angry comments across our channels faster than we can answer them one by one.",
        likelihood: 4,
        impact: 3,
        level: 1,
        signals: &[
            "Replies on one post several times above the usual rate",
            "The same complaint repeated in different channels within an hour",
            "Regular members asking moderators what is going on",
        ],
        actions: &[
            "Pause scheduled posts and campaigns on every channel",
            "Post the holding statement where the storm is loudest",
            "Gather the main complaints in one shared document",
            "Agree with the owner of the decision what we can say and by when",
            "Answer the most common question in one pinned post instead of one by one",
        ],
        channels: &["The channel where it started", "Community forum (pinned post)", "Email to affected members if needed"],
        statement: "We hear you. Many of you have told us how {{issue}} affects you, and we are listening. The team at {{organisation}} is looking at it now and will post an update by {{next_update}}.",
    },
    Raw {
        key: "outage",
        title: "Service outage",
        description: "The product, the community platform or a key integration stops working, and members come to the community to find out why.",
        likelihood: 3,
        impact: 4,
        level: 1,
        signals: &[
            "Status page or monitoring alerts",
            "A burst of \"is it down?\" posts",
            "Support tickets on the same error",
        ],
        actions: &[
            "Confirm the outage and its scope with the on-call engineer",
            "Post the holding statement on the status page and in the community",
            "Pin one thread for updates and point every question to it",
            "Update at the promised time, even if there is no news",
            "Announce the fix and thank members for their patience",
        ],
        channels: &["Status page", "Community forum (pinned thread)", "Social accounts"],
        statement: "Since {{time}} some of you cannot use {{issue}}. We know, and our engineers are working on it. We will post the next update at {{next_update}} on {{channel}}. Sorry for the trouble.",
    },
    Raw {
        key: "data-incident",
        title: "Data incident",
        description: "Member data is exposed, leaked or accessed by someone who should not have it, or members believe it was.",
        likelihood: 2,
        impact: 5,
        level: 2,
        signals: &[
            "Members reporting messages or accounts they did not expect",
            "Security or IT team raising an alert",
            "Posts claiming our data is for sale",
        ],
        actions: &[
            "Tell the security lead and legal at once; do not speculate in public",
            "Lock or hide threads that share personal data",
            "Publish the approved holding statement only",
            "Prepare answers to the obvious questions with legal",
            "Follow the legal notification steps and dates",
        ],
        channels: &["Email to affected members", "Community announcement", "Website notice"],
        statement: "We are investigating a possible issue with member data that we learned about at {{time}}. Protecting your information matters to us. We will share what we know and what you should do by {{next_update}}. Questions: {{contact}}.",
    },
    Raw {
        key: "troll-raid",
        title: "Troll raid",
        description: "A coordinated group floods the community with abuse, spam or provocations to disrupt it or to get a reaction.",
        likelihood: 3,
        impact: 3,
        level: 1,
        signals: &[
            "Many new accounts joining within minutes",
            "Off-topic provocations posted in several threads at once",
            "Links to our community shared in hostile groups",
        ],
        actions: &[
            "Turn on slow mode, post approval or join restrictions",
            "Remove abusive content and ban accounts by the code of conduct",
            "Do not argue or answer the provocations",
            "Check on members who were targeted",
            "Record what happened for the review",
        ],
        channels: &["The affected space (announcement)", "Moderator channel"],
        statement: "Some accounts are posting content that breaks our community guidelines. Moderators are removing it. Please do not engage with them; report posts instead. Thank you for keeping {{community}} a good place.",
    },
    Raw {
        key: "controversial-post",
        title: "A controversial post",
        description: "Something we published (a post, a joke, an image, a campaign) is read as offensive, tone-deaf or untrue.",
        likelihood: 3,
        impact: 3,
        level: 1,
        signals: &[
            "Replies quoting the post with criticism",
            "Screenshots of the post shared outside our channels",
            "Colleagues asking whether the post was approved",
        ],
        actions: &[
            "Decide within the response time whether to edit, remove or keep the post, and note why",
            "Do not delete quietly: say what changed",
            "Post the holding statement or an apology approved by the approver",
            "Review what the approval step missed",
        ],
        channels: &["The channel of the post", "Other channels where it is being discussed"],
        statement: "Earlier we posted {{issue}}. We got it wrong, and we understand why it upset people. We have taken it down and are looking at how it happened. {{organisation}}",
    },
    Raw {
        key: "executive-misstep",
        title: "An executive's misstep",
        description: "A leader of the organisation says or does something in public that members find offensive or alarming, and the community expects us to respond.",
        likelihood: 2,
        impact: 4,
        level: 2,
        signals: &[
            "Members tagging our accounts with a quote or clip",
            "Journalists asking for comment",
            "Employees discussing it in internal channels",
        ],
        actions: &[
            "Tell communications and the executive's office; agree one spokesperson",
            "Hold all scheduled content",
            "Do not answer individual posts until the statement is approved",
            "Post the approved statement and keep moderating with the usual rules",
        ],
        channels: &["Official social accounts", "Community announcement", "Press enquiries to the spokesperson"],
        statement: "We are aware of the comments made by {{spokesperson}} about {{issue}}. We understand the concern they caused in our community. We will say more by {{next_update}}.",
    },
];

/// The scenario library, in the order it is shown.
pub fn library() -> Vec<StarterScenario> {
    LIBRARY
        .iter()
        .map(|r| StarterScenario {
            key: r.key.to_owned(),
            title: r.title.to_owned(),
            description: r.description.to_owned(),
            likelihood: r.likelihood,
            impact: r.impact,
            level: r.level,
            signals: r.signals.iter().map(|s| (*s).to_owned()).collect(),
            actions: r.actions.iter().map(|s| (*s).to_owned()).collect(),
            channels: r.channels.iter().map(|s| (*s).to_owned()).collect(),
            statement_title: "Holding statement".to_owned(),
            statement: r.statement.to_owned(),
        })
        .collect()
}

/// The starter scenario with this key.
pub fn find(key: &str) -> Option<StarterScenario> {
    library().into_iter().find(|s| s.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crisis::placeholders;

    #[test]
    fn the_library_has_the_six_scenarios_with_valid_scores_and_statements() {
        let lib = library();
        assert_eq!(lib.len(), 6);
        for s in &lib {
            assert!(
                (1..=5).contains(&s.likelihood) && (1..=5).contains(&s.impact),
                "{}",
                s.key
            );
            assert!(usize::from(s.level) < STARTER_LEVELS.len());
            assert!(!s.actions.is_empty() && !s.signals.is_empty(), "{}", s.key);
            let parsed = placeholders::parse(&s.statement);
            assert!(
                parsed.problems.is_empty(),
                "{}: {:?}",
                s.key,
                parsed.problems
            );
            assert!(!parsed.names().is_empty(), "{} uses placeholders", s.key);
        }
        assert!(find("outage").is_some());
        assert!(find("nope").is_none());
    }
}
