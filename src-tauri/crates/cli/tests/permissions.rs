//! Read-only, damaged and busy workbooks as a normal user meets them. Root ignores file
//! modes, so when these tests run as root (as CI does) they run the `groundwork` command as
//! `nobody`, from a copy in a folder `nobody` can read; as anyone else they run it directly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use groundwork_core::profile::ProfileEdit;
use groundwork_store::Store;

/// Set, to a workbook's path, in the copy of this test binary run as the normal user by
/// [`an_edit_after_chmod_644_is_saved`]; its child half then edits that workbook.
const CHILD_EDIT: &str = "GROUNDWORK_TEST_CHILD_EDIT";

/// Held while a program is copied and while a child is started. A child forked while another
/// test still has its copy open for writing holds that file open until it execs, and running
/// the copy then fails with "Text file busy"; `spawn` returns only once its child has exec'd.
static SPAWNING: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn spawning() -> std::sync::MutexGuard<'static, ()> {
    SPAWNING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A folder of the normal user's, with the programs it runs.
struct AsUser {
    dir: tempfile::TempDir,
    /// Run through `runuser -u nobody` (we are root).
    as_nobody: bool,
}

impl AsUser {
    /// `None`, after saying why, when we are root and cannot become `nobody`.
    fn new() -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let as_nobody = fs::metadata("/proc/self").unwrap().uid() == 0;
        let user = Self { dir, as_nobody };
        fs::create_dir(user.dir.path().join("bin")).unwrap();
        fs::create_dir(user.dir.path().join("work")).unwrap();
        {
            let _copying = spawning();
            fs::copy(env!("CARGO_BIN_EXE_groundwork"), user.program("groundwork")).unwrap();
            fs::copy(std::env::current_exe().unwrap(), user.program("tests")).unwrap();
        }
        if as_nobody {
            fs::set_permissions(user.dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
            let starting = spawning();
            let chown = Command::new("chown")
                .args(["-R", "nobody"])
                .arg(user.dir.path())
                .status();
            let runuser = Command::new("runuser")
                .args(["-u", "nobody", "--", "true"])
                .status();
            drop(starting);
            if !matches!(chown, Ok(s) if s.success()) || !matches!(runuser, Ok(s) if s.success()) {
                eprintln!(
                    "skipped: running as root, and `runuser -u nobody` (util-linux) is not \
                     available to run as a normal user, for whom file modes count"
                );
                return None;
            }
        }
        Some(user)
    }

    fn program(&self, name: &str) -> PathBuf {
        self.dir.path().join("bin").join(name)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join("work").join(name)
    }

