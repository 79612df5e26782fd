//! Holding statements are templates: `{{issue}}` and friends are filled in at the moment of a
//! crisis. Parsing, checking and filling live here so the screen, the playbook and the tests
//! agree on what a placeholder is.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The placeholders Groundwork fills, with what each stands for.
pub const KNOWN: [(&str, &str); 8] = [
    ("organisation", "Organisation"),
    ("community", "Community name"),
    ("issue", "What happened, in a few words"),
    ("time", "When it started or was noticed"),
    ("next_update", "When the next update will come"),
    ("channel", "Where updates are posted"),
    ("spokesperson", "Who speaks for us"),
    ("contact", "Where people can reach us"),
];

/// A piece of a template: plain text, or a placeholder by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Placeholder(String),
}

/// A template split into parts, with a sentence for each thing wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub parts: Vec<Part>,
    pub problems: Vec<String>,
}

impl Parsed {
    /// The known placeholders used, each once, in order of first use.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for part in &self.parts {
            if let Part::Placeholder(n) = part {
                if !names.contains(n) {
                    names.push(n.clone());
                }
            }
        }
        names
    }
}

pub fn is_known(name: &str) -> bool {
    KNOWN.iter().any(|(n, _)| *n == name)
}

fn known_list() -> String {
    KNOWN
        .iter()
        .map(|(n, _)| format!("{{{{{n}}}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Splits `body` into text and placeholders. An unknown name or a `{{` that never closes is
/// kept as plain text and reported with a sentence that says how to fix it.
pub fn parse(body: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut text = String::new();
    let mut rest = body;
    while let Some(start) = rest.find("{{") {
        text.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            let shown: String = after.chars().take(20).collect();
            parsed.problems.push(format!(
                "“{{{{{}” has no closing }}}}. Close the placeholder, for example {{{{issue}}}}, or remove the braces.",
                shown.trim_end()
            ));
            text.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let raw = &after[..end];
        let name = raw.trim().to_lowercase().replace([' ', '-'], "_");
        if is_known(&name) {
            if !text.is_empty() {
                parsed.parts.push(Part::Text(std::mem::take(&mut text)));
            }
            parsed.parts.push(Part::Placeholder(name));
        } else {
            let problem = if raw.trim().is_empty() {
                "“{{}}” is an empty placeholder. Put a name inside, such as {{issue}}, or remove the braces.".to_owned()
            } else {
                format!(
                    "{{{{{}}}}} is not a placeholder Groundwork fills. Use one of {}, or remove the braces.",
                    raw.trim(),
                    known_list()
                )
            };
            if !parsed.problems.contains(&problem) {
                parsed.problems.push(problem);
            }
            text.push_str(&rest[start..start + 2 + end + 2]);
        }
        rest = &after[end + 2..];
    }
    text.push_str(rest);
    if !text.is_empty() {
        parsed.parts.push(Part::Text(text));
    }
    parsed
}

/// One placeholder of a statement and the value it will be filled with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Slot {
    pub name: String,
    pub label: String,
    /// What was typed, or the workbook's own value (the organisation) when nothing was.
    pub value: String,
}

/// A run of the filled statement: text, or a placeholder still waiting for a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FilledPart {
    pub text: String,
    /// The placeholder this text came from, if any.
    pub placeholder: Option<String>,
    /// False when the placeholder has no value yet: shown as `{{name}}` and flagged.
    pub filled: bool,
}

/// A statement with its placeholders filled as far as the values go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct FilledStatement {
    pub parts: Vec<FilledPart>,
    /// The whole text, ready to copy once nothing is unfilled.
    pub text: String,
    pub slots: Vec<Slot>,
    /// Placeholders without a value, in order.
    pub unfilled: Vec<String>,
    /// Sentences about the template itself (unknown placeholders, unclosed braces).
    pub problems: Vec<String>,
    /// A sentence for the person filling it in, or `None` when it is ready to send.
    pub message: Option<String>,
}

/// The workbook's own values for placeholders: `{{organisation}}` and `{{community}}` come
/// from the profile unless something else is typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Defaults {
    pub organisation: String,
    pub community: String,
}

