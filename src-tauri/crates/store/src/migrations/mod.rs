//! The schema, as an append-only list of migrations. Never edit one that has shipped: add a new
//! one. `user_version` holds how many have run.

use rusqlite_migration::{Migrations, M};

pub(crate) fn all() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("001_profile.sql")),
        M::up(include_str!("002_audit.sql")),
        M::up(include_str!("003_stakeholders.sql")),
        M::up_with_hook(include_str!("004_crisis.sql"), crate::crisis::seed),
        M::up(include_str!("005_goals.sql")),
        M::up(include_str!("006_scenario_findings.sql")),
        M::up(include_str!("007_roadmap.sql")),
        M::up(include_str!("008_trash.sql")),
        M::up(include_str!("009_readiness.sql")),
        M::up(include_str!("010_workshop.sql")),
        M::up(include_str!("011_document_settings.sql")),
        M::up(include_str!("012_document_logo.sql")),
        M::up(include_str!("013_money_minor_units.sql")),
        M::up(include_str!("014_figure_imports.sql")),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_the_count_matches() {
        all()
            .validate()
            .expect("every migration applies to an empty database");
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        all().to_latest(&mut conn).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(
            version,
            crate::SCHEMA_VERSION,
            "SCHEMA_VERSION must match the migration list"
        );
    }
}
