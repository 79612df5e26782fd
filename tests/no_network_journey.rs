//! The app makes no network connection. The whole journey runs inside a network namespace of
//! its own, where only loopback exists (so the app is shown working with no network at all),
//! and under `strace`, which records every socket connection the WebDriver servers, the app
//! and its web processes make: opening the example workbook, visiting every screen, previewing
//! and exporting a PDF. Any connection to an address other than loopback fails the test, even
//! one that could not have succeeded.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use groundwork_e2e::{app_binary, App};

const INSIDE: &str = "GROUNDWORK_NO_NETWORK_INSIDE";

/// Every screen of an open workbook, with an element that shows it is there.
const SCREENS: [(&str, &str); 10] = [
    ("nav-overview", "profile-purpose"),
    ("nav-audit", "step-audit"),
    ("nav-stakeholders", "step-stakeholders"),
    ("nav-goals", "step-goals"),
    ("nav-crisis", "step-crisis"),
    ("nav-roadmap", "step-roadmap"),
    ("nav-readiness", "readiness"),
    ("nav-workshop", "capture-input"),
    ("nav-trash", "trash-screen"),
    ("nav-documents", "document-preview"),
];

/// Runs this test again in a new network namespace with only loopback up, when that can be
/// made (as root, as in CI); the run inside does the journey.
#[tokio::test]
async fn the_app_connects_to_nothing_but_itself() {
    let Some(binary) = app_binary() else { return };
    if std::env::var_os(INSIDE).is_some() {
        journey(&binary).await;
        return;
    }
    let required = std::env::var("GROUNDWORK_E2E").as_deref() == Ok("required");
    let isolated = Command::new("unshare")
        .args(["--net", "--", "ip", "link", "set", "lo", "up"])
        .status()
        .is_ok_and(|s| s.success());
    if !isolated {
        assert!(
            !required,
            "a network namespace could not be made (`unshare --net` needs root)"
        );
        eprintln!("no network namespace here: tracing the journey on the host network");
        journey(&binary).await;
        return;
    }
    let test = std::env::current_exe().unwrap();
    let status = Command::new("unshare")
        .args([
            "--net",
            "--",
            "sh",
            "-c",
            "ip link set lo up && exec \"$0\" \"$@\"",
        ])
        .arg(test)
        .args([
            "--exact",
            "the_app_connects_to_nothing_but_itself",
            "--nocapture",
        ])
        .env(INSIDE, "1")
        .status()
        .unwrap();
    assert!(status.success(), "the journey without a network failed");
}

async fn journey(binary: &Path) {
    let data = tempfile::tempdir().unwrap();
    let log = data.path().join("connections.log");
    let app = App::launch_traced(binary, data.path(), &log).await;
    app.click("open-example").await;
    app.testid("workbook-title").await;
    // The example offers its guided tour first.
    app.click("tour-close").await;
    while !app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=tour]"))
        .await
        .unwrap()
        .is_empty()
    {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    for (nav, screen) in SCREENS {
        app.click(nav).await;
        app.testid(screen).await;
    }
    // The preview draws the PDF with pdf.js, in the page (the last screen visited).
    app.wait_for("[data-testid=document-preview][data-state=shown] canvas")
        .await;
    app.screenshot("no-network-documents").await;
    let pdf = data.path().join("strategy.pdf");
    let answer = app.export_full(&pdf, true).await;
    assert!(answer["ok"]["pageCount"].as_u64() > Some(1), "{answer}");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("Crisis"));
    app.quit().await;

    let log = std::fs::read_to_string(&log).unwrap();
    assert!(
        log.contains(".X11-unix"),
        "the app's own process was traced (its connection to the display is in the log)"
    );
    assert!(
        log.lines().any(|l| l.contains("AF_INET") && is_local(l)),
        "the WebDriver connections through loopback are in the log"
    );
    let remote: Vec<&str> = log
        .lines()
        .filter(|l| (l.contains("AF_INET") || l.contains("AF_PACKET")) && !is_local(l))
        .collect();
    assert!(
        remote.is_empty(),
        "connections beyond this computer:\n{}",
        remote.join("\n")
    );
}

/// True when a traced call reaches a loopback address and is not a name lookup (a resolver may
/// listen on loopback and ask the network for the app).
fn is_local(line: &str) -> bool {
    is_loopback(line) && !line.contains("port=htons(53)")
}

/// True when the socket address in a traced call is a loopback one.
fn is_loopback(line: &str) -> bool {
    let address = ["inet_addr(\"", "inet_pton(AF_INET6, \""]
        .iter()
        .find_map(|start| {
            let at = line.find(start)? + start.len();
            line[at..].split('"').next()
        });
    address.is_some_and(|a| {
        a.parse::<std::net::IpAddr>().is_ok_and(|ip| match ip {
            std::net::IpAddr::V4(v4) => v4.is_loopback(),
            std::net::IpAddr::V6(v6) => {
                v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
            }
        })
    })
}

#[test]
fn loopback_is_told_from_other_addresses() {
    let local = r#"123 connect(9, {sa_family=AF_INET, sin_port=htons(4445), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#;
    let local6 = r#"1 connect(3, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0"#;
    let remote = r#"77 connect(31, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.215.14")}, 16) = -1 ENETUNREACH (Network is unreachable)"#;
    let dns = r#"77 sendto(5, "\x12\x34", 34, MSG_NOSIGNAL, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = -1"#;
    let local_resolver = r#"5 connect(7, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 0"#;
    assert!(is_local(local));
    assert!(is_local(local6));
    assert!(!is_local(remote));
    assert!(!is_local(dns));
    assert!(
        !is_local(local_resolver),
        "a name lookup counts as going out"
    );
}
