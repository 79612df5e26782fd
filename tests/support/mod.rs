//! Drives the real Groundwork window through tauri-driver and WebKitWebDriver.
//!
//! Every test gets its own tauri-driver (in its own process group, so stopping it also stops
//! WebKitWebDriver) and its own workbook folder. Tests run when `GROUNDWORK_E2E` is set; with
//! `GROUNDWORK_E2E=required` (as in CI) a missing prerequisite fails the test instead of
//! skipping it.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

pub mod dialogs;
pub mod layout;
pub mod memory;
pub mod screens;
pub mod stored;
mod window;
pub use window::Window;

/// The app binary with its UI inside (`tauri build --debug`), or `None` when end-to-end tests
/// are not asked for.
pub fn app_binary() -> Option<PathBuf> {
    let mode = std::env::var("GROUNDWORK_E2E").unwrap_or_default();
    let required = mode == "required";
    if mode.is_empty() {
        eprintln!("skipped: set GROUNDWORK_E2E=1 (bash .ci/run does) to drive the real window");
        return None;
    }
    let binary = std::env::var_os("GROUNDWORK_APP_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
                || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"),
                PathBuf::from,
            );
            target.join("debug/groundwork-app")
        });
    if binary.exists() {
        Some(binary)
    } else if required {
        panic!(
            "{} is missing: build it with `ui/node_modules/.bin/tauri build --debug`",
            binary.display()
        );
    } else {
        eprintln!("skipped: {} is missing", binary.display());
        None
    }
}

/// A running app window and the driver behind it. Dropping it ends both.
pub struct App {
    pub client: Client,
    driver: Child,
}

