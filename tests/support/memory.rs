//! The memory a process and everything it started hold, as the kernel accounts it: the
//! proportional set size (shared pages split between the processes that map them), summed
//! over the process and its descendants (for the app: its WebKit web and network processes).

use std::path::Path;

/// The parent of `pid`, from `/proc/<pid>/stat` (the name before it may hold spaces).
fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    after_name.split_whitespace().nth(1)?.parse().ok()
}

fn all_pids() -> Vec<u32> {
    std::fs::read_dir("/proc")
        .map(|dir| {
            dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// `root` and every process below it.
pub fn tree(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, Option<u32>)> =
        all_pids().into_iter().map(|p| (p, parent_of(p))).collect();
    let mut found = vec![root];
    let mut n = 0;
    while n < found.len() {
        let here = found[n];
        found.extend(
            parents
                .iter()
                .filter(|(_, parent)| *parent == Some(here))
                .map(|(p, _)| *p),
        );
        n += 1;
    }
    found
}

/// The process below `ancestor` running `binary`.
pub fn find_below(ancestor: u32, binary: &Path) -> Option<u32> {
    let binary = binary.canonicalize().ok()?;
    tree(ancestor)
        .into_iter()
        .find(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == binary))
}

/// The proportional set size of `root` and its descendants, in MiB.
pub fn pss_mib(root: u32) -> f64 {
    let kib: u64 = tree(root)
        .iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
        .filter_map(|rollup| {
            rollup
                .lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .sum();
    kib as f64 / 1024.0
}
