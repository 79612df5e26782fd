//! The Groundwork workbook file: one SQLite database per workbook, used as an application file
//! format. Opening checks that the file is ours and of a version we read, migrates older files
//! after backing them up, and sets the connection up the same way every time.

mod audit;
mod backup;
mod crisis;
mod document_settings;
mod error;
mod figures;
mod goals;
mod header;
mod holder;
mod library;
mod lock;
mod migrations;
mod open;
mod portable;
mod profile;
mod readiness;
mod roadmap;
mod sql;
mod stakeholders;
mod trash;
mod workshop;

pub use audit::{ChannelUsage, FindingUsage};
pub use backup::{backups_dir, list_backups, Backup, BACKUP_EVERY_HOURS, KEEP_BACKUPS};
pub use error::StoreError;
pub use figures::FigureImport;
pub use header::{APPLICATION_ID, SCHEMA_VERSION};
pub use holder::{identify_as, Holder, Opener};
pub use library::{
    create_in, delete_workbook, duplicate_workbook, list_workbooks, rename_workbook,
    UnreadableFile, WorkbookListing, WorkbookSummary, WORKBOOK_EXTENSION,
};
pub use lock::{claim_to_replace, WriterLock};
pub use portable::{
    import_json, import_json_into, ImportError, ImportProblem, FORMAT, FORMAT_VERSION,
};
pub use stakeholders::search::{
    fts_query, SearchHit, SearchHitKind, SearchResults, Segment, MAX_HITS,
};
pub use trash::{TrashEntry, KEEP_DAYS};
pub use workshop::ConvertRequest;

use std::path::{Path, PathBuf};

use groundwork_core::workbook::{Step, StepCount, Workbook};
use rusqlite::{Connection, Transaction};
use uuid::Uuid;

pub type Result<T> = std::result::Result<T, StoreError>;

/// Whether `table` holds a row with this id, on a connection or inside a transaction. `table`
/// is always a name from the code.
pub(crate) fn row_exists(conn: &Connection, table: &str, id: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .exists([id])
}

/// An open workbook.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    /// Read-only because another window holds the workbook's writer lock.
    open_elsewhere: bool,
    /// This window's writer lock, released when the store is dropped (after the connection).
    _writer_lock: Option<std::fs::File>,
    /// A second, read-only connection for reading the whole workbook on two threads; opened on
    /// first use and kept, so its page cache stays warm. Empty while lent to a thread, and when
    /// it cannot be opened (an in-memory or immutable workbook).
    second_reader: std::cell::RefCell<Option<Connection>>,
}

impl Store {
    /// Creates a new workbook file at `path`. Refuses to replace an existing file.
    pub fn create(path: &Path, name: &str, organisation: &str) -> Result<Self> {
        open::create(path, name, organisation)
    }

    /// Opens an existing workbook. A file that is not a workbook, or that a newer Groundwork
    /// wrote, is refused and left untouched; an older one is backed up, then migrated.
    pub fn open(path: &Path) -> Result<Self> {
        open::open(path)
    }

