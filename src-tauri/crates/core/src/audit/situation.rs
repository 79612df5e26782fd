//! The situation around the community: resources, obstacles, opportunities and threats, the
//! audience, the tone of voice, and the peers whose communities live nearby.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::audit::channels::same_name;
use crate::text::{paragraph, required_line};
use crate::words::word_enum;
use crate::Invalid;

/// The situation as stored and as the form sends it (every field a paragraph; the four
/// quadrants hold one point per line).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Situation {
    pub resources: String,
    pub obstacles: String,
    pub opportunities: String,
    pub threats: String,
    pub target_audience: String,
    pub tone_and_voice: String,
}

impl Situation {
    pub fn validated(&self) -> Result<Self, Invalid> {
        Ok(Self {
            resources: paragraph("resources", "resources", &self.resources)?,
            obstacles: paragraph("obstacles", "obstacles", &self.obstacles)?,
            opportunities: paragraph("opportunities", "opportunities", &self.opportunities)?,
            threats: paragraph("threats", "threats", &self.threats)?,
            target_audience: paragraph("targetAudience", "target audience", &self.target_audience)?,
            tone_and_voice: paragraph("toneAndVoice", "tone and voice", &self.tone_and_voice)?,
        })
    }

    pub fn is_empty(&self) -> bool {
        [
            &self.resources,
            &self.obstacles,
            &self.opportunities,
            &self.threats,
            &self.target_audience,
            &self.tone_and_voice,
        ]
        .iter()
        .all(|t| t.trim().is_empty())
    }

    /// The four quadrants, each with its title and its points (one per non-blank line), in
    /// reading order: resources, obstacles, opportunities, threats.
    pub fn quadrants(&self) -> [(&'static str, Vec<String>); 4] {
        [
            ("Resources", points(&self.resources)),
            ("Obstacles", points(&self.obstacles)),
            ("Opportunities", points(&self.opportunities)),
            ("Threats", points(&self.threats)),
        ]
    }
}

/// A quadrant's points: one per line, list markers people type ("- ", "• ", "* ") removed.
pub fn points(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '•', '*', '–'])
                .trim()
                .to_owned()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

word_enum! {
    pub enum PeerKind {
        /// An organisation with similar aims whose community is worth learning from.
        LikeMinded => "likeMinded", "Like-minded";
        Competitor => "competitor", "Competitor";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Peer {
    pub id: Uuid,
    pub name: String,
    pub kind: PeerKind,
    /// Where their community lives: "Discord, a forum, yearly meetup".
    pub communities: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct PeerEdit {
    pub name: String,
    pub kind: PeerKind,
    pub communities: String,
    pub notes: String,
}

impl PeerEdit {
    /// `others` are the other peers: each organisation is listed once.
    pub fn validated(&self, others: &[Peer]) -> Result<Self, Invalid> {
        let name = required_line("name", "organisation's name", &self.name)?;
        if let Some(same) = others.iter().find(|p| same_name(&p.name, &name)) {
            return Err(Invalid::field(
                "name",
                format!(
                    "“{}” is already listed. Edit that entry instead.",
                    same.name
                ),
            ));
        }
        Ok(Self {
            name,
            kind: self.kind,
            communities: paragraph(
                "communities",
                "where their community lives",
                &self.communities,
            )?,
            notes: paragraph("notes", "notes", &self.notes)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quadrant_points_are_lines_without_their_markers() {
        let s = Situation {
            resources: "- Two community managers\n\n• A small events budget\n".into(),
            threats: "   ".into(),
            ..Situation::default()
        };
        let q = s.quadrants();
        assert_eq!(q[0].0, "Resources");
        assert_eq!(
            q[0].1,
            vec!["Two community managers", "A small events budget"]
        );
        assert!(q[3].1.is_empty());
        assert!(!s.is_empty());
        assert!(Situation::default().is_empty());
    }

    #[test]
    fn situation_text_is_kept_verbatim() {
        let s = Situation {
            tone_and_voice: "  Warm, <b>plain</b>, never salesy.\n".into(),
            ..Situation::default()
        };
        assert_eq!(s.validated().unwrap(), s);
    }

    #[test]
    fn a_peer_needs_a_name_listed_once() {
        let peer = |name: &str| PeerEdit {
            name: name.into(),
            kind: PeerKind::Competitor,
            communities: "Discord".into(),
            notes: String::new(),
        };
        assert_eq!(
            peer(" ").validated(&[]).unwrap_err().field.as_deref(),
            Some("name")
        );
        let existing = Peer {
            id: Uuid::now_v7(),
            name: "Acme Tools".into(),
            kind: PeerKind::Competitor,
            communities: String::new(),
            notes: String::new(),
        };
        let err = peer("ACME tools").validated(&[existing]).unwrap_err();
        assert!(
            err.message.contains("“Acme Tools” is already listed"),
            "{}",
            err.message
        );
    }
}
