use chrono::NaiveDate;
use groundwork_core::audit::snapshots::{CustomFigureEdit, SnapshotEdit};
use groundwork_core::figures::cells::{DateReading, DecimalReading};
use groundwork_core::figures::mapping::{
    ChannelSource, Figure, FigureColumn, FigureMapping, FigureTarget, OnExisting,
};
use groundwork_core::figures::table::SourceTable;
use groundwork_core::goals::measurements::MeasurementEdit;

use crate::audit::channels::tests::forum;
use crate::goals::kpis::tests::edit as kpi_edit;
use crate::goals::tests::objective_and_goal;
use crate::{Store, StoreError};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn table(rows: &[&[&str]]) -> SourceTable {
    SourceTable::from_text_rows(rows)
}

fn mapping(target: FigureTarget, on_existing: OnExisting) -> FigureMapping {
    FigureMapping {
        date_column: 0,
        dates: DateReading::Auto,
        decimals: DecimalReading::Auto,
        target,
        on_existing,
    }
}

#[test]
fn a_kpi_import_is_written_whole_remembered_and_undone() {
    let mut store = Store::in_memory("Figures").unwrap();
    let (_, goal) = objective_and_goal(&mut store);
    let kpi = store.save_kpi(None, &kpi_edit(goal.id)).unwrap();
    store
        .save_measurement(
            kpi.id,
            None,
            &MeasurementEdit {
                measured_on: "2026-02-01".into(),
                value: "30".into(),
                note: "typed by hand".into(),
            },
            today(),
        )
        .unwrap();
    let t = table(&[
        &["Date", "Answered by members"],
        &["2026-01-01", "25 %"],
        &["2026-02-01", "31"],
        &["2026-03-01", "n/a"],
    ]);
    let m = mapping(
        FigureTarget::Kpi {
            kpi_id: kpi.id,
            value_column: 1,
        },
        OnExisting::Replace,
    );
    let plan = store.plan_figures(&t, &m, today()).unwrap();
    assert_eq!((plan.preview.added, plan.preview.replaced), (1, 1));
    assert_eq!(
        store.kpi_measurements(kpi.id).unwrap().len(),
        1,
        "planning writes nothing"
    );

    let done = store
        .import_figures(&t, &m, "answers.csv", today())
        .unwrap();
    assert!(
        done.preview
            .summary
            .starts_with("1 row added, 1 row replaced"),
        "{}",
        done.preview.summary
    );
    let values: Vec<f64> = store
        .kpi_measurements(kpi.id)
        .unwrap()
        .iter()
        .map(|m| m.value)
        .collect();
    assert_eq!(values.len(), 2);
    assert!(values.contains(&25.0) && values.contains(&31.0));
    assert_eq!(
        store.saved_figure_mapping(&t.signature(), true).unwrap(),
        Some(m.clone()),
        "the mapping is kept for the next export with the same columns"
    );
    assert_eq!(
        store.saved_figure_mapping(&t.signature(), false).unwrap(),
        None
    );

    let said = store.undo_figure_import(done.id).unwrap();
    assert!(said.contains("2 rows are as they were"), "{said}");
    let after = store.kpi_measurements(kpi.id).unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(
        (after[0].value, after[0].note.as_str()),
        (30.0, "typed by hand")
    );
    let again = store.undo_figure_import(done.id).unwrap_err();
    assert!(again.to_string().contains("already undone"), "{again}");
}

#[test]
fn snapshots_are_added_and_replaced_figure_by_figure_and_undo_restores_them() {
    let mut store = Store::in_memory("Figures").unwrap();
    let forum_channel = store.save_channel(None, &forum("Makers forum")).unwrap();
    let discord = store.save_channel(None, &forum("Discord")).unwrap();
    let held = store
        .save_snapshot(
            None,
            &SnapshotEdit {
                channel_id: forum_channel.id,
                taken_on: "2026-03-01".into(),
                members: "1000".into(),
                active_members: "200".into(),
                posts_per_month: String::new(),
                median_response_hours: String::new(),
                sentiment: String::new(),
                custom: vec![CustomFigureEdit {
                    name: "Solved threads".into(),
                    value: "12".into(),
                }],
                notes: "counted by hand".into(),
            },
            today(),
        )
        .unwrap();
    let t = table(&[
        &["Date", "Channel", "Members", "Solved threads"],
        &["2026-03-01", "MAKERS FORUM", "1100", "14"],
        &["2026-03-01", "Discord", "480", ""],
        &["2026-03-02", "Mastodon", "40", ""],
    ]);
    let m = mapping(
        FigureTarget::Snapshots {
            channel: ChannelSource::Column { column: 1 },
            figures: vec![
                FigureColumn {
                    column: 2,
                    figure: Figure::Members,
                },
                FigureColumn {
                    column: 3,
                    figure: Figure::Custom {
                        name: "solved threads".into(),
                    },
                },
            ],
        },
        OnExisting::Replace,
    );
    let done = store
        .import_figures(&t, &m, "report.xlsx", today())
        .unwrap();
    assert_eq!(
        (
            done.preview.added,
            done.preview.replaced,
            done.preview.problem_count
        ),
        (1, 1, 1)
    );
    let snapshots = store.snapshots().unwrap();
    let changed = snapshots.iter().find(|s| s.id == held.id).unwrap();
    assert_eq!(changed.members, Some(1100.0));
    assert_eq!(
        changed.active_members,
        Some(200.0),
        "figures not in the file stay"
    );
    assert_eq!(
        changed.custom.len(),
        1,
        "a named figure is matched whatever its case"
    );
    assert_eq!(changed.custom[0].value, 14.0);
    assert_eq!(changed.notes, "counted by hand");
    let added = snapshots
        .iter()
        .find(|s| s.channel_id == discord.id)
        .unwrap();
    assert_eq!((added.members, added.active_members), (Some(480.0), None));

    store.undo_figure_import(done.id).unwrap();
    let snapshots = store.snapshots().unwrap();
    assert_eq!(snapshots.len(), 1);
    assert_eq!(snapshots[0], held, "the replaced snapshot is as it was");
}

#[test]
fn a_mapping_that_cannot_apply_and_a_workbook_without_channels_say_why() {
    let mut store = Store::in_memory("Figures").unwrap();
    let t = table(&[&["Date", "Members"], &["2026-03-01", "10"]]);
    let m = mapping(
        FigureTarget::Snapshots {
            channel: ChannelSource::Column { column: 1 },
            figures: vec![FigureColumn {
                column: 1,
                figure: Figure::Members,
            }],
        },
        OnExisting::Keep,
    );
    let err = store.import_figures(&t, &m, "x.csv", today()).unwrap_err();
    assert!(err.to_string().contains("no channels yet"), "{err}");
    store.save_channel(None, &forum("Forum")).unwrap();
    let err = store.plan_figures(&t, &m, today()).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)));
    assert_eq!(store.snapshots().unwrap().len(), 0);
}
