//! The memory of the app and its WebKit processes over a long session: at the home screen,
//! with the example workbook open, and after each of four rounds through every screen and
//! tab (the document preview among them). It must not keep growing: once two rounds have
//! filled WebKit's caches, the rounds after them may add at most 10% in all. Beside it, the same
//! figure for a bare Tauri window (`src-tauri/examples/bare_window.rs`, given by
//! GROUNDWORK_BARE_BINARY) as the baseline: with the example open the app may hold at most
//! 1.2× what it does. The figures are printed as the README's Measured table gives them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Stdio};
use std::time::Duration;

use groundwork_e2e::memory::pss_mib;
use groundwork_e2e::screens::{choose_tab, sections, tabs};
use groundwork_e2e::{app_binary, App};

/// GROUNDWORK_MEMORY_ROUNDS may ask for more rounds, to see where the figure settles.
fn round_count() -> usize {
    std::env::var("GROUNDWORK_MEMORY_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4)
        .max(2)
}
/// Long enough for WebKit's own start-up and a page's first collection to be over.
const QUIET: Duration = Duration::from_secs(4);

/// The bare window's memory once it has shown its page.
async fn bare_window() -> Option<f64> {
    let binary = std::env::var_os("GROUNDWORK_BARE_BINARY")?;
    let mut child = Command::new(binary)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the bare window starts");
    tokio::time::sleep(QUIET * 2).await;
    let figure = pss_mib(child.id());
    let _ = child.kill();
    let _ = child.wait();
    Some(figure)
}

/// Every section of the sidebar and every tab inside it, once.
async fn visit_every_screen(app: &App) {
    for (testid, _, _) in sections(app).await {
        app.click(&testid).await;
        app.settle().await;
        for tab in tabs(app).await {
            choose_tab(app, &tab).await;
            app.settle().await;
        }
    }
}

#[tokio::test]
async fn memory_stays_flat_over_a_long_session() {
    let Some(binary) = app_binary() else { return };
    let bare = bare_window().await;
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(&binary, data.path()).await;
    let pid = app
        .app_pid(&binary)
        .expect("the app's process is found below the driver");
    tokio::time::sleep(QUIET).await;
    let home = pss_mib(pid);

    app.click("open-example").await;
    app.wait_for_text("workbook-title", "Riders' Circle strategy")
        .await;
    app.click("tour-close").await;
    app.settle().await;
    tokio::time::sleep(QUIET).await;
    let open = pss_mib(pid);

    let mut rounds = Vec::new();
    let count = round_count();
    for _ in 0..count {
        visit_every_screen(&app).await;
        tokio::time::sleep(QUIET).await;
        rounds.push(pss_mib(pid));
    }
    app.quit().await;

    let ratio = |x: f64| {
        bare.map_or(String::new(), |b| {
            format!(" ({:.2}× the bare window)", x / b)
        })
    };
    eprintln!("| Point in the session | Memory |\n| --- | --- |");
    if let Some(b) = bare {
        eprintln!("| A bare Tauri window | {b:.0} MiB |");
    }
    eprintln!("| Home screen | {home:.0} MiB{} |", ratio(home));
    eprintln!("| Example open | {open:.0} MiB{} |", ratio(open));
    for (n, r) in rounds.iter().enumerate() {
        eprintln!(
            "| After round {} through every screen | {r:.0} MiB{} |",
            n + 1,
            ratio(*r)
        );
    }
    // The first two rounds fill WebKit's caches and compile the screens' code; the rounds after
    // them may add at most 10% in all (the collector's timing moves a round by a few percent; a
    // screen that kept its data would add far more).
    let (settled, last) = (rounds[1], rounds[count - 1]);
    assert!(
        last <= settled * 1.10,
        "memory keeps growing as screens are visited: {settled:.0} MiB after the second round, {last:.0} MiB after round {count}"
    );
    // With a workbook open the app holds little more than a bare window does (the page is
    // drawn in software; with WebKit's compositor it held about 1.5×).
    if let Some(b) = bare {
        assert!(
            open <= b * 1.2,
            "with the example open the app holds {open:.0} MiB, more than 1.2× a bare window's {b:.0} MiB"
        );
    }
}
