//! Closing the app the way people do: the window manager's close button, and keyboard
//! shortcuts pressed in the page.
//!
//! Xvfb runs no window manager, and WebDriver's window close (like `xdotool windowclose`)
//! destroys the window without the close-requested event the app listens for. A window
//! manager's close button sends the window an X11 `ClientMessage` of type `WM_PROTOCOLS`
//! carrying `WM_DELETE_WINDOW`; [`Window::request_close`] sends exactly that.

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
use fantoccini::key::Key;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    Atom, AtomEnum, ClientMessageEvent, ConnectionExt as _, EventMask, ImageFormat, MapState,
};
use x11rb::rust_connection::RustConnection;

use crate::App;

/// How long a close may take: the app saves what is waiting, then its process ends.
const EXIT_TIMEOUT: Duration = Duration::from_secs(15);

/// The app's top-level X11 window and the process that owns it.
pub struct Window {
    conn: RustConnection,
    id: u32,
    pid: u32,
    wm_protocols: Atom,
    wm_delete_window: Atom,
    /// The window's title when it was found ("Groundwork", or "<name> – Groundwork").
    pub title: String,
}

impl App {
    /// The app's window, found by the `_NET_WM_PID` of its top-level window: the app is
    /// started by WebKitWebDriver, itself started by this test's tauri-driver.
    pub async fn window(&self) -> Window {
        let driver = self.driver.id();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(window) = Window::find(driver) {
                return window;
            }
            assert!(
                Instant::now() < deadline,
                "no top-level X11 window of the app (is DISPLAY the Xvfb the app runs on?)"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Closes the window as a window manager's close button does, waits for the app's process
    /// to end (so its workbook lock is released), and ends the WebDriver session and driver.
    pub async fn close_window(self) {
        let window = self.window().await;
        window.request_close();
        assert!(
            window.wait_for_exit(EXIT_TIMEOUT).await,
            "the window {:?} did not close within {EXIT_TIMEOUT:?} of WM_DELETE_WINDOW",
            window.title
        );
        self.end_after_exit().await;
    }

    /// Presses Ctrl+`key` in the page through WebDriver key actions.
    pub async fn press_ctrl(&self, key: char) {
        self.press_chord(&[char::from(Key::Control), key]).await;
    }

    /// Presses `keys` together in the page (held down in order, released in reverse), through
    /// WebDriver key actions. Special keys are `char::from(fantoccini::key::Key::…)`.
    pub async fn press_chord(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for &value in keys {
            actions = actions.then(KeyAction::Down { value });
        }
        for &value in keys.iter().rev() {
            actions = actions.then(KeyAction::Up { value });
        }
        // The keys may close the window before WebKitWebDriver answers: its answer, or none,
        // says nothing about whether they were pressed.
        let _ = tokio::time::timeout(Duration::from_secs(5), self.client.perform_actions(actions))
            .await;
    }

    /// Ends the WebDriver session and the driver once the app's process has ended by itself.
    pub async fn end_after_exit(self) {
        // The session's browser is gone: WebKitWebDriver still answers, but do not wait long.
        let _ = tokio::time::timeout(Duration::from_secs(5), self.client.clone().close()).await;
        // Dropping `self` stops the driver's process group.
    }
}

impl Window {
    fn find(driver: u32) -> Option<Window> {
        let (conn, screen) = x11rb::connect(None).expect("an X display (set DISPLAY)");
        let root = conn.setup().roots[screen].root;
        let atom = |name: &[u8]| {
            conn.intern_atom(false, name)
                .expect("X request")
                .reply()
                .expect("X reply")
                .atom
        };
        let net_wm_pid = atom(b"_NET_WM_PID");
        let net_wm_name = atom(b"_NET_WM_NAME");
        let utf8 = atom(b"UTF8_STRING");
        let wm_protocols = atom(b"WM_PROTOCOLS");
        let wm_delete_window = atom(b"WM_DELETE_WINDOW");
        let children = conn.query_tree(root).ok()?.reply().ok()?.children;
        for id in children {
            let Some(pid) = conn
                .get_property(false, id, net_wm_pid, AtomEnum::CARDINAL, 0, 1)
                .ok()
                .and_then(|c| c.reply().ok())
                .and_then(|p| p.value32().and_then(|mut v| v.next()))
            else {
                continue;
            };
            if !descends_from(pid, driver) {
                continue;
            }
            let viewable = conn
                .get_window_attributes(id)
                .ok()
                .and_then(|c| c.reply().ok())
                .is_some_and(|a| a.map_state == MapState::VIEWABLE);
            let closable = conn
                .get_property(false, id, wm_protocols, AtomEnum::ATOM, 0, 32)
                .ok()
                .and_then(|c| c.reply().ok())
                .and_then(|p| p.value32().map(|mut v| v.any(|a| a == wm_delete_window)))
                .unwrap_or(false);
            if !viewable || !closable {
                continue;
            }
            let title = conn
                .get_property(false, id, net_wm_name, utf8, 0, 1024)
                .ok()
                .and_then(|c| c.reply().ok())
                .map(|p| String::from_utf8_lossy(&p.value).into_owned())
                .unwrap_or_default();
            return Some(Window {
                conn,
                id,
                pid,
                wm_protocols,
                wm_delete_window,
                title,
            });
        }
        None
    }

    /// The app's process id.
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// The window's pixels as a PNG, read from the X server: what a person sees. (WebDriver's
    /// own screenshot never returns when WebKit draws in software, as the app has it do.)
    pub fn png(&self) -> Vec<u8> {
        let geometry = self
            .conn
            .get_geometry(self.id)
            .expect("X request")
            .reply()
            .expect("the window's size");
        let (width, height) = (geometry.width, geometry.height);
        let image = self
            .conn
            .get_image(ImageFormat::Z_PIXMAP, self.id, 0, 0, width, height, !0)
            .expect("X request")
            .reply()
            .expect("the window's pixels (is the screen as large as the window?)");
        assert_eq!(image.depth, 24, "a 24-bit screen (Xvfb -screen 0 WxHx24)");
        // 32 bits a pixel, blue, green, red and a spare byte on this little-endian server.
        let rgb: Vec<u8> = image
            .data
            .chunks_exact(4)
            .flat_map(|p| [p[2], p[1], p[0]])
            .collect();
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, u32::from(width), u32::from(height));
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().expect("a PNG header");
        writer.write_image_data(&rgb).expect("the PNG's pixels");
        writer.finish().expect("a whole PNG");
        out
    }

    /// Sends `WM_DELETE_WINDOW`, as a window manager's close button does, and returns at once.
    pub fn request_close(&self) {
        let event = ClientMessageEvent::new(
            32,
            self.id,
            self.wm_protocols,
            [self.wm_delete_window, x11rb::CURRENT_TIME, 0, 0, 0],
        );
        self.conn
            .send_event(false, self.id, EventMask::NO_EVENT, event)
            .expect("X request");
        self.conn.flush().expect("X flush");
    }

    /// True while the app's process runs (a zombie has ended: its locks are released).
    pub fn is_running(&self) -> bool {
        std::fs::read_to_string(format!("/proc/{}/stat", self.pid))
            .ok()
            .and_then(|stat| state_of(&stat))
            .is_some_and(|state| state != 'Z' && state != 'X')
    }

    /// Waits until the app's process has ended; false if it still runs after `timeout`.
    pub async fn wait_for_exit(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while self.is_running() {
            if Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        true
    }
}

/// The state letter of a `/proc/<pid>/stat` line (the name before it may hold spaces).
fn state_of(stat: &str) -> Option<char> {
    stat.get(stat.rfind(')')? + 1..)?
        .trim_start()
        .chars()
        .next()
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    rest.split_whitespace().nth(1)?.parse().ok()
}

fn descends_from(mut pid: u32, ancestor: u32) -> bool {
    for _ in 0..64 {
        if pid == ancestor {
            return true;
        }
        match parent_of(pid) {
            Some(parent) if parent > 1 => pid = parent,
            _ => return false,
        }
    }
    false
}
