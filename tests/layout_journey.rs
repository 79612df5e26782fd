//! Every screen of the example workbook at three window sizes (a 1024×640 laptop, a 1280×800
//! laptop, a 1920×1080 monitor): every section of the sidebar and every tab inside it, each
//! checked for text cut off, words broken mid-word, the page itself scrolling and controls out
//! of reach (`support/layout_check.js`), and for WCAG 2.2 AA violations by axe-core, with a
//! screenshot of each stop. The test fails listing every problem, grouped and counted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use groundwork_e2e::layout::{axe_source, report, screenshot_dir, Finding};
use groundwork_e2e::screens::{choose_tab, sections, tabs, Tab};
use groundwork_e2e::{app_binary, App};

const SIZES: [(u32, u32); 3] = [(1024, 640), (1280, 800), (1920, 1080)];

/// Sets the window to `width`×`height` and returns the viewport it gives, once the page has
/// followed.
async fn resize(app: &App, width: u32, height: u32) -> (u64, u64) {
    app.client.set_window_size(width, height).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = (0, 0);
    loop {
        let inner = app
            .client
            .execute("return [window.innerWidth, window.innerHeight];", vec![])
            .await
            .unwrap();
        let now = (inner[0].as_u64().unwrap(), inner[1].as_u64().unwrap());
        // Decorations may take some of the window: the viewport is at most the window, and
        // not much smaller.
        let follows = now.0 <= u64::from(width)
            && now.1 <= u64::from(height)
            && now.0 + 80 >= u64::from(width)
            && now.1 + 120 >= u64::from(height);
        if follows && now == last {
            return now;
        }
        assert!(
            Instant::now() < deadline,
            "the viewport did not follow the window set to {width}×{height}: it is {}×{}",
            now.0,
            now.1
        );
        last = now;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Checks the screen on show and saves its screenshot.
async fn stop(
    app: &App,
    axe: &str,
    screen: &str,
    size: &str,
    file: &str,
    findings: &mut Vec<Finding>,
) {
    app.settle().await;
    let layout = app.layout_problems(screen, size).await;
    let violations = app.axe_violations(axe, screen, size).await;
    eprintln!(
        "  {screen}: {} layout problem(s), {} axe violation(s)",
        layout.len(),
        violations.len()
    );
    findings.extend(layout);
    findings.extend(violations);
    app.screenshot_to(&screenshot_dir().join(format!("{file}.png")))
        .await;
}

#[tokio::test]
async fn every_screen_fits_and_reads_at_three_window_sizes() {
    let Some(binary) = app_binary() else { return };
    let axe = axe_source();
    let shots = screenshot_dir();
    eprintln!("screenshots: {}", shots.display());
    let started = Instant::now();
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(&binary, data.path()).await;
    app.allow_slow_scripts().await;
    app.click("open-example").await;
    app.wait_for_text("workbook-title", "Riders' Circle strategy")
        .await;
    let close = app.testid("tour-close").await;
    assert_eq!(close.text().await.unwrap().trim(), "Close the tour");
    close.click().await.unwrap();
    let sections = sections(&app).await;
    assert!(
        sections.len() >= 9,
        "the sidebar lists every section: {sections:?}"
    );

    let mut findings = Vec::new();
    let mut screens = BTreeSet::new();
    let mut stops = 0;
    for (width, height) in SIZES {
        let size_started = Instant::now();
        let inner = resize(&app, width, height).await;
        let size = format!("{width}x{height}");
        eprintln!(
            "{size}: the viewport is {}×{} (window {width}×{height})",
            inner.0, inner.1
        );
        for (testid, section, label) in &sections {
            app.click(testid).await;
            app.settle().await;
            let top = tabs(&app).await;
            if top.is_empty() {
                screens.insert(label.clone());
                stop(
                    &app,
                    &axe,
                    label,
                    &size,
                    &format!("{size}-{section}-main"),
                    &mut findings,
                )
                .await;
                stops += 1;
                continue;
            }
            for tab in &top {
                choose_tab(&app, tab).await;
                let screen = format!("{label} / {}", tab.label);
                screens.insert(screen.clone());
                stop(
                    &app,
                    &axe,
                    &screen,
                    &size,
                    &format!("{size}-{section}-{}", tab.slug),
                    &mut findings,
                )
                .await;
                stops += 1;
                // Tabs inside the tab: visit them too.
                app.settle().await;
                let inner_tabs: Vec<Tab> = tabs(&app)
                    .await
                    .into_iter()
                    .filter(|t| !top.contains(t))
                    .collect();
                for inner_tab in &inner_tabs {
                    choose_tab(&app, inner_tab).await;
                    let screen = format!("{screen} / {}", inner_tab.label);
                    screens.insert(screen.clone());
                    stop(
                        &app,
                        &axe,
                        &screen,
                        &size,
                        &format!("{size}-{section}-{}-{}", tab.slug, inner_tab.slug),
                        &mut findings,
                    )
                    .await;
                    stops += 1;
                }
            }
        }
        eprintln!(
            "{size}: checked in {:.1} s",
            size_started.elapsed().as_secs_f64()
        );
    }
    app.quit().await;
    eprintln!(
        "{stops} stops ({} screens × {} sizes) in {:.1} s",
        screens.len(),
        SIZES.len(),
        started.elapsed().as_secs_f64()
    );

    let (axe_found, layout_found): (Vec<Finding>, Vec<Finding>) = findings
        .into_iter()
        .partition(|f| f.kind.starts_with("axe "));
    let mut text = String::new();
    if !layout_found.is_empty() {
        text.push_str(&format!(
            "\n######## Layout: {} problem sighting(s)\n",
            layout_found.len()
        ));
        text.push_str(&report(&layout_found, &screens));
    }
    if !axe_found.is_empty() {
        text.push_str(&format!(
            "\n######## Accessibility (axe-core, WCAG 2.2 AA, serious and critical): {} \
             violation sighting(s)\n",
            axe_found.len()
        ));
        text.push_str(&report(&axe_found, &screens));
    }
    std::fs::write(shots.join("report.txt"), &text).unwrap();
    assert!(
        text.is_empty(),
        "the screens have layout or accessibility problems (also in {}):\n{text}",
        shots.join("report.txt").display()
    );
}
