//! How long a search takes on a large workbook: 100,000 interview texts (answers, notes and
//! quotes) generated from a fixed seed, then each query run many times; prints the medians.
//!
//! Run: `cargo bench -p groundwork-store --bench search`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use groundwork_core::stakeholders::interviews::{InterviewEdit, InterviewMode, QuestionEdit};
use groundwork_core::stakeholders::{Attitude, Department, InterviewStatus, StakeholderEdit};
use groundwork_store::Store;

const TEXTS: usize = 100_000;
const ANSWERS_PER_INTERVIEW: usize = 40;
const QUOTES_PER_INTERVIEW: usize = 9;
const RUNS: usize = 31;

/// SplitMix64: small, fast and the same on every machine.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const DOMAIN: [&str; 24] = [
    "community",
    "members",
    "onboarding",
    "support",
    "forum",
    "peer",
    "events",
    "product",
    "feedback",
    "launch",
    "tickets",
    "advocates",
    "moderation",
    "content",
    "budget",
    "growth",
    "retention",
    "engagement",
    "trust",
    "newsletter",
    "meetup",
    "champions",
    "roadmap",
    "café",
];
const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ren", "to", "vas", "qui", "del", "bor", "sa", "ne", "fu", "rit", "ol", "pe",
    "zan",
];

fn vocabulary(rng: &mut Rng) -> Vec<String> {
    let mut words: Vec<String> = (0..4_000)
        .map(|_| {
            let n = 2 + rng.below(3);
            (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        })
        .collect();
    words.extend(DOMAIN.iter().map(|w| (*w).to_owned()));
    words
}

/// 15 to 60 words, skewed towards the start of the vocabulary (a few words are very common).
fn text(rng: &mut Rng, vocab: &[String]) -> String {
    let n = 15 + rng.below(46);
    let mut out = String::new();
    for i in 0..n {
        let r = rng.below(vocab.len());
        let w = if rng.below(10) == 0 {
            &vocab[vocab.len() - 1 - rng.below(DOMAIN.len())]
        } else {
            &vocab[r * r / vocab.len()]
        };
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('.');
    out
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.groundwork");
    let mut store = Store::create(&path, "Search benchmark", "").unwrap();
    let mut rng = Rng(0x5EED_2026);
    let vocab = vocabulary(&mut rng);

    let started = Instant::now();
    let people: Vec<uuid::Uuid> = (0..60)
        .map(|i| {
            store
                .save_stakeholder(
                    None,
                    &StakeholderEdit {
                        name: format!("Stakeholder {i}"),
                        role: String::new(),
                        department: Department::ALL[i % Department::ALL.len()],
                        influence: 1 + (i % 5) as i32,
                        interest: 1 + ((i / 5) % 5) as i32,
                        attitude: Attitude::Neutral,
                        wants: String::new(),
                        contact: String::new(),
                        interview_status: InterviewStatus::ToInvite,
                    },
                )
                .unwrap()
                .id
        })
        .collect();
    let guide = store
        .save_guide(
            None,
            &groundwork_core::stakeholders::interviews::GuideEdit {
                name: "Benchmark".into(),
                description: String::new(),
            },
        )
        .unwrap();
    for q in 0..ANSWERS_PER_INTERVIEW {
        store
            .save_guide_question(
                guide.id,
                None,
                &QuestionEdit {
                    topic: "Audience".into(),
                    text: format!("Question {q}?"),
                },
            )
            .unwrap();
    }
    let per_interview = ANSWERS_PER_INTERVIEW + QUOTES_PER_INTERVIEW + 1;
    let interviews = TEXTS / per_interview;
    let mut written = 0;
    for n in 0..interviews {
        let i = store
            .save_interview(
                None,
                &InterviewEdit {
                    stakeholder_id: Some(people[n % people.len()]),
                    date: format!("2025-{:02}-{:02}", 1 + n % 12, 1 + n % 28),
                    interviewer: "Bench".into(),
                    mode: InterviewMode::Video,
                    guide_id: Some(guide.id),
                },
            )
            .unwrap();
        for a in &i.answers {
            store.save_answer(a.id, &text(&mut rng, &vocab)).unwrap();
        }
        store
            .save_interview_notes(i.id, &text(&mut rng, &vocab))
            .unwrap();
        for _ in 0..QUOTES_PER_INTERVIEW {
            store
                .save_quote(i.id, None, &text(&mut rng, &vocab))
                .unwrap();
        }
        written += per_interview;
    }
    println!(
        "workbook: {written} texts ({interviews} interviews × {ANSWERS_PER_INTERVIEW} answers, {QUOTES_PER_INTERVIEW} quotes and notes) written in {:.1} s, file {:.1} MB",
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
            + std::fs::metadata(path.with_extension("groundwork-wal"))
                .map(|m| m.len())
                .unwrap_or(0) as f64
                / 1e6
    );
    store.close().unwrap();
    let store = Store::open(&path).unwrap();

    let common = vocab[1].clone();
    let rare = vocab[3_999].clone();
    let queries: Vec<String> = vec![
        "onboarding".into(),
        "peer support".into(),
        "co".into(),
        "commun".into(),
        common.clone(),
        format!("{common} {}", vocab[2]),
        rare,
        "café".into(),
        "nothingmatcheshere".into(),
        "NEAR(peer forum)".into(),
        "\"unbalanced (".into(),
        "-members *".into(),
    ];
    let mut all = Vec::new();
    println!("{:<28} {:>9} {:>12}", "query", "matches", "median ms");
    for q in &queries {
        let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
        let mut total = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            let r = store.search(q).unwrap();
            times.push(t.elapsed());
            total = r.total;
        }
        times.sort();
        let median = times[RUNS / 2];
        all.extend(times);
        println!(
            "{:<28} {:>9} {:>12.2}",
            format!("{q:?}"),
            total,
            median.as_secs_f64() * 1e3
        );
    }
    all.sort();
    println!(
        "median over all {} searches: {:.2} ms (slowest {:.2} ms)",
        all.len(),
        all[all.len() / 2].as_secs_f64() * 1e3,
        all[all.len() - 1].as_secs_f64() * 1e3
    );
}
