//! The workbook's profile: what the strategy is for and whose it is.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::{optional_line, paragraph, required_line};
use crate::Invalid;

/// The profile as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Profile {
    pub name: String,
    pub organisation: String,
    pub community_name: String,
    pub strategist: String,
    pub purpose: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The editable part of the profile, as the Overview screen sends it on every autosave.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct ProfileEdit {
    pub name: String,
    pub organisation: String,
    pub community_name: String,
    pub strategist: String,
    pub purpose: String,
}

impl ProfileEdit {
    /// Checks every field and returns the edit as it will be stored (one-line fields trimmed).
    pub fn validated(&self) -> Result<Self, Invalid> {
        Ok(Self {
            name: validate_name(&self.name)?,
            organisation: optional_line("organisation", "organisation", &self.organisation)?,
            community_name: optional_line("communityName", "community name", &self.community_name)?,
            strategist: optional_line("strategist", "strategist's name", &self.strategist)?,
            purpose: paragraph("purpose", "purpose", &self.purpose)?,
        })
    }
}

impl From<&Profile> for ProfileEdit {
    fn from(p: &Profile) -> Self {
        Self {
            name: p.name.clone(),
            organisation: p.organisation.clone(),
            community_name: p.community_name.clone(),
            strategist: p.strategist.clone(),
            purpose: p.purpose.clone(),
        }
    }
}

/// A workbook name: the one field every workbook must have.
pub fn validate_name(name: &str) -> Result<String, Invalid> {
    required_line("name", "workbook name", name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit() -> ProfileEdit {
        ProfileEdit {
            name: " Northwind Makers ".into(),
            organisation: "Northwind".into(),
            community_name: "Makers Hub".into(),
            strategist: "Ana Souza".into(),
            purpose: "  Help makers help each other.\n".into(),
        }
    }

    #[test]
    fn validated_trims_lines_but_keeps_the_purpose_verbatim() {
        let v = edit().validated().unwrap();
        assert_eq!(v.name, "Northwind Makers");
        assert_eq!(v.purpose, "  Help makers help each other.\n");
    }

    #[test]
    fn empty_name_is_refused_at_the_name_field() {
        let err = ProfileEdit {
            name: "\t ".into(),
            ..edit()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("name"));
    }

    #[test]
    fn a_purpose_of_100_000_characters_is_kept() {
        let purpose = "Ж".repeat(100_000);
        let v = ProfileEdit {
            purpose: purpose.clone(),
            ..edit()
        }
        .validated()
        .unwrap();
        assert_eq!(v.purpose, purpose);
    }

    #[test]
    fn the_field_names_match_what_the_ui_sends() {
        // The UI places errors by these names, which are the camelCase JSON keys.
        let json = serde_json::to_value(edit()).unwrap();
        for key in [
            "name",
            "organisation",
            "communityName",
            "strategist",
            "purpose",
        ] {
            assert!(json.get(key).is_some(), "missing key {key}");
        }
        let err = ProfileEdit {
            community_name: "x".repeat(2_000),
            ..edit()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("communityName"));
    }
}