/// Fills `body` with `values` (by placeholder name), falling back to `defaults`.
pub fn fill(body: &str, values: &BTreeMap<String, String>, defaults: &Defaults) -> FilledStatement {
    let parsed = parse(body);
    let value_of = |name: &str| -> String {
        let typed = values.get(name).map(|v| v.trim()).unwrap_or_default();
        if !typed.is_empty() {
            return typed.to_owned();
        }
        match name {
            "organisation" => defaults.organisation.trim().to_owned(),
            "community" => defaults.community.trim().to_owned(),
            _ => String::new(),
        }
    };
    let slots: Vec<Slot> = parsed
        .names()
        .into_iter()
        .map(|name| Slot {
            label: KNOWN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, l)| (*l).to_owned())
                .unwrap_or_default(),
            value: value_of(&name),
            name,
        })
        .collect();
    let mut parts = Vec::new();
    let mut unfilled = Vec::new();
    for part in &parsed.parts {
        match part {
            Part::Text(t) => parts.push(FilledPart {
                text: t.clone(),
                placeholder: None,
                filled: true,
            }),
            Part::Placeholder(name) => {
                let value = value_of(name);
                let filled = !value.is_empty();
                if !filled && !unfilled.contains(name) {
                    unfilled.push(name.clone());
                }
                parts.push(FilledPart {
                    text: if filled {
                        value
                    } else {
                        format!("{{{{{name}}}}}")
                    },
                    placeholder: Some(name.clone()),
                    filled,
                });
            }
        }
    }
    let text = parts.iter().map(|p| p.text.as_str()).collect::<String>();
    let message = if let Some(first) = parsed.problems.first() {
        Some(first.clone())
    } else if unfilled.is_empty() {
        None
    } else {
        let names = unfilled
            .iter()
            .map(|n| format!("{{{{{n}}}}}"))
            .collect::<Vec<_>>()
            .join(", ");
        Some(if unfilled.len() == 1 {
            format!(
                "1 placeholder is not filled yet: {names}. Fill it before this statement goes out."
            )
        } else {
            format!(
                "{} placeholders are not filled yet: {names}. Fill them before this statement goes out.",
                unfilled.len()
            )
        })
    };
    FilledStatement {
        parts,
        text,
        slots,
        unfilled,
        problems: parsed.problems,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn parse_splits_text_and_known_placeholders() {
        let p = parse("We know about {{issue}} since {{ time }}. — {{organisation}}");
        assert_eq!(
            p.parts,
            vec![
                Part::Text("We know about ".into()),
                Part::Placeholder("issue".into()),
                Part::Text(" since ".into()),
                Part::Placeholder("time".into()),
                Part::Text(". — ".into()),
                Part::Placeholder("organisation".into()),
            ]
        );
        assert!(p.problems.is_empty());
        assert_eq!(p.names(), ["issue", "time", "organisation"]);
    }

    #[test]
    fn next_update_may_be_written_with_a_space_or_dash() {
        assert_eq!(parse("{{Next Update}}").names(), ["next_update"]);
        assert_eq!(parse("{{next-update}}").names(), ["next_update"]);
    }

    #[test]
    fn unknown_and_unclosed_placeholders_are_reported_and_kept_as_text() {
        let p = parse("Hi {{orgnisation}}, {{issue");
        assert_eq!(p.problems.len(), 2, "{:?}", p.problems);
        assert!(p.problems[0].contains("{{orgnisation}} is not a placeholder"));
        assert!(
            p.problems[0].contains("{{organisation}}"),
            "lists the known ones"
        );
        assert!(p.problems[1].contains("has no closing"));
        assert_eq!(
            p.parts,
            vec![Part::Text("Hi {{orgnisation}}, {{issue".into())]
        );
        assert_eq!(parse("{{}}").problems.len(), 1);
    }

    #[test]
    fn text_without_placeholders_and_any_script_survive() {
        let body = "Мы знаем. 我们知道 🚀 <b>{not one}</b> }}";
        let p = parse(body);
        assert_eq!(p.parts, vec![Part::Text(body.into())]);
        assert!(p.problems.is_empty());
    }

    #[test]
    fn fill_uses_values_then_the_profile_and_flags_the_rest() {
        let defaults = Defaults {
            organisation: "Northwind".into(),
            community: String::new(),
        };
        let f = fill(
            "{{organisation}} knows about {{issue}}. Next update: {{next_update}}. {{issue}}!",
            &values(&[("issue", "the outage"), ("next_update", "  ")]),
            &defaults,
        );
        assert_eq!(
            f.text,
            "Northwind knows about the outage. Next update: {{next_update}}. the outage!"
        );
        assert_eq!(f.unfilled, ["next_update"]);
        assert!(f
            .message
            .as_deref()
            .unwrap_or("")
            .contains("1 placeholder is not filled yet: {{next_update}}"));
        let flagged: Vec<_> = f.parts.iter().filter(|p| !p.filled).collect();
        assert_eq!(flagged.len(), 1);
        assert_eq!(flagged[0].placeholder.as_deref(), Some("next_update"));
        assert_eq!(f.slots.len(), 3, "each placeholder once: {:?}", f.slots);
        assert_eq!(f.slots[0].value, "Northwind", "defaults from the profile");
    }

    #[test]
    fn a_typed_organisation_wins_over_the_profile_and_a_full_fill_is_ready() {
        let f = fill(
            "{{organisation}}: {{issue}}",
            &values(&[("organisation", "NW Ltd"), ("issue", "x")]),
            &Defaults::default(),
        );
        assert_eq!(f.text, "NW Ltd: x");
        assert!(f.unfilled.is_empty());
        assert_eq!(f.message, None);
    }

    #[test]
    fn a_problem_in_the_template_is_the_message() {
        let f = fill("{{when}}", &BTreeMap::new(), &Defaults::default());
        assert!(f
            .message
            .unwrap_or_default()
            .contains("{{when}} is not a placeholder"));
        assert_eq!(f.text, "{{when}}");
    }
}
