//! A real full disk: the workbook folder is a small tmpfs that is then filled to the last
//! page. An edit that no longer fits is refused with a sentence beside the field, which keeps
//! what was typed; a PDF export is refused and leaves no file behind; and the workbook file,
//! read back after the disk has room again, passes SQLite's integrity check and holds every
//! edit saved before the disk filled.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use groundwork_e2e::{app_binary, App};
use serde_json::json;

const BEFORE: &str = "Written before the disk filled: members help members.";

/// A tmpfs mounted for the test, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    /// `None` when mounting is not allowed here (not root).
    fn mount(at: &Path, size: &str) -> Option<SmallDisk> {
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        mounted.then(|| SmallDisk(at.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Writes `path` until the disk refuses another byte.
fn fill(path: &Path) {
    let mut file = std::fs::File::create(path).unwrap();
    for chunk in [256 * 1024, 4096, 512, 1] {
        let block = vec![0u8; chunk];
        while file
            .write_all(&block)
            .and_then(|()| file.sync_all())
            .is_ok()
        {}
    }
}

#[tokio::test]
async fn a_full_disk_refuses_the_write_and_keeps_the_file_whole() {
    let Some(binary) = app_binary() else { return };
    let root = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(root.path(), "16m") else {
        assert!(
            std::env::var("GROUNDWORK_E2E").as_deref() != Ok("required"),
            "a tmpfs could not be mounted (mounting needs root)"
        );
        eprintln!("skipped: a tmpfs cannot be mounted here");
        return;
    };
    let data = disk.0.join("workbooks");
    std::fs::create_dir(&data).unwrap();

    let app = App::launch(&binary, &data).await;
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Full disk").await;
    app.click("create-workbook").await;
    app.click("nav-overview").await;
    app.type_into("profile-purpose", BEFORE).await;
    app.wait_for_text("save-status", "Saved").await;

    fill(&disk.0.join("filler"));
    // More than the disk's last free page: a long paste.
    let too_much = format!(
        "{BEFORE} {}",
        "A paragraph that will not fit. ".repeat(20_000)
    );
    app.client
        .execute(
            "const el = document.querySelector('[data-testid=profile-purpose]');
             el.focus(); el.value = arguments[0];
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(too_much)],
        )
        .await
        .unwrap();
    app.wait_for_text("save-status", "the disk is full").await;
    app.screenshot("full-disk-refused").await;
    assert_eq!(
        app.value("profile-purpose").await,
        too_much,
        "what was typed stays in the field"
    );

    let pdf = data.join("plan.pdf");
    let answer = app.export_full(&pdf, false).await;
    let message = answer["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("the disk is full"), "{answer}");
    let left: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".pdf"))
        .collect();
    assert!(left.is_empty(), "no PDF or partial file is left: {left:?}");
    app.quit().await;

    // Room again: the file is whole and holds the edit saved before the disk filled.
    std::fs::remove_file(disk.0.join("filler")).unwrap();
    let file = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "groundwork"))
        .unwrap();
    let conn = rusqlite::Connection::open(&file).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    drop(conn);
    let store = groundwork_store::Store::open(&file).unwrap();
    assert_eq!(store.profile().unwrap().purpose, BEFORE);
    store.close().unwrap();
}
