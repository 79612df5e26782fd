//! A bare Tauri window of the same size as Groundwork's, showing a one-line page served the
//! way Tauri serves an app's own pages (a custom URI scheme): the baseline the app's memory is
//! measured against (`tests/memory_journey.rs`). Built with
//! `cargo build -p groundwork-app --example bare_window`.

const PAGE: &[u8] = b"<!doctype html><title>Bare window</title><p>A bare window</p>";

fn main() {
    let mut context = tauri::generate_context!();
    context.config_mut().app.windows.clear();
    let result = tauri::Builder::default()
        .register_uri_scheme_protocol("bare", |_, _| {
            tauri::http::Response::builder()
                .header("Content-Type", "text/html")
                .body(PAGE.to_vec())
                .unwrap_or_else(|_| tauri::http::Response::new(PAGE.to_vec()))
        })
        .setup(|app| {
            let page = tauri::WebviewUrl::External(tauri::Url::parse("bare://localhost/")?);
            tauri::WebviewWindowBuilder::new(app, "bare", page)
                .title("Bare window")
                .inner_size(1280.0, 800.0)
                .build()?;
            Ok(())
        })
        .run(context);
    if let Err(err) = result {
        eprintln!("the bare window did not open: {err}");
        std::process::exit(1);
    }
}
