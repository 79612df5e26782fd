use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use super::cells::{date_of, number_of, DateReading, DecimalReading};
use super::mapping::{
    suggest_kpi, suggest_snapshots, ChannelSource, Figure, FigureColumn, FigureMapping,
    FigureTarget, OnExisting,
};
use super::plan::{plan, Holding, RowAction, Write};
use super::table::{Cell, SourceTable};
use crate::audit::channels::{Channel, ChannelKind, Ownership};
use crate::audit::snapshots::Snapshot;
use crate::goals::measurements::Measurement;
use crate::goals::values::{DayOrder, NumberStyle};
use crate::readiness::fixture::kpi;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 6, 30)
}

/// A table from text rows, the first line numbered 1.
fn table(rows: &[&[&str]]) -> SourceTable {
    SourceTable::from_text_rows(rows)
}

fn channel(name: &str) -> Channel {
    Channel {
        id: Uuid::now_v7(),
        kind: ChannelKind::Forum,
        name: name.into(),
        link: String::new(),
        ownership: Ownership::Owned,
        audience: String::new(),
        run_by: String::new(),
        notes: String::new(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn kpi_mapping(kpi_id: Uuid) -> FigureMapping {
    FigureMapping {
        date_column: 0,
        dates: DateReading::Auto,
        decimals: DecimalReading::Auto,
        target: FigureTarget::Kpi {
            kpi_id,
            value_column: 1,
        },
        on_existing: OnExisting::Keep,
    }
}

#[test]
fn a_header_row_is_found_and_blank_rows_dropped() {
    let t = table(&[&["Date", "Members"], &["", ""], &["2026-03-14", "1,200"]]);
    assert!(t.has_header);
    assert_eq!(t.headers, ["Date", "Members"]);
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].line, 3);
    let bare = table(&[&["2026-03-14", "1200"], &["2026-03-15", "1210"]]);
    assert!(!bare.has_header);
    assert_eq!(bare.headers, ["Column 1", "Column 2"]);
    assert_eq!(bare.signature(), "");
    assert_eq!(t.signature(), "date\u{1f}members");
}

#[test]
fn dates_are_read_in_the_forms_exports_use() {
    let text = |s: &str| Cell::Text(s.into());
    let first = DayOrder::DayFirst;
    assert_eq!(date_of(&text("2026-03-14"), first), Some(d(2026, 3, 14)));
    assert_eq!(date_of(&text("Mar 14, 2026"), first), Some(d(2026, 3, 14)));
    assert_eq!(date_of(&text("14/03/2026"), first), Some(d(2026, 3, 14)));
    assert_eq!(
        date_of(&text("03/04/2026"), DayOrder::MonthFirst),
        Some(d(2026, 3, 4))
    );
    assert_eq!(
        date_of(&text("2026-03-14T00:00:00+00:00"), first),
        Some(d(2026, 3, 14))
    );
    // Excel serial dates, as a number cell or as text from a CSV written by Excel.
    assert_eq!(date_of(&Cell::Number(46095.0), first), Some(d(2026, 3, 14)));
    assert_eq!(date_of(&text("46095"), first), Some(d(2026, 3, 14)));
    // A count is not a date.
    assert_eq!(date_of(&Cell::Number(1200.0), first), None);
    assert_eq!(date_of(&text("soon"), first), None);
}

#[test]
fn numbers_are_read_with_either_decimal_mark_and_percentages() {
    let text = |s: &str| Cell::Text(s.into());
    let point = NumberStyle::DecimalPoint;
    assert_eq!(number_of(&text("1,250"), point), Some(1250.0));
    assert_eq!(
        number_of(&text("12,5"), NumberStyle::DecimalComma),
        Some(12.5)
    );
    assert_eq!(
        number_of(&text("1.250,5"), NumberStyle::DecimalComma),
        Some(1250.5)
    );
    assert_eq!(number_of(&text("45 %"), point), Some(45.0));
    assert_eq!(number_of(&text("45%"), point), Some(45.0));
    assert_eq!(number_of(&text("n/a"), point), None);
    assert_eq!(number_of(&text("about 300"), point), None);
    assert_eq!(number_of(&Cell::Number(7.5), point), Some(7.5));
}

#[test]
fn a_kpi_import_adds_keeps_replaces_and_lists_bad_rows_with_their_lines() {
    let k = kpi(
        Uuid::now_v7(),
        Uuid::now_v7(),
        "Questions answered by members",
    );
    let existing = vec![Measurement {
        id: Uuid::now_v7(),
        kpi_id: k.id,
        measured_on: d(2026, 2, 1),
        value: 30.0,
        note: String::new(),
        created_at: Utc::now(),
    }];
    let t = table(&[
        &["Date", "Value"],
        &["2026-01-01", "25"],
        &["2026-02-01", "31"],
        &["2026-03-01", "abc"],
        &["2027-03-01", "40"],
        &["2026-01-01", "26"],
        &["yesterday", "26"],
    ]);
    let holding = Holding::Kpi {
        kpi: &k,
        measurements: &existing,
    };
    let keep = plan(&t, &kpi_mapping(k.id), &holding, today()).unwrap();
    let p = &keep.preview;
    assert_eq!((p.added, p.replaced, p.kept, p.problem_count), (1, 0, 1, 4));
    let lines: Vec<u32> = p.problems.iter().map(|x| x.line).collect();
    assert_eq!(lines, [4, 5, 6, 7]);
    assert!(
        p.problems[1].message.contains("after today"),
        "{:?}",
        p.problems[1]
    );
    assert!(p.problems[2].message.contains("line 2 was kept"));
    assert!(p.summary.starts_with("1 row to add"), "{}", p.summary);
    assert_eq!(keep.writes.len(), 1);

    let mut mapping = kpi_mapping(k.id);
    mapping.on_existing = OnExisting::Replace;
    let replace = plan(&t, &mapping, &holding, today()).unwrap();
    assert_eq!(replace.preview.replaced, 1);
    let replaced = replace
        .preview
        .rows
        .iter()
        .find(|r| r.action == RowAction::Replace)
        .unwrap();
    assert_eq!(replaced.changes[0].before.as_deref(), Some("30%"));
    assert!(matches!(
        &replace.writes[1],
        Write::Measurement { replaces: Some(m), value, .. } if m.value == 30.0 && *value == 31.0
    ));
}

#[test]
fn three_columns_pasted_for_a_kpi_are_read_by_the_mapping_not_glued_into_one_number() {
    let k = kpi(Uuid::now_v7(), Uuid::now_v7(), "Members");
    let t = table(&[&["2026-03-14", "1200", "350"]]);
    let p = plan(
        &t,
        &kpi_mapping(k.id),
        &Holding::Kpi {
            kpi: &k,
            measurements: &[],
        },
        today(),
    )
    .unwrap();
    assert!(matches!(&p.writes[0], Write::Measurement { value, .. } if *value == 1200.0));
}

#[test]
fn snapshot_rows_find_their_channel_by_name_and_check_each_figure() {
    let forum = channel("Maker Forum");
    let discord = channel("Discord");
    let channels = vec![forum.clone(), discord.clone()];
    let held = vec![Snapshot {
        id: Uuid::now_v7(),
        channel_id: forum.id,
        taken_on: d(2026, 3, 1),
        members: Some(1000.0),
        active_members: None,
        posts_per_month: None,
        median_response_hours: None,
        sentiment: None,
        custom: Vec::new(),
        notes: String::new(),
        created_at: Utc::now(),
    }];
    let t = table(&[
        &[
            "Date",
            "Channel",
            "Members",
            "Active members",
            "Sentiment",
            "NPS",
        ],
        &["2026-03-01", "maker  forum", "1,100", "", "", ""],
        &["2026-03-01", "Discord", "500", "120", "4", "31"],
        &["2026-03-02", "Mastodon", "10", "", "", ""],
        &["2026-03-03", "Discord", "-5", "", "", ""],
        &["2026-03-04", "Discord", "12.5", "", "", ""],
        &["2026-03-05", "Discord", "", "", "7", ""],
        &["2026-03-06", "Discord", "", "", "", ""],
    ]);
    let (mut mapping, preset) = suggest_snapshots(&t, None);
    assert_eq!(preset, None);
    assert_eq!(mapping.date_column, 0);
    let FigureTarget::Snapshots { channel, figures } = &mut mapping.target else {
        panic!("a snapshot mapping");
    };
    assert_eq!(*channel, ChannelSource::Column { column: 1 });
    assert_eq!(
        figures.iter().map(|f| f.figure.clone()).collect::<Vec<_>>(),
        [Figure::Members, Figure::ActiveMembers, Figure::Sentiment]
    );
    figures.push(FigureColumn {
        column: 5,
        figure: Figure::Custom {
            name: "Net promoter score".into(),
        },
    });
    let holding = Holding::Channels {
        channels: &channels,
        snapshots: &held,
    };
    let p = plan(&t, &mapping, &holding, today()).unwrap();
    let messages: Vec<(u32, &str)> = p
        .preview
        .problems
        .iter()
        .map(|x| (x.line, x.message.as_str()))
        .collect();
    assert_eq!(messages.len(), 5, "{messages:?}");
    assert!(messages[0].1.contains("“Mastodon” is not a channel"));
    assert!(messages[1].1.contains("can’t be negative"));
    assert!(messages[2].1.contains("whole number"));
    assert!(messages[3].1.contains("Sentiment is scored from 1"));
    assert!(messages[4].1.contains("none of the mapped figures"));
    assert_eq!((p.preview.added, p.preview.kept), (1, 1));
    let Write::Snapshot {
        figures,
        channel_id,
        ..
    } = &p.writes[0]
    else {
        panic!("a snapshot write");
    };
    assert_eq!(*channel_id, discord.id);
    assert_eq!(figures.len(), 4);
}

#[test]
fn a_mapping_that_cannot_apply_says_why() {
    let k = kpi(Uuid::now_v7(), Uuid::now_v7(), "Members");
    let t = table(&[&["Date", "Value"], &["2026-03-01", "4"]]);
    let mut mapping = kpi_mapping(k.id);
    mapping.target = FigureTarget::Kpi {
        kpi_id: k.id,
        value_column: 9,
    };
    let holding = Holding::Kpi {
        kpi: &k,
        measurements: &[],
    };
    let err = plan(&t, &mapping, &holding, today()).unwrap_err();
    assert!(err.0.contains("column 10 is not there"), "{}", err.0);
    mapping.target = FigureTarget::Kpi {
        kpi_id: k.id,
        value_column: 0,
    };
    assert!(plan(&t, &mapping, &holding, today())
        .unwrap_err()
        .0
        .contains("also mapped"));
}

#[test]
fn decimal_commas_and_day_order_are_read_from_the_file_and_reported() {
    let k = kpi(Uuid::now_v7(), Uuid::now_v7(), "Cost");
    let t = table(&[
        &["Datum", "Wert"],
        &["03/04/2026", "12,5"],
        &["25/04/2026", "1.250,5"],
    ]);
    let p = plan(
        &t,
        &kpi_mapping(k.id),
        &Holding::Kpi {
            kpi: &k,
            measurements: &[],
        },
        today(),
    )
    .unwrap();
    let values: Vec<(NaiveDate, f64)> = p
        .writes
        .iter()
        .filter_map(|w| match w {
            Write::Measurement {
                measured_on, value, ..
            } => Some((*measured_on, *value)),
            Write::Snapshot { .. } => None,
        })
        .collect();
    assert_eq!(values, [(d(2026, 4, 3), 12.5), (d(2026, 4, 25), 1250.5)]);
    assert_eq!(p.preview.notes.len(), 2, "{:?}", p.preview.notes);
}

#[test]
fn a_kpi_mapping_is_suggested_from_the_column_names() {
    let t = table(&[
        &["Channel", "Week", "Questions answered by members"],
        &["x", "2026-03-01", "4"],
    ]);
    let id = Uuid::now_v7();
    let m = suggest_kpi(&t, id, "Questions answered by members");
    assert_eq!(m.date_column, 1);
    assert_eq!(
        m.target,
        FigureTarget::Kpi {
            kpi_id: id,
            value_column: 2
        }
    );
}

#[test]
fn a_known_export_is_recognised_by_its_preset() {
    let t = table(&[
        &[
            "interval_start_timestamp",
            "total_membership",
            "communicators",
            "messages",
        ],
        &["2026-03-01T00:00:00", "1200", "300", "4100"],
    ]);
    let one = Uuid::now_v7();
    let (m, preset) = suggest_snapshots(&t, Some(one));
    assert!(preset.is_some_and(|p| p.starts_with("Chat server")));
    assert_eq!(
        m.target,
        FigureTarget::Snapshots {
            channel: ChannelSource::One { channel_id: one },
            figures: vec![
                FigureColumn {
                    column: 1,
                    figure: Figure::Members
                },
                FigureColumn {
                    column: 2,
                    figure: Figure::ActiveMembers
                },
                FigureColumn {
                    column: 3,
                    figure: Figure::PostsPerMonth
                },
            ]
        }
    );
}

#[test]
fn delimited_rows_keep_the_lines_a_person_counts() {
    use super::delimited::{rows, sniff};
    let text = "Date;Note\r\n\r\n2026-03-01;\"two\nlines\"\r\n2026-03-02;12,5\r\n";
    assert_eq!(
        sniff(text),
        b';',
        "decimal commas don't make it comma-separated"
    );
    let (read, cut) = rows(text, b';', 10);
    assert!(!cut);
    let lines: Vec<u32> = read.iter().map(|r| r.line).collect();
    assert_eq!(lines, [1, 3, 5]);
    assert_eq!(read[1].cells[1], Cell::Text("two\nlines".into()));
}
