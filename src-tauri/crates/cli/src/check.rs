//! `groundwork check`: the readiness review as text, for people and scripts.

use std::fmt::Write as _;

use groundwork_core::readiness::{Review, Severity};

/// The review, grouped by step, with the dismissed issues and their reasons at the end.
pub fn report(name: &str, review: &Review) -> String {
    let mut out = String::new();
    let count = |s: Severity| review.issues.iter().filter(|i| i.severity == s).count();
    let _ = writeln!(
        out,
        "Readiness of “{name}”: {} of 100 — {}, {}, {}.",
        review.overall,
        plural(count(Severity::Blocker), "blocker"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Tip), "tip"),
    );
    for step in &review.steps {
        let _ = writeln!(out, "\n{} — {} of 100", step.title, step.score);
        let issues: Vec<_> = review
            .issues
            .iter()
            .filter(|i| i.step == step.step)
            .collect();
        if issues.is_empty() {
            let _ = writeln!(out, "  Nothing to fix.");
        }
        for issue in issues {
            let _ = writeln!(
                out,
                "  {:<8} {}  [{}]",
                issue.severity.label().to_uppercase(),
                issue.message,
                issue.rule
            );
        }
    }
    if !review.dismissed.is_empty() {
        let _ = writeln!(
            out,
            "\nAccepted with a reason ({}):",
            review.dismissed.len()
        );
        for d in &review.dismissed {
            let _ = writeln!(
                out,
                "  {} Reason: {}  [{}]",
                d.issue.message, d.reason, d.issue.rule
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        if review.has_blockers() {
            format!(
                "Not ready: fix the {} or dismiss {} with a reason.",
                plural(review.blockers as usize, "blocker"),
                if review.blockers == 1 { "it" } else { "them" }
            )
        } else {
            "No blockers: ready to present.".to_owned()
        }
    );
    out
}

/// "1 blocker", "3 warnings".
fn plural(n: usize, word: &str) -> String {
    groundwork_core::text::plural(n, word, &format!("{word}s"))
}
