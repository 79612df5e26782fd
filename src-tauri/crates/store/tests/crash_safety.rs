//! Crash safety: a child process makes a stream of edits through the store and prints each
//! one once its transaction has committed; the test kills it with SIGKILL at random moments,
//! many times over, then checks the file is intact and holds every acknowledged edit.
//!
//! The store runs SQLite in write-ahead-log mode with `synchronous = NORMAL`. A commit is in
//! the log (in the operating system's hands) before the call returns, so a killed or crashed
//! process loses nothing it was told was saved. What NORMAL gives up is durability against
//! power loss or an operating-system crash: the last commits before such an event may be
//! rolled back (the file stays consistent).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use groundwork_core::audit::channels::{ChannelEdit, ChannelKind, Ownership};
use groundwork_core::profile::ProfileEdit;
use groundwork_store::Store;

const TRIALS: u64 = 120;
const CHILD_FILE: &str = "GROUNDWORK_CRASH_CHILD_FILE";
const CHILD_TRIAL: &str = "GROUNDWORK_CRASH_CHILD_TRIAL";

fn channel(name: &str) -> ChannelEdit {
    ChannelEdit {
        kind: ChannelKind::Forum,
        name: name.into(),
        link: String::new(),
        ownership: Ownership::Owned,
        audience: "Makers".into(),
        run_by: String::new(),
        notes: "x".repeat(500),
    }
}

/// A small seeded generator, so a failing run can be repeated.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The child: edits until killed. Each line is printed only after the store returned, that is
/// after the commit: `add NAME`, `del NAME` (moved to the Trash) or `purpose TEXT`.
#[test]
#[ignore = "the child process of killed_at_random_moments_the_workbook_keeps_every_acknowledged_edit"]
fn crash_child() {
    let path = std::env::var(CHILD_FILE).expect("run by the crash test");
    let trial = std::env::var(CHILD_TRIAL).unwrap();
    let mut store = Store::open(Path::new(&path)).unwrap();
    let out = std::io::stdout();
    let mut added = Vec::new();
    for i in 0.. {
        let line = match i % 4 {
            0 | 1 => {
                let name = format!("t{trial}-{i}");
                let saved = store.save_channel(None, &channel(&name)).unwrap();
                added.push((saved.id, name.clone()));
                format!("add {name}")
            }
            2 => {
                let (id, name) = added.remove(0);
                store.delete_channel(id, false).unwrap();
                format!("del {name}")
            }
            _ => {
                let purpose = format!("purpose t{trial}-{i}");
                let edit = ProfileEdit {
                    purpose: purpose.clone(),
                    ..ProfileEdit::from(&store.profile().unwrap())
                };
                store.update_profile(&edit).unwrap();
                format!("purpose {purpose}")
            }
        };
        let mut lock = out.lock();
        writeln!(lock, "ack:{line}").unwrap();
        lock.flush().unwrap();
    }
}

#[test]
fn killed_at_random_moments_the_workbook_keeps_every_acknowledged_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.groundwork");
    Store::create(&path, "Crash", "").unwrap().close().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);

    let mut present = BTreeSet::new();
    let mut deleted = BTreeSet::new();
    let mut acknowledged = 0_usize;
    for trial in 0..TRIALS {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "crash_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_FILE, &path)
            .env(CHILD_TRIAL, trial.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, received) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            // libtest's own output ("running 1 test", and "test crash_child ... " on the
            // line the first edit continues) is not an edit.
            let edits = BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.find("ack:").map(|at| l[at + 4..].to_owned()));
            for line in edits {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        // Once the first edit is acknowledged, let it run a random while, then kill it.
        let first = received
            .recv_timeout(Duration::from_secs(60))
            .expect("the child acknowledges its first edit");
        std::thread::sleep(Duration::from_millis(rng.next() % 150));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        let lines: Vec<String> = std::iter::once(first).chain(received.try_iter()).collect();

        let mut last_purpose = None;
        for line in &lines {
            if let Some(name) = line.strip_prefix("add ") {
                present.insert(name.to_owned());
            } else if let Some(name) = line.strip_prefix("del ") {
                assert!(present.remove(name));
                deleted.insert(name.to_owned());
            } else if let Some(purpose) = line.strip_prefix("purpose ") {
                last_purpose = Some(purpose.to_owned());
            }
        }
        acknowledged += lines.len();

        let conn = rusqlite::Connection::open(&path).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "trial {trial}");
        drop(conn);

        let store = Store::open(&path).unwrap();
        let names: BTreeSet<String> = store
            .channels()
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        let trash: BTreeSet<String> = store
            .trash()
            .unwrap()
            .into_iter()
            .map(|e| e.label)
            .collect();
        // A delete may commit just before the kill, unacknowledged: the channel is then in the
        // Trash, never simply gone. Adopt such deletes so the next trial's checks are exact.
        let deleted_unacknowledged: Vec<String> = present
            .iter()
            .filter(|name| !names.contains(*name))
            .cloned()
            .collect();
        for name in deleted_unacknowledged {
            assert!(
                trash.contains(&format!("Channel “{name}”")),
                "trial {trial}: acknowledged channel {name} is missing and not in the Trash"
            );
            present.remove(&name);
            deleted.insert(name);
        }
        for name in &deleted {
            assert!(
                !names.contains(name),
                "trial {trial}: deleted channel {name} came back"
            );
        }
        for name in &deleted {
            assert!(
                trash.contains(&format!("Channel “{name}”")),
                "trial {trial}: {name} is not in the Trash"
            );
        }
        if let Some(purpose) = last_purpose {
            // The edit after the last acknowledged one may have committed just before the kill.
            let stored = store.profile().unwrap().purpose;
            assert!(
                stored == purpose || stored.starts_with(&format!("purpose t{trial}-")),
                "trial {trial}: purpose {stored:?} is older than the acknowledged {purpose:?}"
            );
        }
        // Channels that went in unacknowledged are fine; adopt them so the next trial's
        // checks are exact.
        present.extend(names.into_iter().filter(|n| !deleted.contains(n)));
        store.close().unwrap();
    }
    println!(
        "{TRIALS} SIGKILL trials, each mid-stream; {acknowledged} acknowledged edits, all present; integrity ok every time"
    );
    assert!(
        acknowledged as u64 >= TRIALS,
        "every trial acknowledged edits"
    );
}
