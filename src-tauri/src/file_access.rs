//! Which files the app may read or write: those in its data folder, those the user picked in a
//! native dialog during this run, and the file it was launched with. The page only ever passes
//! paths back; every command that takes one asks here first, so a page that was tricked into
//! naming another file gets a sentence, and the file is never touched.
//!
//! Paths are compared in their canonical form (symbolic links and `..` resolved), so neither a
//! link inside the data folder nor a `..` walks out of it.

use std::collections::HashSet;
use std::ffi::OsString;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::error::{AppError, ErrorCode};

/// What the app may touch in this run.
pub struct FileAccess {
    data_dir: PathBuf,
    /// Canonical paths the user picked in a dialog, and the launch file.
    picked: Mutex<HashSet<PathBuf>>,
}

/// How far a command may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The data folder, a file picked in a dialog, or the launch file.
    Chosen,
    /// The data folder only: the home screen's file actions (duplicate, delete), which work on
    /// the workbooks listed there and write beside them.
    DataFolder,
}

impl FileAccess {
    pub fn new(data_dir: PathBuf, launch_file: Option<&Path>) -> Self {
        let access = Self {
            data_dir,
            picked: Mutex::new(HashSet::new()),
        };
        if let Some(file) = launch_file {
            access.remember_picked(file);
        }
        access
    }

    /// Remembers a path the user chose in a native dialog (or launched the app with). Returns
    /// the form the app uses from now on.
    pub fn remember_picked(&self, path: &Path) -> PathBuf {
        let resolved = resolve(path).unwrap_or_else(|_| path.to_path_buf());
        self.picked_paths().insert(resolved.clone());
        resolved
    }

    /// The path a command may use, or the reason it may not.
    pub fn check(&self, path: &Path, reach: Reach) -> Result<PathBuf, AppError> {
        let resolved = resolve(path).map_err(|_| refused(path, reach))?;
        let in_data_folder = resolve(&self.data_dir)
            .is_ok_and(|data_dir| resolved.starts_with(&data_dir) && resolved != data_dir);
        let picked = reach == Reach::Chosen && self.picked_paths().contains(&resolved);
        if in_data_folder || picked {
            Ok(resolved)
        } else {
            Err(refused(path, reach))
        }
    }

