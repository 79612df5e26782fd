//! Full-text search across every interview answer, note and quote (SQLite FTS5).
//!
//! What a strategist types is always searched as plain words: FTS5's own syntax (quotes,
//! AND/OR/NOT, `*`, `-`, `^`, parentheses, NEAR, column filters) is never passed through, so
//! no query can fail with SQLite's error. The last word matches as a prefix so results follow
//! the typing.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::sql::{sql, uuid};
use crate::{Result, Store};

/// Marks a match's start and end in FTS5's snippets: private-use characters, which a person
/// does not type.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';
/// How many hits one search returns; the total is counted separately.
pub const MAX_HITS: usize = 50;
/// Matches are counted up to this many; beyond it the count says "or more".
pub const COUNT_CAP: u64 = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SearchHitKind {
    Answer,
    Quote,
    Notes,
}

/// A piece of a hit's text; `matched` pieces are what the query found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: SearchHitKind,
    /// The answer's, quote's or (for notes) interview's id.
    pub id: Uuid,
    pub interview_id: Uuid,
    pub stakeholder_id: Uuid,
    pub stakeholder_name: String,
    pub date: NaiveDate,
    /// The question, for answers; empty otherwise.
    pub question: String,
    /// The passage around the matches, split into plain and matched pieces.
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SearchResults {
    pub query: String,
    /// The best matches, at most [`MAX_HITS`].
    pub hits: Vec<SearchHit>,
    /// How many answers, notes and quotes match in all, up to [`COUNT_CAP`].
    pub total: u64,
    /// True when more than [`COUNT_CAP`] match.
    pub capped: bool,
    /// A sentence when the query has nothing to search for.
    pub message: Option<String>,
}

/// Turns typed text into an FTS5 query of plain words: each word becomes a quoted string
/// (FTS5 then splits it into tokens exactly as it split the text), the last one a prefix
/// while the user is still typing it. `None` when there is no letter or digit to look for.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<&str> = input
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let still_typing = !input.ends_with(char::is_whitespace);
    let last = words.len().checked_sub(1)?;
    let parts: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let quoted = format!("\"{}\"", w.replace('"', "\"\""));
            // A one-letter prefix would expand to much of the vocabulary; it is searched as
            // a whole word until a second letter arrives.
            if i == last && still_typing && w.chars().filter(|c| c.is_alphanumeric()).count() > 1 {
                quoted + "*"
            } else {
                quoted
            }
        })
        .collect();
    Some(parts.join(" "))
}

/// Splits a snippet with match markers into segments. Markers that do not pair up (text that
/// itself held the marker characters) never lose text.
pub fn segments(snippet: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut current = String::new();
    let mut matched = false;
    let flush = |text: &mut String, matched: bool, out: &mut Vec<Segment>| {
        if !text.is_empty() {
            out.push(Segment {
                text: std::mem::take(text),
                matched,
            });
        }
    };
    for ch in snippet.chars() {
        match ch {
            OPEN => {
                flush(&mut current, matched, &mut out);
                matched = true;
            }
            CLOSE => {
                flush(&mut current, matched, &mut out);
                matched = false;
            }
            _ => current.push(ch),
        }
    }
    flush(&mut current, matched, &mut out);
    out
}

/// Each kind of text: its index, the table it indexes, and how a hit finds its interview.
struct Source {
    kind: SearchHitKind,
    index: &'static str,
    details: &'static str,
}

const SOURCES: [Source; 3] = [
    Source {
        kind: SearchHitKind::Answer,
        index: "answers_fts",
        details: "SELECT a.id, a.interview_id, i.stakeholder_id, s.name, i.date, a.question
                  FROM answers a JOIN interviews i ON i.id = a.interview_id
                  JOIN stakeholders s ON s.id = i.stakeholder_id WHERE a.seq = ?1",
    },
    Source {
        kind: SearchHitKind::Quote,
        index: "quotes_fts",
        details: "SELECT q.id, q.interview_id, i.stakeholder_id, s.name, i.date, ''
                  FROM quotes q JOIN interviews i ON i.id = q.interview_id
                  JOIN stakeholders s ON s.id = i.stakeholder_id WHERE q.seq = ?1",
    },
    Source {
        kind: SearchHitKind::Notes,
        index: "notes_fts",
        details: "SELECT i.id, i.id, i.stakeholder_id, s.name, i.date, ''
                  FROM interviews i JOIN stakeholders s ON s.id = i.stakeholder_id
                  WHERE i.seq = ?1",
    },
];