/// A free local port pair for tauri-driver and WebKitWebDriver.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl App {
    /// Launches the app on `data_dir` and waits for the home screen.
    pub async fn launch(binary: &Path, data_dir: &Path) -> App {
        Self::launch_with(binary, data_dir, None, None).await
    }

    /// Launches the app in the working folder `dir`, where its native file dialogs open.
    pub async fn launch_in(binary: &Path, data_dir: &Path, dir: &Path) -> App {
        Self::launch_with(binary, data_dir, None, Some(dir)).await
    }

    /// Launches the app with every socket connection made by it, its web processes and the
    /// WebDriver servers written to `log` by `strace` (which must be installed).
    pub async fn launch_traced(binary: &Path, data_dir: &Path, log: &Path) -> App {
        Self::launch_with(binary, data_dir, Some(log), None).await
    }

    async fn launch_with(
        binary: &Path,
        data_dir: &Path,
        trace: Option<&Path>,
        dir: Option<&Path>,
    ) -> App {
        let (port, native_port) = (free_port(), free_port());
        let mut command = match trace {
            None => Command::new("tauri-driver"),
            Some(log) => {
                let mut strace = Command::new("strace");
                strace
                    .args(["-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o"])
                    .arg(log)
                    .arg("tauri-driver");
                strace
            }
        };
        if let Some(dir) = dir {
            command.current_dir(dir);
        }
        let driver = command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("tauri-driver is installed (cargo install tauri-driver)");
        // tauri-driver listens before the WebKitWebDriver it starts does: wait for both.
        let deadline = Instant::now() + Duration::from_secs(20);
        for listening in [port, native_port] {
            while TcpStream::connect(("127.0.0.1", listening)).is_err() {
                assert!(
                    Instant::now() < deadline,
                    "the WebDriver servers did not start"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({
                "application": binary,
                "args": ["--data-dir", data_dir],
            }),
        );
        // A session request can still meet a server that is finishing its start: try again
        // a few times before calling it a failure.
        let started = Instant::now();
        let mut attempt = 0;
        let client = loop {
            attempt += 1;
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(err) if attempt < 4 => {
                    eprintln!("WebDriver session attempt {attempt} failed ({err}); retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(err) => panic!("no WebDriver session with the app: {err}"),
            }
        };
        let app = App { client, driver };
        app.wait_for("[data-testid=workbook-list], [data-testid=new-workbook]")
            .await;
        // An upper bound of the start-up time: it includes the WebDriver session's own set-up.
        eprintln!(
            "launch: the home screen showed {} ms after the session was requested",
            started.elapsed().as_millis()
        );
        app
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css} appeared: {e}"))
    }

    pub async fn testid(&self, id: &str) -> Element {
        self.wait_for(&format!("[data-testid={id}]")).await
    }

    pub async fn click(&self, id: &str) {
        if self.testid(id).await.click().await.is_ok() {
            return;
        }
        // The element was re-rendered between finding and clicking it, or WebKitWebDriver
        // refuses it as scrolled out of its container's view (a wide table's last column):
        // find it again, bring it into view as a person would, and retry.
        let element = self.testid(id).await;
        let arg = serde_json::to_value(&element).unwrap();
        let _ = self
            .client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'});",
                vec![arg],
            )
            .await;
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {id}: {e}"));
    }

    /// Replaces an input's content by typing, as a person would.
    pub async fn type_into(&self, id: &str, text: &str) {
        let field = self.testid(id).await;
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    pub async fn value(&self, id: &str) -> String {
        self.property(id, "value").await
    }

    /// The element's text content. (WebKitWebDriver's "visible text" leaves out text in
    /// ellipsised flex items that are plainly on screen, so it is not used.)
    pub async fn text(&self, id: &str) -> String {
        self.property(id, "textContent").await
    }

    /// A property of the element: found again when the screen re-rendered it between
    /// finding and reading (a save's answer arriving, a list refreshed).
    async fn property(&self, id: &str, name: &str) -> String {
        let mut attempts = 0;
        loop {
            match self.testid(id).await.prop(name).await {
                Ok(value) => return value.unwrap_or_default(),
                Err(e) if attempts < 5 && is_stale(&e) => {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("{name} of {id}: {e}"),
            }
        }
    }

    /// Waits until the element's visible text contains `expected`.
    pub async fn wait_for_text(&self, id: &str, expected: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let text = self.text(id).await;
            if text.contains(expected) {
                return;
            }
            if Instant::now() > deadline {
                self.screenshot(&format!("failed-{id}")).await;
                let html = self.testid(id).await.html(false).await.unwrap_or_default();
                let html: String = html.chars().take(3_000).collect();
                panic!("{id} never showed {expected:?}; it shows {text:?}\nHTML: {html}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// A PNG of the window, kept under tests/artifacts for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("artifacts");
        std::fs::create_dir_all(&dir).unwrap();
        // Let a change just made reach the screen.
        tokio::time::sleep(Duration::from_millis(150)).await;
        let png = self.window().await.png();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Calls a command of the running app through its IPC, as a screen does once the user
    /// has picked a file in a native dialog (which WebDriver cannot reach). Answers
    /// `{ "ok": value }` or `{ "error": { "code", "message", … } }`.
    pub async fn invoke(&self, command: &str, args: serde_json::Value) -> serde_json::Value {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
                   .then((value) => done({ ok: value ?? null }), (error) => done({ error }));",
                vec![serde_json::json!(command), args],
            )
            .await
            .unwrap()
    }

    /// Exports the `full` document on A4 to `path` through the app's own command.
    pub async fn export_full(&self, path: &Path, include_readiness: bool) -> serde_json::Value {
        self.invoke(
            "export_document",
            serde_json::json!({ "path": path, "options": {
                "document": "full", "paper": "a4", "date": null, "omitSections": [],
                "confidentiality": "", "includeReadiness": include_readiness } }),
        )
        .await
    }

    /// The app's own process (below tauri-driver and WebKitWebDriver), once it runs.
    pub fn app_pid(&self, binary: &Path) -> Option<u32> {
        memory::find_below(self.driver.id(), binary)
    }

    /// Quits the app (ends the WebDriver session) and the driver.
    pub async fn quit(self) {
        let _ = self.client.clone().close().await;
        // Dropping `self` stops the driver.
    }
}

impl Drop for App {
    fn drop(&mut self) {
        stop_ref(&mut self.driver);
    }
}

fn stop_ref(driver: &mut Child) {
    // The whole group: tauri-driver and the WebKitWebDriver it started.
    let _ = Command::new("kill")
        .args(["-TERM", "--", &format!("-{}", driver.id())])
        .status();
    let _ = driver.wait();
}

/// Whether WebDriver refused because the element was replaced since it was found.
fn is_stale(error: &fantoccini::error::CmdError) -> bool {
    matches!(
        error,
        fantoccini::error::CmdError::Standard(e)
            if e.error == fantoccini::error::ErrorStatus::StaleElementReference
    )
}
