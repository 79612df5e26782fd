//! The issues a strategist accepts, with their reasons: records kept in the workbook, below
//! the review that reads them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::required_line;
use crate::Invalid;

/// An issue the strategist accepts, and why. Kept in the workbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Dismissal {
    /// The key.
    pub key: String,
    pub reason: String,
    pub dismissed_at: DateTime<Utc>,
}

/// Checks a dismissal's reason: one line, required, so the decision can be explained later.
pub fn validated_reason(reason: &str) -> Result<String, Invalid> {
    required_line("reason", "reason", reason).map_err(|_| {
        if reason.trim().is_empty() {
            Invalid::field(
                "reason",
                "Say why this issue is accepted, so whoever reads the strategy later knows it was a decision.",
            )
        } else {
            Invalid::field(
                "reason",
                "The reason must fit on one line of at most 1,000 characters. Shorten it.",
            )
        }
    })
}
