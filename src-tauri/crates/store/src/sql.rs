//! What every table's module needs to read and write its rows: SQLite errors turned into
//! sentences about this workbook, refusals, new ids, and the stored forms of ids, timestamps,
//! dates and the core's words read back. Nothing here knows about any one table.

use std::path::Path;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use groundwork_core::Invalid;
use rusqlite::types::Type;
use rusqlite::{Connection, Params, Row, RowIndex};
use uuid::Uuid;

use crate::{Store, StoreError};

/// Maps SQLite errors to sentences about this workbook.
pub(crate) fn sql(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| StoreError::from_sqlite(e, path)
}

impl Store {
    /// A SQLite error as a sentence about this workbook.
    pub(crate) fn sql_error(&self, err: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(err, &self.path)
    }
}

/// A refusal that belongs to no single input.
pub(crate) fn refused(message: impl Into<String>) -> StoreError {
    StoreError::Invalid(Invalid {
        field: None,
        message: message.into(),
    })
}

/// Runs an UPDATE meant for one record, refusing with [`StoreError::Gone`] when it matched
/// none: the record was deleted, perhaps in another window, and the edit is not saved.
pub(crate) fn update_one(
    conn: &Connection,
    path: &Path,
    what: &'static str,
    statement: &str,
    params: impl Params,
) -> Result<(), StoreError> {
    match conn.execute(statement, params).map_err(sql(path))? {
        0 => Err(StoreError::Gone(what)),
        _ => Ok(()),
    }
}

/// A new record's id, as stored.
pub(crate) fn new_id() -> String {
    Uuid::now_v7().to_string()
}

/// A time as stored: UTC RFC 3339 with milliseconds.
pub(crate) fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn parse_timestamp(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| conversion(0, e))
}

fn conversion(col: usize, err: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, Type::Text, Box::new(err))
}

/// A stored word that is not one of ours: the file was edited by hand.
pub(crate) fn unknown_key(column: usize, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        Type::Text,
        format!("unknown value “{value}”").into(),
    )
}

/// Reads a UUID stored as text (by column name, or by position in hot loops).
pub(crate) fn uuid(row: &Row<'_>, col: impl RowIndex) -> rusqlite::Result<Uuid> {
    let text = row.get_ref(col)?.as_str()?;
    Uuid::parse_str(text).map_err(|e| conversion(0, e))
}

/// Reads a UUID stored as text that may be NULL.
pub(crate) fn optional_uuid(row: &Row<'_>, col: impl RowIndex) -> rusqlite::Result<Option<Uuid>> {
    row.get_ref(col)?
        .as_str_or_null()?
        .map(|text| Uuid::parse_str(text).map_err(|e| conversion(0, e)))
        .transpose()
}

pub(crate) fn date(row: &Row<'_>, col: impl RowIndex) -> rusqlite::Result<NaiveDate> {
    let text = row.get_ref(col)?.as_str()?;
    iso_date(text)
        .map_or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d"), Ok)
        .map_err(|e| conversion(0, e))
}

/// "2026-03-05" read directly: screens read thousands of stored dates, and this is what
/// SQLite's `date()` writes. Anything else goes through chrono's parser.
fn iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(number(0..4)?).ok()?,
        number(5..7)?,
        number(8..10)?,
    )
}

/// Reads a stored word into one of the core's enums.
pub(crate) fn word<T, I: RowIndex + std::fmt::Debug + Copy>(
    row: &Row<'_>,
    col: I,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text = row.get_ref(col)?.as_str()?;
    parse(text).ok_or_else(|| {
        conversion(
            0,
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("unknown value “{text}” in column {col:?}"),
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dates_read_as_chrono_reads_them() {
        for text in [
            "2026-03-05",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-5",
            "2026-01-5 ",
            "20x6-01-05",
            "2026/01/05",
            "",
            "２０２６-01-05",
        ] {
            let chrono = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            let direct = iso_date(text);
            assert!(
                direct.is_none() || direct == chrono,
                "{text:?}: {direct:?} vs {chrono:?}"
            );
            if text.len() == 10 && text.is_ascii() {
                assert_eq!(direct, chrono, "{text:?}");
            }
        }
    }
}