    /// Runs one of the programs as the normal user, with `env` set.
    fn run(&self, program: &str, args: &[&OsStr], env: &[(&str, &OsStr)]) -> Output {
        let mut command = if self.as_nobody {
            let mut c = Command::new("runuser");
            c.args(["-u", "nobody", "--", "env"]);
            c
        } else {
            Command::new("env")
        };
        for (key, value) in env {
            let mut pair = OsStr::new(key).to_owned();
            pair.push("=");
            pair.push(value);
            command.arg(pair);
        }
        command.arg(self.program(program)).args(args);
        let child = {
            let _starting = spawning();
            command
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        child.wait_with_output().unwrap()
    }

    fn groundwork(&self, args: &[&OsStr]) -> Output {
        self.run("groundwork", args, &[])
    }

    fn ok(&self, args: &[&OsStr]) -> String {
        let out = self.groundwork(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn new_workbook(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        self.ok(&[
            "new".as_ref(),
            path.as_os_str(),
            "--name".as_ref(),
            "Plan".as_ref(),
        ]);
        path
    }

    /// The files in the work folder whose names start with `prefix`, sorted.
    fn files(&self, prefix: &str) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(self.path(""))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(prefix))
            .collect();
        names.sort();
        names
    }

    /// A file written by the test, given to the normal user.
    fn give(&self, path: &Path) {
        if self.as_nobody {
            let status = {
                let _starting = spawning();
                Command::new("chown").arg("nobody").arg(path).status()
            };
            assert!(status.unwrap().success());
        }
    }
}

fn chmod(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_read_only_workbook_is_read_without_side_files_and_is_writable_again_after_chmod_644() {
    let Some(user) = AsUser::new() else { return };
    let path = user.new_workbook("plan.groundwork");
    chmod(&path, 0o444);

    let info = user.ok(&["info".as_ref(), path.as_os_str()]);
    assert!(info.contains("This file is read-only."), "{info}");
    assert_eq!(
        user.files("plan.groundwork-"),
        ["plan.groundwork-lock"],
        "reading a read-only workbook leaves no log or shared-memory file beside it \
         (the lock is from `new`)"
    );

    chmod(&path, 0o644);
    let info = user.ok(&["info".as_ref(), path.as_os_str()]);
    assert!(!info.contains("read-only"), "writable again: {info}");
    user.run_edit(&path);
    let info = user.ok(&["info".as_ref(), path.as_os_str()]);
    assert!(info.contains("Workbook:     Edited as a user"), "{info}");
}

#[test]
fn side_files_an_older_version_left_read_only_are_repaired_after_chmod_644() {
    let Some(user) = AsUser::new() else { return };
    let path = user.new_workbook("old.groundwork");
    // What an older Groundwork left beside a read-only workbook it listed: an empty log and a
    // shared-memory file, both with the workbook's read-only mode.
    let wal = user.path("old.groundwork-wal");
    let shm = user.path("old.groundwork-shm");
    fs::write(&wal, b"").unwrap();
    fs::write(&shm, vec![0_u8; 32_768]).unwrap();
    for side in [&wal, &shm] {
        user.give(side);
        chmod(side, 0o444);
    }

    let info = user.ok(&["info".as_ref(), path.as_os_str()]);
    assert!(
        !info.contains("read-only"),
        "the workbook opens writable: {info}"
    );
    user.run_edit(&path);
}

#[test]
fn a_damaged_workbook_is_refused_and_nothing_is_left_beside_it() {
    let Some(user) = AsUser::new() else { return };
    let whole = user.new_workbook("whole.groundwork");
    let bytes = fs::read(&whole).unwrap();
    for (name, mode) in [
        ("cut.groundwork", 0o644),
        ("cut-read-only.groundwork", 0o444),
    ] {
        let cut = user.path(name);
        fs::write(&cut, &bytes[..5000]).unwrap();
        user.give(&cut);
        chmod(&cut, mode);
        let out = user.groundwork(&["info".as_ref(), cut.as_os_str()]);
        assert!(!out.status.success(), "a truncated workbook is refused");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("damaged"), "{stderr}");
        assert_eq!(fs::read(&cut).unwrap(), &bytes[..5000], "and not changed");
        assert_eq!(user.files(name), [name], "no side file left beside {name}");
    }
}

#[test]
fn import_force_onto_a_workbook_open_for_editing_is_refused() {
    let Some(user) = AsUser::new() else { return };
    let path = user.new_workbook("plan.groundwork");
    let source = user.new_workbook("source.groundwork");
    let json = user.path("source.json");
    user.ok(&[
        "export-json".as_ref(),
        source.as_os_str(),
        "-o".as_ref(),
        json.as_os_str(),
    ]);

    // This test process holds it, as a window would.
    let window = Store::open(&path).unwrap();
    assert!(!window.is_read_only());
    let before = fs::read(&path).unwrap();
    let import = [
        "import".as_ref(),
        json.as_os_str(),
        path.as_os_str(),
        "--force".as_ref(),
    ];
    let out = user.groundwork(&import);
    assert!(!out.status.success(), "refused with a non-zero exit");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!(
            "groundwork: “plan.groundwork” is open for editing in another Groundwork window \
             (process {}); close it there first.",
            std::process::id()
        )
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the workbook was not changed"
    );
    assert_eq!(window.profile().unwrap().name, "Plan");

    // Writing a document over it is refused the same way.
    let out = user.groundwork(&[
        "export-json".as_ref(),
        source.as_os_str(),
        "-o".as_ref(),
        path.as_os_str(),
    ]);
    assert!(!out.status.success());
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the workbook was not changed"
    );

    window.close().unwrap();
    user.ok(&import);
    let info = user.ok(&["info".as_ref(), path.as_os_str()]);
    assert!(info.contains("Workbook:     Plan"), "{info}");
}

impl AsUser {
    /// Edits the workbook through the store, as the normal user (the child half of
    /// [`an_edit_after_chmod_644_is_saved`]); returns what it printed.
    fn run_edit(&self, path: &Path) -> String {
        let out = self.run(
            "tests",
            &[
                "an_edit_after_chmod_644_is_saved".as_ref(),
                "--exact".as_ref(),
                "--nocapture".as_ref(),
            ],
            &[(CHILD_EDIT, path.as_os_str())],
        );
        let printed = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "the edit failed: {printed}");
        assert!(printed.contains("1 passed"), "the edit ran: {printed}");
        printed
    }
}

/// Does nothing in a normal run; run by [`AsUser::run_edit`] as the normal user, it opens the
/// workbook for writing and saves an edit.
#[test]
fn an_edit_after_chmod_644_is_saved() {
    let Some(path) = std::env::var_os(CHILD_EDIT) else {
        return;
    };
    let mut store = Store::open(Path::new(&path)).unwrap();
    assert!(
        !store.is_read_only(),
        "opens writable: {:?}",
        store.read_only_reason()
    );
    let edit = ProfileEdit {
        name: "Edited as a user".into(),
        ..ProfileEdit::from(&store.profile().unwrap())
    };
    store.update_profile(&edit).unwrap();
    store.close().unwrap();
}
