//! The window is locked down: its Content Security Policy names no remote source, and its
//! capabilities grant only closing itself and full screen. Files are read and written by the
//! Rust commands only, at paths the user picked in a dialog the commands opened or in the app's
//! data folder (see `file_access`).

#[cfg(test)]
mod tests {
    use serde_json::Value;

    fn config(file: &str) -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// Local sources Tauri itself needs: the IPC channel (a custom protocol on Linux and
    /// macOS, `http://ipc.localhost` on Windows).
    const LOCAL_IPC: [&str; 2] = ["ipc:", "http://ipc.localhost"];

    #[test]
    fn the_content_security_policy_names_no_remote_source() {
        let conf = config("tauri.conf.json");
        let csp = conf["app"]["security"]["csp"]
            .as_object()
            .expect("a CSP is set, as directives");
        assert!(
            conf["app"]["security"]["dangerousDisableAssetCspModification"].is_null(),
            "Tauri keeps adding its nonces and hashes"
        );
        for directive in [
            "default-src",
            "script-src",
            "connect-src",
            "object-src",
            "frame-src",
        ] {
            assert!(csp.contains_key(directive), "{directive} is set");
        }
        for (directive, sources) in csp {
            let sources = sources.as_str().unwrap();
            for source in sources.split_whitespace() {
                let allowed_ipc = directive == "connect-src" && LOCAL_IPC.contains(&source);
                let remote = source.contains('*')
                    || ["http:", "https:", "ws:", "wss:", "ftp:"]
                        .iter()
                        .any(|scheme| source.starts_with(scheme));
                assert!(
                    allowed_ipc || !remote,
                    "{directive} allows the remote source {source}"
                );
            }
        }
        let scripts = csp["script-src"].as_str().unwrap();
        for unsafe_source in ["data:", "blob:", "'unsafe-inline'", "'unsafe-eval'"] {
            assert!(
                !scripts.contains(unsafe_source),
                "script-src allows {unsafe_source}"
            );
        }
        assert_eq!(csp["object-src"], "'none'");
        assert_eq!(csp["frame-src"], "'none'");
        assert_eq!(csp["default-src"], "'self'");
    }

    #[test]
    fn capabilities_grant_only_closing_and_full_screen() {
        let capability = config("capabilities/default.json");
        let permissions: Vec<&str> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().expect("plain permission names, no scopes"))
            .collect();
        let allowed = [
            "core:default",
            "core:window:allow-destroy",
            // The presentation view fills the screen.
            "core:window:allow-set-fullscreen",
        ];
        for permission in &permissions {
            assert!(
                allowed.contains(permission),
                "{permission} is granted; the UI has no use for it (no dialogs, file system, \
                 shell, opener or HTTP access from the page: the commands open the dialogs so \
                 that they know which files the user chose)"
            );
        }
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
        assert!(
            capability["remote"].is_null(),
            "no remote page gets capabilities"
        );
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
        assert_eq!(
            std::fs::read_dir(dir).unwrap().count(),
            1,
            "one capability file, checked here"
        );
    }
}