impl Store {
    /// Searches every answer, note and quote for the words typed, newest interviews first.
    pub fn search(&self, query: &str) -> Result<SearchResults> {
        let mut results = SearchResults {
            query: query.to_owned(),
            hits: Vec::new(),
            total: 0,
            capped: false,
            message: None,
        };
        if query.trim().is_empty() {
            return Ok(results);
        }
        let Some(fts) = fts_query(query) else {
            results.message = Some(format!(
                "“{}” has no letters or numbers to search for. Type a word from an answer, note or quote.",
                query.trim()
            ));
            return Ok(results);
        };
        let e = sql(&self.path);
        // Newest first. FTS5 walks its index in rowid order and stops at the limit, so a
        // search costs the same whether a word appears ten times or fifty thousand (ranking by
        // relevance would score every match first). Rowids grow as texts are written.
        // The snippet comes with each row: asking for it later, row by row, ran the whole
        // query again each time (for a prefix, expanding it again).
        let mut hits = Vec::new();
        for (n, s) in SOURCES.iter().enumerate() {
            let mut stmt = self
                .conn
                .prepare_cached(&format!(
                    "SELECT rowid, snippet({i}, 0, char(57344), char(57345), '…', 24) FROM {i}
                     WHERE {i} MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
                    i = s.index
                ))
                .map_err(&e)?;
            let rows = stmt
                .query_map(params![fts, MAX_HITS as i64], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })
                .map_err(&e)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&e)?;
            for (rowid, snippet) in rows {
                if let Some(mut hit) = self.hit_details(n, rowid)? {
                    hit.segments = segments(&snippet);
                    hits.push((hit, n, rowid));
                }
            }
        }
        // Across the three kinds: by interview date, newest first; then answers, quotes, notes.
        hits.sort_by(|a, b| {
            b.0.date
                .cmp(&a.0.date)
                .then(a.1.cmp(&b.1))
                .then(b.2.cmp(&a.2))
        });
        hits.truncate(MAX_HITS);
        results.hits = hits.into_iter().map(|(hit, _, _)| hit).collect();
        // Counting stops at COUNT_CAP per kind: enough to say "1,000 or more".
        let count_sql = SOURCES
            .iter()
            .map(|s| {
                format!(
                    "(SELECT count(*) FROM (SELECT 1 FROM {i} WHERE {i} MATCH ?1 LIMIT {c}))",
                    i = s.index,
                    c = COUNT_CAP + 1
                )
            })
            .collect::<Vec<_>>()
            .join(" + ");
        let counted: i64 = self
            .conn
            .prepare_cached(&format!("SELECT {count_sql}"))
            .and_then(|mut st| st.query_row([&fts], |r| r.get(0)))
            .map_err(&e)?;
        let counted = counted.unsigned_abs();
        results.capped = counted > COUNT_CAP;
        results.total = counted.min(COUNT_CAP);
        Ok(results)
    }

    /// Who and when for one indexed row; segments are filled in later.
    fn hit_details(&self, source: usize, rowid: i64) -> Result<Option<SearchHit>> {
        let Some(s) = SOURCES.get(source) else {
            return Ok(None);
        };
        let details = self
            .conn
            .prepare_cached(s.details)
            .and_then(|mut st| {
                st.query_row([rowid], |r| {
                    Ok((
                        uuid(r, 0)?,
                        uuid(r, 1)?,
                        uuid(r, 2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                })
                .optional()
            })
            .map_err(sql(&self.path))?;
        let Some((id, interview_id, stakeholder_id, name, date, question)) = details else {
            return Ok(None);
        };
        Ok(Some(SearchHit {
            kind: s.kind,
            id,
            interview_id,
            stakeholder_id,
            stakeholder_name: name,
            date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or_default(),
            question,
            segments: Vec::new(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stakeholders::tests::edit as person;
    use groundwork_core::stakeholders::interviews::{InterviewEdit, InterviewMode};

    /// A workbook with one interview: an answer, notes and a quote.
    fn workbook() -> Store {
        let mut store = Store::in_memory("Makers").unwrap();
        let s = store.save_stakeholder(None, &person("Inès Ruiz")).unwrap();
        let g = store.copy_starter_guide("support").unwrap();
        let i = store
            .save_interview(
                None,
                &InterviewEdit {
                    stakeholder_id: Some(s.id),
                    date: "2025-09-12".into(),
                    interviewer: String::new(),
                    mode: InterviewMode::Video,
                    guide_id: Some(g.id),
                },
            )
            .unwrap();
        store
            .save_answer(
                i.answers[0].id,
                "Password resets and onboarding questions, every single day. NEAR the café.",
            )
            .unwrap();
        store
            .save_interview_notes(i.id, "She wants a peer-to-peer help forum (soon).")
            .unwrap();
        store
            .save_quote(i.id, None, "Members answer faster than we do — \"always\".")
            .unwrap();
        store
    }

    fn matched(r: &SearchResults) -> Vec<String> {
        r.hits
            .iter()
            .flat_map(|h| h.segments.iter().filter(|s| s.matched))
            .map(|s| s.text.to_lowercase())
            .collect()
    }

    #[test]
    fn finds_answers_notes_and_quotes_with_highlighted_matches() {
        let store = workbook();
        let r = store.search("onboarding").unwrap();
        assert_eq!(r.total, 1);
        let hit = &r.hits[0];
        assert_eq!(hit.kind, SearchHitKind::Answer);
        assert_eq!(hit.stakeholder_name, "Inès Ruiz");
        assert!(hit.question.ends_with('?'));
        assert_eq!(matched(&r), ["onboarding"]);
        let whole: String = hit.segments.iter().map(|s| s.text.as_str()).collect();
        assert!(whole.contains("Password resets and onboarding"), "{whole}");

        assert_eq!(
            store.search("forum").unwrap().hits[0].kind,
            SearchHitKind::Notes
        );
        assert_eq!(
            store.search("faster").unwrap().hits[0].kind,
            SearchHitKind::Quote
        );
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_while_typing_and_accents_fold() {
        let store = workbook();
        assert_eq!(matched(&store.search("onboa").unwrap()), ["onboarding"]);
        assert_eq!(
            store.search("onboa ").unwrap().total,
            0,
            "a finished word is whole"
        );
        assert_eq!(
            store.search("cafe").unwrap().total,
            1,
            "café without the accent"
        );
        assert_eq!(
            store.search("password onboarding").unwrap().total,
            1,
            "all words"
        );
        assert_eq!(store.search("password forum").unwrap().total, 0);
    }

    #[test]
    fn hostile_queries_are_searched_as_plain_words_and_never_fail() {
        let store = workbook();
        let hostile = [
            "\"",
            "\"\"",
            "\"unbalanced",
            "(",
            "((peer",
            "peer)",
            ")",
            "*",
            "**",
            "-",
            "- -",
            "-peer",
            "peer -",
            "NOT",
            "AND",
            "OR",
            "peer OR",
            "AND peer",
            "NEAR(",
            "NEAR(peer forum)",
            "NEAR(peer forum, 2)",
            "answer:peer",
            "notes: forum",
            "{answer}: x",
            "^peer",
            "peer^",
            "+",
            "a:b:c",
            "'",
            "'; DROP TABLE answers; --",
            "\u{E000}",
            "\u{0}",
            "%",
            "_",
            "peer*",
            "*peer",
            "\\",
            "社区",
            "🙃",
            "forum\u{E001}",
        ];
        for q in hostile {
            let r = store.search(q);
            assert!(r.is_ok(), "{q:?} failed: {:?}", r.err());
        }
        // Operators and punctuation are ordinary text.
        assert_eq!(
            store.search("NEAR(peer forum)").unwrap().total,
            0,
            "needs the word near"
        );
        assert_eq!(
            store.search("NEAR the café").unwrap().total,
            1,
            "NEAR is a word here"
        );
        assert_eq!(store.search("peer-to-peer").unwrap().total, 1);
        assert_eq!(store.search("(soon)").unwrap().total, 1);
        assert_eq!(store.search("\"always\"").unwrap().total, 1);
        assert_eq!(
            store.search("notes: forum").unwrap().total,
            0,
            "no column filter"
        );
        let r = store.search("*** -- (").unwrap();
        assert!(r.hits.is_empty());
        assert!(
            r.message
                .as_deref()
                .unwrap_or_default()
                .contains("no letters or numbers"),
            "{r:?}"
        );
        assert_eq!(
            store.search("   ").unwrap().message,
            None,
            "blank is just empty"
        );
    }

    #[test]
    fn the_index_follows_edits_and_deletes() {
        let mut store = workbook();
        let hit = store.search("onboarding").unwrap().hits.remove(0);
        store
            .save_answer(hit.id, "Nothing about that any more")
            .unwrap();
        assert_eq!(store.search("onboarding").unwrap().total, 0);
        assert_eq!(store.search("nothing").unwrap().total, 1);
        store.delete_interview(hit.interview_id).unwrap();
        assert_eq!(store.search("nothing").unwrap().total, 0);
        assert_eq!(
            store.search("forum").unwrap().total,
            0,
            "notes go with the interview"
        );
        assert_eq!(store.search("faster").unwrap().total, 0, "quotes too");
    }

    #[test]
    fn query_building_quotes_every_word() {
        assert_eq!(
            fts_query("peer support").as_deref(),
            Some("\"peer\" \"support\"*")
        );
        assert_eq!(
            fts_query("say \"hi\" ").as_deref(),
            Some("\"say\" \"\"\"hi\"\"\"")
        );
        assert_eq!(
            fts_query("a").as_deref(),
            Some("\"a\""),
            "one letter is a whole word"
        );
        assert_eq!(fts_query("* - ()"), None);
        assert_eq!(fts_query(""), None);
    }

    #[test]
    fn unpaired_markers_never_lose_text() {
        let s = segments("a\u{E000}b\u{E001}c\u{E001}d");
        let all: String = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(all, "abcd");
        assert!(s.iter().any(|s| s.matched && s.text == "b"));
    }
}
