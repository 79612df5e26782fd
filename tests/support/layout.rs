//! Layout and accessibility checks of the screen on show: the in-page layout check
//! (`layout_check.js`), axe-core's WCAG 2.2 AA rules, and a report that groups what both find.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;

use crate::App;

/// The check run in the page: one file, so it reads and changes in one place.
const LAYOUT_CHECK: &str = include_str!("layout_check.js");

/// The WCAG 2.2 AA rule sets of axe-core.
const AXE_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// One thing found at one stop: a layout problem or an axe violation on one element.
#[derive(Debug, Clone)]
pub struct Finding {
    pub screen: String,
    pub size: String,
    /// The kind of layout problem, or `axe <rule id> (<impact>)`.
    pub kind: String,
    pub element: String,
    pub detail: String,
}

/// axe-core's minified script from `ui/node_modules`.
pub fn axe_source() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}): run `npm ci` in ui to install axe-core",
            path.display()
        )
    })
}

/// Where screenshots go: `$GROUNDWORK_SCREENSHOTS`, or `screenshots` in the target folder.
pub fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("GROUNDWORK_SCREENSHOTS").map_or_else(
        || {
            std::env::var_os("CARGO_TARGET_DIR")
                .map_or_else(
                    || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"),
                    PathBuf::from,
                )
                .join("screenshots")
        },
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl App {
    /// Gives scripts time: axe-core's contrast rules take seconds on a full screen.
    pub async fn allow_slow_scripts(&self) {
        self.client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(120)),
                None,
                None,
            ))
            .await
            .unwrap();
    }

    /// Waits until the page has stopped changing: fonts loaded, no DOM change for 300 ms
    /// (at most 5 s), and two animation frames painted.
    pub async fn settle(&self) {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 document.fonts.ready.then(() => {
                   let timer;
                   const start = Date.now();
                   const finish = () => { observer.disconnect();
                     requestAnimationFrame(() => requestAnimationFrame(() => done(null))); };
                   const observer = new MutationObserver(() => {
                     clearTimeout(timer);
                     if (Date.now() - start > 5000) finish(); else timer = setTimeout(finish, 300);
                   });
                   observer.observe(document.body,
                     { subtree: true, childList: true, attributes: true, characterData: true });
                   timer = setTimeout(finish, 300);
                 });",
                vec![],
            )
            .await
            .unwrap();
    }

    /// Runs the layout check on the screen on show.
    pub async fn layout_problems(&self, screen: &str, size: &str) -> Vec<Finding> {
        let found = self
            .client
            .execute(LAYOUT_CHECK, vec![screen.into(), size.into()])
            .await
            .unwrap_or_else(|e| panic!("the layout check failed on {screen} at {size}: {e}"));
        found
            .as_array()
            .expect("the layout check returns a list")
            .iter()
            .map(|p| Finding {
                screen: screen.to_owned(),
                size: size.to_owned(),
                kind: field(p, "kind"),
                element: field(p, "element"),
                detail: field(p, "detail"),
            })
            .collect()
    }

    /// Runs axe-core's WCAG 2.2 AA rules on the screen on show (injecting it when the page
    /// lacks it) and returns the serious and critical violations, one per element.
    pub async fn axe_violations(&self, axe: &str, screen: &str, size: &str) -> Vec<Finding> {
        let present = self
            .client
            .execute("return typeof window.axe === 'object';", vec![])
            .await
            .unwrap();
        if present != serde_json::Value::Bool(true) {
            self.client.execute(axe, vec![]).await.unwrap();
        }
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag', values: arguments[0] },
                                     resultTypes: ['violations'] })
                   .then((r) => done(r.violations
                     .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                     .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                       nodes: v.nodes.map((n) => ({
                         target: n.target.map(String).join(' '),
                         html: n.html,
                         summary: n.failureSummary || '' })) }))),
                     (e) => done({ error: String(e) }));",
                vec![serde_json::json!(AXE_TAGS)],
            )
            .await
            .unwrap_or_else(|e| panic!("axe-core did not run on {screen} at {size}: {e}"));
        if let Some(error) = result.get("error") {
            panic!("axe-core failed on {screen} at {size}: {error}");
        }
        let mut findings = Vec::new();
        for violation in result.as_array().expect("axe returns a list") {
            let kind = format!(
                "axe {} ({}): {}",
                field(violation, "id"),
                field(violation, "impact"),
                field(violation, "help")
            );
            for node in violation["nodes"].as_array().into_iter().flatten() {
                let html: String = field(node, "html").chars().take(90).collect();
                findings.push(Finding {
                    screen: screen.to_owned(),
                    size: size.to_owned(),
                    kind: kind.clone(),
                    // axe picks the shortest unique selector, which differs from screen to
                    // screen for one element: the element is named by its markup.
                    element: html,
                    detail: format!(
                        "{} (at {})",
                        summary(&field(node, "summary")),
                        field(node, "target")
                    ),
                });
            }
        }
        findings
    }

    /// Saves a PNG of the window.
    pub async fn screenshot_to(&self, path: &std::path::Path) {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let png = self.window().await.png();
        std::fs::write(path, png).unwrap();
    }
}

fn field(value: &serde_json::Value, name: &str) -> String {
    value
        .get(name)
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// The first reason axe gives, on one line.
fn summary(failure: &str) -> String {
    let line = failure
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("Fix any") && !l.starts_with("Fix all"))
        .unwrap_or_default();
    let short: String = line.chars().take(200).collect();
    short
}

/// The (screen, size) stops a finding showed at.
type Sightings = BTreeSet<(String, String)>;

/// Every finding, grouped and counted: what shows on every screen visited at a size (the
/// sidebar, the shell) once, then screen by screen and kind by kind, each element with the
/// sizes it showed at and how many stops it showed at.
pub fn report(findings: &[Finding], screens: &BTreeSet<String>) -> String {
    // (kind, element) -> detail of the first sighting, and the (screen, size) sightings.
    let mut seen: BTreeMap<(String, String), (String, Sightings)> = BTreeMap::new();
    for f in findings {
        seen.entry((f.kind.clone(), f.element.clone()))
            .or_insert_with(|| (f.detail.clone(), BTreeSet::new()))
            .1
            .insert((f.screen.clone(), f.size.clone()));
    }
    // group -> kind -> lines
    let mut groups: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for ((kind, element), (detail, sightings)) in &seen {
        let on: BTreeSet<&String> = sightings.iter().map(|(s, _)| s).collect();
        let sizes: BTreeSet<&String> = sightings.iter().map(|(_, z)| z).collect();
        let sizes = sizes
            .into_iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        let line = format!(
            "{element} — {detail} [at {sizes}; {} stop(s)]",
            sightings.len()
        );
        if on.len() == screens.len() && screens.len() > 1 {
            groups
                .entry("Every screen (the shell and sidebar)".to_owned())
                .or_default()
                .entry(kind.clone())
                .or_default()
                .push(line);
        } else if on.len() > 3 {
            let names = on.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
            groups
                .entry(format!("Several screens ({names})"))
                .or_default()
                .entry(kind.clone())
                .or_default()
                .push(line);
        } else {
            for screen in on {
                groups
                    .entry(screen.clone())
                    .or_default()
                    .entry(kind.clone())
                    .or_default()
                    .push(line.clone());
            }
        }
    }
    let mut out = String::new();
    for (group, kinds) in &groups {
        out.push_str(&format!("\n== {group}\n"));
        for (kind, lines) in kinds {
            out.push_str(&format!("  -- {kind} ({})\n", lines.len()));
            for line in lines {
                out.push_str(&format!("     {line}\n"));
            }
        }
    }
    out
}