    fn picked_paths(&self) -> std::sync::MutexGuard<'_, HashSet<PathBuf>> {
        // A panic while holding the set leaves it valid: inserts are single operations.
        self.picked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn refused(path: &Path, reach: Reach) -> AppError {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let message = match reach {
        Reach::Chosen => format!(
            "Groundwork did not open or save “{name}”: it only uses files you choose in its \
             Open… or Save… dialogs and those in its own workbook folder. Choose the file \
             through the dialog and try again."
        ),
        Reach::DataFolder => format!(
            "“{name}” is not in Groundwork's workbook folder, so it cannot be changed from the \
             home screen. Open it with Open… instead."
        ),
    };
    AppError {
        code: ErrorCode::NotAllowed,
        message,
        field: None,
    }
}

/// The canonical form of `path`, which need not exist yet (a Save destination): its nearest
/// existing ancestor is canonicalized and the rest appended, which may not contain `..`.
/// A symbolic link that points nowhere is refused rather than followed later.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    if !path.is_absolute() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "relative path"));
    }
    let mut missing: Vec<OsString> = Vec::new();
    let mut existing = path;
    loop {
        if existing.symlink_metadata().is_ok() {
            // Exists (or is a link): canonicalize fails for a dangling link, as it should.
            let mut resolved = existing.canonicalize()?;
            for part in missing.iter().rev() {
                resolved.push(part);
            }
            return Ok(resolved);
        }
        match existing.components().next_back() {
            Some(Component::Normal(part)) => missing.push(part.to_owned()),
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "not a plain path",
                ))
            }
        }
        existing = existing
            .parent()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no existing ancestor"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Folders {
        _root: tempfile::TempDir,
        data: PathBuf,
        elsewhere: PathBuf,
    }

    fn folders() -> Folders {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("workbooks");
        let elsewhere = root.path().join("elsewhere");
        std::fs::create_dir_all(&data).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        Folders {
            data: data.canonicalize().unwrap(),
            elsewhere: elsewhere.canonicalize().unwrap(),
            _root: root,
        }
    }

    fn is_refused(result: Result<PathBuf, AppError>) -> bool {
        matches!(
            result,
            Err(AppError {
                code: ErrorCode::NotAllowed,
                ..
            })
        )
    }

    #[test]
    fn a_file_in_the_data_folder_is_allowed_existing_or_not() {
        let f = folders();
        let access = FileAccess::new(f.data.clone(), None);
        let existing = f.data.join("Plan.groundwork");
        std::fs::write(&existing, b"").unwrap();
        assert_eq!(access.check(&existing, Reach::Chosen).unwrap(), existing);
        assert_eq!(
            access.check(&existing, Reach::DataFolder).unwrap(),
            existing
        );
        let new = f.data.join("backups").join("Plan").join("2026.groundwork");
        assert_eq!(
            access.check(&new, Reach::Chosen).unwrap(),
            new,
            "a file to be written in a folder still to be made"
        );
    }

    #[test]
    fn a_picked_file_is_allowed_and_an_unpicked_one_refused() {
        let f = folders();
        let access = FileAccess::new(f.data.clone(), None);
        let picked = f.elsewhere.join("Board report.pdf");
        let other = f.elsewhere.join("other.pdf");
        assert!(
            is_refused(access.check(&picked, Reach::Chosen)),
            "not picked yet"
        );
        access.remember_picked(&picked);
        assert_eq!(access.check(&picked, Reach::Chosen).unwrap(), picked);
        assert!(
            is_refused(access.check(&other, Reach::Chosen)),
            "a file beside a picked one is not picked"
        );
        assert!(
            is_refused(access.check(&picked, Reach::DataFolder)),
            "home-screen actions stay in the data folder"
        );
        assert!(is_refused(
            access.check(Path::new("/etc/passwd"), Reach::Chosen)
        ));
        assert!(is_refused(
            access.check(Path::new("relative.pdf"), Reach::Chosen)
        ));
    }

    #[test]
    fn the_launch_file_is_allowed() {
        let f = folders();
        let launched = f.elsewhere.join("From a colleague.groundwork");
        std::fs::write(&launched, b"").unwrap();
        let access = FileAccess::new(f.data.clone(), Some(&launched));
        assert_eq!(access.check(&launched, Reach::Chosen).unwrap(), launched);
    }

    #[test]
    fn dot_dot_out_of_the_data_folder_is_refused() {
        let f = folders();
        let access = FileAccess::new(f.data.clone(), None);
        let target = f.elsewhere.join("secret.groundwork");
        std::fs::write(&target, b"").unwrap();
        let escaping = f
            .data
            .join("..")
            .join("elsewhere")
            .join("secret.groundwork");
        assert!(is_refused(access.check(&escaping, Reach::Chosen)));
        let escaping_new = f.data.join("..").join("elsewhere").join("new.pdf");
        assert!(is_refused(access.check(&escaping_new, Reach::Chosen)));
        let under_missing = f.data.join("missing").join("..").join("..").join("x.pdf");
        assert!(
            is_refused(access.check(&under_missing, Reach::Chosen)),
            "`..` after a folder that does not exist is not resolved by hand"
        );
        assert!(
            is_refused(access.check(&f.data, Reach::Chosen)),
            "the data folder itself is not a file"
        );
    }

    #[test]
    fn a_link_in_the_data_folder_pointing_outside_is_refused() {
        let f = folders();
        let access = FileAccess::new(f.data.clone(), None);
        let target = f.elsewhere.join("notes.txt");
        std::fs::write(&target, b"private").unwrap();
        let link = f.data.join("notes.groundwork");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(is_refused(access.check(&link, Reach::Chosen)));
        let folder_link = f.data.join("out");
        std::os::unix::fs::symlink(&f.elsewhere, &folder_link).unwrap();
        assert!(is_refused(
            access.check(&folder_link.join("new.pdf"), Reach::Chosen)
        ));
        let dangling = f.data.join("dangling.pdf");
        std::os::unix::fs::symlink(f.elsewhere.join("not yet.pdf"), &dangling).unwrap();
        assert!(
            is_refused(access.check(&dangling, Reach::Chosen)),
            "a link to a file not yet written would write outside"
        );
    }

    #[test]
    fn a_link_inside_the_data_folder_is_followed_to_its_file() {
        let f = folders();
        let access = FileAccess::new(f.data.clone(), None);
        let real = f.data.join("real.groundwork");
        std::fs::write(&real, b"").unwrap();
        let link = f.data.join("alias.groundwork");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(access.check(&link, Reach::Chosen).unwrap(), real);
    }

    #[test]
    fn a_data_folder_reached_through_a_link_still_counts() {
        let f = folders();
        let link_to_data = f.elsewhere.join("data-link");
        std::os::unix::fs::symlink(&f.data, &link_to_data).unwrap();
        let access = FileAccess::new(link_to_data.clone(), None);
        let file = link_to_data.join("Plan.groundwork");
        assert_eq!(
            access.check(&file, Reach::DataFolder).unwrap(),
            f.data.join("Plan.groundwork")
        );
    }
}