    /// A throwaway workbook in memory, for tests.
    pub fn in_memory(name: &str) -> Result<Self> {
        open::in_memory(name)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when the file could only be opened for reading; every write is then refused with
    /// a sentence that says so.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Why the workbook is read-only, when it is because another window has it open.
    pub fn read_only_reason(&self) -> Option<String> {
        self.open_elsewhere.then(|| {
            StoreError::OpenElsewhere {
                path: self.path.clone(),
            }
            .to_string()
        })
    }

    /// Everything the workbook holds and the organisation's logo: what a document prints.
    pub fn load_workbook_to_print(&self) -> Result<Workbook> {
        let mut workbook = self.load_workbook()?;
        workbook.logo = self.logo()?;
        Ok(workbook)
    }

    /// Everything the workbook holds but its logo, for the readiness review, summaries and
    /// exports; [`Store::load_workbook_to_print`] adds the logo.
    ///
    /// Read on two threads: the interviews, audit and crisis plan on the second connection,
    /// the rest on this one. The workbook has one writer (this store, or another window while
    /// this one only reads), and nothing is written meanwhile, so both read the same data.
    /// Inside an open transaction, or without a second connection, it is read on this thread.
    pub fn load_workbook(&self) -> Result<Workbook> {
        let lent = if self.conn.is_autocommit() {
            self.lend_second_reader()
        } else {
            None
        };
        let Some(reader) = lent else {
            return self.load_workbook_here();
        };
        let path = self.path.clone();
        let (theirs, reader) = std::thread::scope(|scope| {
            let thread = scope.spawn(move || {
                let store = Store::second(reader, path);
                let read = (|| {
                    Ok::<_, StoreError>((
                        store.stakeholder_records()?,
                        store.audit()?,
                        store.crisis_plan()?,
                    ))
                })();
                (read, store.conn)
            });
            thread.join().ok().unzip()
        });
        *self.second_reader.borrow_mut() = reader;
        let Some(Ok((stakeholders, audit, crisis))) = theirs else {
            // The second connection could not read (busy, or gone): read it all here.
            return self.load_workbook_here();
        };
        Ok(Workbook {
            profile: self.profile()?,
            audit,
            stakeholders,
            crisis,
            goals: self.goals()?,
            roadmap: self.roadmap()?,
            dismissals: self.dismissals()?,
            documents: self.document_settings()?,
            // Only documents print it (`load_workbook_to_print`): the readiness review and
            // the traceability map read the workbook often and need not read an image.
            logo: None,
        })
    }

    fn load_workbook_here(&self) -> Result<Workbook> {
        Ok(Workbook {
            profile: self.profile()?,
            audit: self.audit()?,
            stakeholders: self.stakeholder_records()?,
            crisis: self.crisis_plan()?,
            goals: self.goals()?,
            roadmap: self.roadmap()?,
            dismissals: self.dismissals()?,
            documents: self.document_settings()?,
            // Only documents print it (`load_workbook_to_print`): the readiness review and
            // the traceability map read the workbook often and need not read an image.
            logo: None,
        })
    }

    /// The second connection, opened on first use; `None` when it cannot be.
    fn lend_second_reader(&self) -> Option<Connection> {
        let mut slot = self.second_reader.borrow_mut();
        if slot.is_none() {
            *slot = open::second_reader(&self.path);
        }
        slot.take()
    }

    /// A store around the second connection, for one thread's reads.
    fn second(conn: Connection, path: PathBuf) -> Store {
        Store {
            conn,
            path,
            read_only: true,
            open_elsewhere: false,
            _writer_lock: None,
            second_reader: std::cell::RefCell::default(),
        }
    }

    /// How many records each step holds. Steps add their tables to this count as they land.
    pub fn step_counts(&self) -> Result<Vec<StepCount>> {
        Step::ALL
            .into_iter()
            .map(|step| {
                Ok(StepCount {
                    step,
                    title: step.title().to_owned(),
                    records: match step {
                        Step::Audit => self.audit_record_count()?,
                        Step::Stakeholders => self.stakeholder_record_count()?,
                        Step::Crisis => self.crisis_records()?,
                        Step::Goals => self.goals_record_count()?,
                        Step::Roadmap => self.roadmap_record_count()?,
                    },
                })
            })
            .collect()
    }

    /// Whether `table` holds a row with this id: what a write checks before it points at
    /// another record, without reading the whole table. `table` is always a name from the code.
    pub(crate) fn exists(&self, table: &str, id: Uuid) -> Result<bool> {
        row_exists(&self.conn, table, &id.to_string()).map_err(|e| self.sql_error(e))
    }

    /// Every id in `table`, for checking the links of an edit (an id that is not a UUID can't
    /// be linked to and is left out). `table` is a name from the code.
    pub(crate) fn ids(&self, table: &str) -> Result<Vec<Uuid>> {
        let read = || -> rusqlite::Result<Vec<Uuid>> {
            let mut st = self
                .conn
                .prepare_cached(&format!("SELECT id FROM {table}"))?;
            let ids = st.query_map([], |r| r.get::<_, String>(0))?;
            let mut out = Vec::new();
            for id in ids {
                if let Ok(id) = Uuid::parse_str(&id?) {
                    out.push(id);
                }
            }
            Ok(out)
        };
        read().map_err(|e| self.sql_error(e))
    }

    /// Runs `f` in one transaction: all of its writes land, or none do.
    pub(crate) fn with_tx<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        if self.open_elsewhere {
            return Err(StoreError::OpenElsewhere {
                path: self.path.clone(),
            });
        }
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        // IMMEDIATE takes the write lock up front (waiting up to the busy timeout), so a
        // transaction that reads before it writes never fails halfway because another
        // connection wrote in between.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| StoreError::from_sqlite(e, &self.path))?;
        let value = f(&tx)?;
        tx.commit()
            .map_err(|e| StoreError::from_sqlite(e, &self.path))?;
        Ok(value)
    }

    /// Writes the write-ahead log back into the file so the single `.groundwork` file is
    /// complete (copyable to a USB stick) once the workbook is closed.
    pub fn close(self) -> Result<()> {
        if !self.read_only {
            self.conn
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
                .map_err(|e| StoreError::from_sqlite(e, &self.path))?;
        }
        self.conn
            .close()
            .map_err(|(_, e)| StoreError::from_sqlite(e, &self.path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::channels::tests::forum;
    use crate::goals::tests::objective_and_goal;
    use crate::stakeholders::tests::edit as person;

    #[test]
    fn the_whole_workbook_is_read_on_two_connections_as_on_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::create(&dir.path().join("Two.groundwork"), "Two", "Org").unwrap();
        store.save_channel(None, &forum("Forum")).unwrap();
        store.save_stakeholder(None, &person("Ana")).unwrap();
        objective_and_goal(&mut store);
        let wb = store.load_workbook().unwrap();
        assert!(
            store.second_reader.borrow().is_some(),
            "the workbook was read on two connections"
        );
        assert_eq!(
            wb,
            store.load_workbook_here().unwrap(),
            "two connections read what one does"
        );
        assert_eq!(wb.audit.channels.len(), 1);
        assert_eq!(wb.stakeholders.stakeholders.len(), 1);
        assert_eq!(wb.goals.goals.len(), 1);
        // An edit made after the second connection opened is read by it at once.
        store.save_channel(None, &forum("Added later")).unwrap();
        let again = store.load_workbook().unwrap();
        assert!(again.audit.channels.iter().any(|c| c.name == "Added later"));
    }
}
