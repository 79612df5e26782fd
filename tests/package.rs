//! The Debian package: installable, with the icon, a menu entry and the `.groundwork` file type.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

fn deb() -> Option<PathBuf> {
    let dir = std::env::var_os("GROUNDWORK_DEB_DIR").map(PathBuf::from)?;
    let deb = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "deb"));
    Some(deb.unwrap_or_else(|| panic!("no .deb in {}", dir.display())))
}

fn dpkg_deb(args: &[&str]) -> String {
    let out = Command::new("dpkg-deb").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "dpkg-deb {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_package_has_the_app_its_icon_a_menu_entry_and_the_file_type() {
    let Some(deb) = deb() else {
        eprintln!("skipped: set GROUNDWORK_DEB_DIR (bash .ci/run builds the package)");
        return;
    };
    let deb = deb.to_str().unwrap();
    let files = dpkg_deb(&["-c", deb]);
    assert!(files.contains("usr/bin/groundwork-app"), "{files}");
    assert!(
        files.contains("/icons/hicolor/128x128/apps/groundwork-app.png"),
        "{files}"
    );
    assert!(
        files.contains("usr/share/applications/Groundwork.desktop"),
        "{files}"
    );

    let extract = tempfile::tempdir().unwrap();
    dpkg_deb(&["-x", deb, extract.path().to_str().unwrap()]);
    let desktop = std::fs::read_to_string(
        extract
            .path()
            .join("usr/share/applications/Groundwork.desktop"),
    )
    .unwrap();
    assert!(
        desktop.contains("MimeType=application/x-groundwork"),
        "{desktop}"
    );
    assert!(desktop.contains("Exec=groundwork-app"), "{desktop}");
    let info = dpkg_deb(&["-I", deb]);
    assert!(
        info.contains("libwebkit2gtk-4.1"),
        "the package depends on the webview: {info}"
    );
}
