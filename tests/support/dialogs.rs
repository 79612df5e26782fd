//! The native Open and Save dialogs, answered the way a person does (`xdotool`: WebDriver
//! cannot reach them).

use std::process::Command;
use std::time::{Duration, Instant};

/// Whether `xdotool` is installed; a run that requires the end-to-end tests fails without it.
pub fn xdotool_present() -> bool {
    let installed = Command::new("xdotool").arg("version").output().is_ok();
    if !installed {
        assert!(
            std::env::var("GROUNDWORK_E2E").as_deref() != Ok("required"),
            "xdotool is missing (.ci/setup installs it)"
        );
        eprintln!("skipped: xdotool is missing");
    }
    installed
}

/// The X windows on screen: the app's, and a dialog's while one is open.
fn visible_windows() -> usize {
    Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "."])
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).lines().count())
        .unwrap_or(0)
}

fn keys(args: &[&str]) {
    let pressed = Command::new("xdotool")
        .args(args)
        .status()
        .unwrap_or_else(|e| panic!("xdotool {args:?}: {e}"));
    assert!(pressed.success(), "xdotool {args:?} failed");
}

async fn wait_for_dialog(deadline: Instant) {
    while visible_windows() < 2 {
        assert!(Instant::now() < deadline, "no dialog appeared");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Let the dialog take the keyboard before the first key press.
    tokio::time::sleep(Duration::from_millis(500)).await;
}

async fn wait_for_close(deadline: Instant) {
    while visible_windows() > 1 {
        assert!(Instant::now() < deadline, "the dialog did not close");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for the Save dialog and accepts the name it suggests, as Enter does.
pub async fn accept_save_dialog() {
    let deadline = Instant::now() + Duration::from_secs(15);
    wait_for_dialog(deadline).await;
    keys(&["key", "Return"]);
    wait_for_close(deadline).await;
}

/// Waits for the Open dialog, which opens in the folder the app was started in, and opens
/// the file `name` there: its name typed in the location bar (Ctrl+L), then Enter. Only a
/// name is typed: the bar completes folder names as a path is typed, and a completion that
/// lands between two key presses would change the path.
pub async fn open_in_dialog(name: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    wait_for_dialog(deadline).await;
    keys(&["key", "ctrl+l"]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    keys(&["type", "--delay", "40", name]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    keys(&["key", "Return"]);
    wait_for_close(deadline).await;
}
