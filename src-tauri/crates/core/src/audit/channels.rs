//! Where the community lives: the channels, owned by the organisation or not.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::text::{optional_line, paragraph, required_line};
use crate::words::word_enum;
use crate::Invalid;

word_enum! {
    /// The kinds of place a strategist recognises. `Other` covers anything new.
    #[derive(PartialOrd, Ord)]
    pub enum ChannelKind {
        Forum => "forum", "Forum";
        FacebookGroup => "facebookGroup", "Facebook group";
        LinkedinGroup => "linkedinGroup", "LinkedIn group";
        DiscordServer => "discordServer", "Discord server";
        SlackWorkspace => "slackWorkspace", "Slack workspace";
        Subreddit => "subreddit", "Subreddit";
        XChat => "xChat", "X/Twitter chat";
        VideoChannel => "videoChannel", "Video channel";
        ReviewSite => "reviewSite", "Review site";
        LiveVideo => "liveVideo", "Live video / AMA";
        Events => "events", "Events / meetups";
        InProduct => "inProduct", "In-product space";
        Other => "other", "Other";
    }
}

word_enum! {
    /// Whether the organisation runs the channel or members gathered there on their own.
    #[derive(PartialOrd, Ord)]
    pub enum Ownership {
        Owned => "owned", "Owned";
        Unofficial => "unofficial", "Unofficial";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Channel {
    pub id: Uuid,
    pub kind: ChannelKind,
    pub name: String,
    /// A web address or a handle, as typed.
    pub link: String,
    pub ownership: Ownership,
    pub audience: String,
    pub run_by: String,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A channel as the form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ChannelEdit {
    pub kind: ChannelKind,
    pub name: String,
    pub link: String,
    pub ownership: Ownership,
    pub audience: String,
    pub run_by: String,
    pub notes: String,
}

impl ChannelEdit {
    /// Checks every field. `others` are the workbook's other channels (the one being edited
    /// left out): a name may be used once, whatever its case.
    pub fn validated(&self, others: &[Channel]) -> Result<Self, Invalid> {
        let name = required_line("name", "channel name", &self.name)?;
        if let Some(same) = others.iter().find(|c| same_name(&c.name, &name)) {
            return Err(Invalid::field(
                "name",
                format!(
                    "There is already a channel called “{}”. Give this one a different name, or edit that one.",
                    same.name
                ),
            ));
        }
        Ok(Self {
            kind: self.kind,
            name,
            link: optional_line("link", "link or handle", &self.link)?,
            ownership: self.ownership,
            audience: optional_line("audience", "audience", &self.audience)?,
            run_by: optional_line("runBy", "“run by”", &self.run_by)?,
            notes: paragraph("notes", "notes", &self.notes)?,
        })
    }
}

/// Names compare without regard to case in any script ("Forum" = "FORUM", "Ωmega" = "ωMEGA")
/// or to surrounding spaces.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The sentence shown before a channel is deleted: what goes with it and which findings cite
/// it. `citing` are the titles of those findings.
pub fn deletion_notice(channel: &str, snapshots: usize, citing: &[String]) -> String {
    let mut out = format!("“{channel}”");
    out.push_str(&match snapshots {
        0 => " will be deleted.".to_owned(),
        1 => " and its snapshot will be deleted.".to_owned(),
        n => format!(" and its {n} snapshots will be deleted."),
    });
    if !citing.is_empty() {
        let titles: Vec<String> = citing.iter().map(|t| format!("“{t}”")).collect();
        let (noun, pronoun) = if citing.len() == 1 {
            ("finding cites", "that finding keeps")
        } else {
            ("findings cite", "those findings keep")
        };
        out.push_str(&format!(
            " {} {noun} it as evidence: {}. The links will be removed; {pronoun} the rest of its evidence.",
            count_word(citing.len()),
            titles.join(", ")
        ));
    }
    out
}

fn count_word(n: usize) -> String {
    match n {
        1 => "One".to_owned(),
        2 => "Two".to_owned(),
        3 => "Three".to_owned(),
        n => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(name: &str) -> ChannelEdit {
        ChannelEdit {
            kind: ChannelKind::Forum,
            name: name.into(),
            link: " https://forum.example.org ".into(),
            ownership: Ownership::Owned,
            audience: "Hobby makers".into(),
            run_by: "Support team".into(),
            notes: "  Busy on weekends.\n".into(),
        }
    }

    fn channel(name: &str) -> Channel {
        let e = edit(name);
        Channel {
            id: Uuid::now_v7(),
            kind: e.kind,
            name: e.name,
            link: e.link,
            ownership: e.ownership,
            audience: e.audience,
            run_by: e.run_by,
            notes: e.notes,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn a_channel_is_trimmed_and_keeps_its_notes_verbatim() {
        let v = edit("  Makers forum ").validated(&[]).unwrap();
        assert_eq!(v.name, "Makers forum");
        assert_eq!(v.link, "https://forum.example.org");
        assert_eq!(v.notes, "  Busy on weekends.\n");
    }

    #[test]
    fn a_blank_name_is_refused_at_the_name_field() {
        let err = edit("  ").validated(&[]).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("name"));
    }

    #[test]
    fn duplicate_names_are_refused_whatever_their_case() {
        let others = [channel("Makers Forum"), channel("Ωmega chat")];
        let err = edit("makers FORUM ").validated(&others).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("name"));
        assert!(
            err.message
                .contains("already a channel called “Makers Forum”"),
            "names the existing channel: {}",
            err.message
        );
        assert!(
            edit("ωMEGA CHAT").validated(&others).is_err(),
            "case folding works beyond ASCII"
        );
        assert!(edit("Makers Forum 2").validated(&others).is_ok());
    }

    #[test]
    fn slugs_round_trip_and_every_kind_has_a_label() {
        for k in ChannelKind::ALL {
            assert_eq!(ChannelKind::from_slug(k.slug()), Some(k));
            assert!(!k.label().is_empty());
            // The stored word is the JSON word, so the UI and the file agree.
            assert_eq!(serde_json::to_value(k).unwrap(), k.slug());
        }
        assert_eq!(
            Ownership::from_slug("unofficial"),
            Some(Ownership::Unofficial)
        );
        assert_eq!(ChannelKind::from_slug("myspace"), None);
    }

    #[test]
    fn the_deletion_notice_names_what_goes_and_what_cites_it() {
        assert_eq!(deletion_notice("Forum", 0, &[]), "“Forum” will be deleted.");
        let n = deletion_notice(
            "Forum",
            3,
            &["Slow replies".to_owned(), "Lurkers".to_owned()],
        );
        assert!(
            n.starts_with("“Forum” and its 3 snapshots will be deleted."),
            "{n}"
        );
        assert!(
            n.contains("Two findings cite it as evidence: “Slow replies”, “Lurkers”."),
            "{n}"
        );
    }
}
