//! What a file's first 100 bytes say: whether it is a workbook, and of a schema version this
//! build reads. Read without SQLite, so an unknown file is never touched; opening, locking,
//! backups and the library all ask here first.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::{Result, StoreError};

/// `PRAGMA application_id` of every workbook: "GWKB". Lets us tell our files from any other
/// SQLite database.
pub const APPLICATION_ID: i32 = 0x4757_4B42;

/// The schema version this build writes and reads up to.
pub const SCHEMA_VERSION: i64 = 14;

/// What the first 100 bytes of a file say, read without SQLite so an unknown file is never
/// touched (SQLite may create side files or roll back a journal on open).
struct Header {
    application_id: i32,
    user_version: i64,
}

fn read_header(path: &Path) -> Result<Header> {
    let mut file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound {
            path: path.to_owned(),
        },
        _ => StoreError::io(path, &e),
    })?;
    let mut bytes = [0_u8; 100];
    if file.read_exact(&mut bytes).is_err() || &bytes[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotAWorkbook {
            path: path.to_owned(),
        });
    }
    let be =
        |at: usize| i32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Ok(Header {
        application_id: be(68),
        user_version: i64::from(be(60)),
    })
}

/// Checks that `path` is a workbook this build can read, without changing it.
pub(crate) fn check_is_workbook(path: &Path) -> Result<i64> {
    let header = read_header(path)?;
    if header.application_id != APPLICATION_ID {
        return Err(StoreError::NotAWorkbook {
            path: path.to_owned(),
        });
    }
    if header.user_version > SCHEMA_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found: header.user_version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(header.user_version)
}
