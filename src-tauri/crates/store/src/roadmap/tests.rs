use chrono::NaiveDate;
use groundwork_core::audit::channels::{ChannelEdit, ChannelKind, Ownership};
use groundwork_core::goals::kpis::{Cadence, Direction, KpiCategory, KpiEdit, KpiOwner};
use groundwork_core::goals::{GoalEdit, ObjectiveEdit};
use groundwork_core::roadmap::{
    FlagKind, InitiativeEdit, InitiativeStatus, Money, PhaseEdit, Schedule,
};
use groundwork_core::workbook::Step;
use uuid::Uuid;

use crate::{Store, StoreError};

fn phase(store: &mut Store, name: &str, start: &str, end: &str) -> groundwork_core::roadmap::Phase {
    store
        .save_phase(
            None,
            &PhaseEdit {
                name: name.into(),
                start: start.into(),
                end: end.into(),
                objective: "Win the first members".into(),
            },
        )
        .unwrap()
}

fn goal(store: &mut Store, title: &str) -> Uuid {
    let o = store
        .save_objective(
            None,
            &ObjectiveEdit {
                title: format!("Objective for {title}"),
                description: String::new(),
            },
        )
        .unwrap();
    store
        .save_goal(
            None,
            &GoalEdit {
                objective_id: o.id,
                title: title.into(),
                description: String::new(),
                evidence: Vec::new(),
            },
        )
        .unwrap()
        .id
}

fn dated(title: &str, start: &str, end: &str) -> InitiativeEdit {
    InitiativeEdit {
        title: title.into(),
        schedule: Schedule::Dated,
        start: start.into(),
        end: end.into(),
        ..InitiativeEdit::default()
    }
}

#[test]
fn an_initiative_round_trips_with_every_link() {
    let mut store = Store::in_memory("Roadmap").unwrap();
    let p = phase(&mut store, "Launch 🚀", "2026-04-01", "2026-06-30");
    let g = goal(&mut store, "Members answer members");
    let kpi = store
        .save_kpi(
            None,
            &KpiEdit {
                goal_id: g,
                name: "Answer rate".into(),
                category: KpiCategory::Engagement,
                custom_category: String::new(),
                definition: String::new(),
                unit: "%".into(),
                direction: Direction::Higher,
                baseline_value: "20".into(),
                baseline_date: "2026-01-01".into(),
                target_value: "60".into(),
                target_date: "2026-12-31".into(),
                data_source: String::new(),
                owner: KpiOwner::default(),
                cadence: Cadence::Monthly,
                weight: String::new(),
            },
        )
        .unwrap();
    let channel = store
        .save_channel(
            None,
            &ChannelEdit {
                kind: ChannelKind::Forum,
                name: "Forum".into(),
                link: String::new(),
                ownership: Ownership::Owned,
                audience: String::new(),
                run_by: String::new(),
                notes: String::new(),
            },
        )
        .unwrap();
    let ines = store
        .save_stakeholder(None, &crate::stakeholders::tests::edit("Inês"))
        .unwrap();
    let ines_id = ines.id;
    let first = store
        .save_initiative(None, &dated("Forum launch", "2026-04-01", "2026-04-30"))
        .unwrap();
    let edit = InitiativeEdit {
        description: "<b>not bold</b>\n\n社区".into(),
        phase_id: Some(p.id),
        goal_ids: vec![g],
        kpi_ids: vec![kpi.id],
        channel_ids: vec![channel.id],
        owner: KpiOwner {
            stakeholder_id: Some(ines_id),
            name: "Inês".into(),
        },
        team: "Support".into(),
        budget: "12,500.50".into(),
        currency: "eur".into(),
        status: InitiativeStatus::InProgress,
        milestone: false,
        depends_on: vec![first.id],
        ..dated("Ambassador programme", "2026-05-01", "2026-06-15")
    };
    let saved = store.save_initiative(None, &edit).unwrap();
    assert_eq!(saved.phase_id, Some(p.id));
    assert_eq!(saved.goal_ids, vec![g]);
    assert_eq!(saved.kpi_ids, vec![kpi.id]);
    assert_eq!(saved.channel_ids, vec![channel.id]);
    assert_eq!(saved.depends_on, vec![first.id]);
    assert_eq!(
        saved.budget,
        Some(Money {
            minor: 1_250_050,
            currency: "EUR".into()
        })
    );
    assert_eq!(saved.start, NaiveDate::from_ymd_opt(2026, 5, 1));
    assert_eq!(saved.description, "<b>not bold</b>\n\n社区");
    let again = saved.to_edit();
    assert_eq!(again.budget, "12500.50");
    assert_eq!(again.currency, "EUR");
    let resaved = store.save_initiative(Some(saved.id), &again).unwrap();
    assert_eq!(
        resaved.budget, saved.budget,
        "the form's text reads back the same"
    );
    assert!(resaved.updated_at >= saved.updated_at);
    // One initiative read alone is the same as read with the whole roadmap.
    let whole = store.roadmap().unwrap();
    for i in &whole.initiatives {
        assert_eq!(&store.initiative(i.id).unwrap(), i);
    }
    assert!(matches!(
        store.initiative(Uuid::now_v7()),
        Err(StoreError::Gone("initiative"))
    ));

    let wb = store.load_workbook().unwrap();
    assert_eq!(wb.roadmap.phases.len(), 1);
    assert_eq!(wb.roadmap.initiatives.len(), 2);
    let counts = store.step_counts().unwrap();
    let roadmap = counts.iter().find(|c| c.step == Step::Roadmap).unwrap();
    assert_eq!(roadmap.records, 3, "one phase and two initiatives");

    // What the links point at can go; the initiative stays and loses only the link.
    store.delete_stakeholder(ines.id).unwrap();
    store.delete_channel(channel.id, true).unwrap();
    store.delete_kpi(kpi.id, true).unwrap();
    store.delete_goal(g, true).unwrap();
    let kept = store
        .roadmap()
        .unwrap()
        .initiative(saved.id)
        .cloned()
        .unwrap();
    assert_eq!(
        kept.owner,
        KpiOwner {
            stakeholder_id: None,
            name: "Inês".into()
        },
        "the typed name stays"
    );
    assert!(kept.goal_ids.is_empty() && kept.kpi_ids.is_empty() && kept.channel_ids.is_empty());
    store.delete_initiative(first.id).unwrap();
    assert!(
        store
            .roadmap()
            .unwrap()
            .initiative(saved.id)
            .unwrap()
            .depends_on
            .is_empty(),
        "a deleted initiative is no longer waited for"
    );
    assert!(matches!(
        store.delete_initiative(first.id),
        Err(StoreError::Gone(_))
    ));
}

#[test]
fn a_circle_of_dependencies_is_refused_and_nothing_is_written() {
    let mut store = Store::in_memory("Roadmap").unwrap();
    let a = store
        .save_initiative(None, &dated("Forum launch", "2026-01-01", "2026-01-31"))
        .unwrap();
    let b = store
        .save_initiative(
            None,
            &InitiativeEdit {
                depends_on: vec![a.id],
                ..dated("Ambassadors", "2026-02-01", "2026-03-01")
            },
        )
        .unwrap();
    let c = store
        .save_initiative(
            None,
            &InitiativeEdit {
                depends_on: vec![b.id],
                ..dated("Meetup", "2026-03-02", "2026-03-02")
            },
        )
        .unwrap();
    let err = store
        .save_initiative(
            Some(a.id),
            &InitiativeEdit {
                depends_on: vec![c.id],
                ..a.to_edit()
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("dependsOn"));
    assert!(
        err.to_string()
            .contains("“Forum launch” → “Meetup” → “Ambassadors” → “Forum launch”"),
        "{err}"
    );
    assert!(store
        .roadmap()
        .unwrap()
        .initiative(a.id)
        .unwrap()
        .depends_on
        .is_empty());
}

#[test]
fn bad_input_is_refused_at_its_field() {
    let mut store = Store::in_memory("Roadmap").unwrap();
    let err = store
        .save_phase(
            None,
            &PhaseEdit {
                name: "Launch".into(),
                start: "2026-05-01".into(),
                end: "2026-04-01".into(),
                objective: String::new(),
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("end"));
    let err = store
        .save_initiative(
            None,
            &InitiativeEdit {
                budget: "-1".into(),
                currency: "EUR".into(),
                ..dated("x", "2026-01-01", "2026-01-02")
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("budget"));
    let err = store
        .save_initiative(None, &dated("x", "2026-01-05", "2026-01-02"))
        .unwrap_err();
    assert_eq!(err.field(), Some("end"));
    assert!(store.roadmap().unwrap().is_empty(), "nothing saved");
    assert!(matches!(
        store.save_initiative(
            Some(Uuid::now_v7()),
            &dated("x", "2026-01-01", "2026-01-02")
        ),
        Err(StoreError::Gone("initiative"))
    ));
}

#[test]
fn deleting_a_phase_in_use_names_its_initiatives_and_keeps_them_unphased() {
    let mut store = Store::in_memory("Roadmap").unwrap();
    let p = phase(&mut store, "Foundation", "2026-01-01", "2026-03-31");
    for n in 1..=7 {
        store
            .save_initiative(
                None,
                &InitiativeEdit {
                    phase_id: Some(p.id),
                    ..dated(&format!("Task {n}"), "2026-01-01", "2026-01-10")
                },
            )
            .unwrap();
    }
    let err = store.delete_phase(p.id, false).unwrap_err();
    assert!(matches!(err, StoreError::InUse(_)));
    assert!(
        err.to_string().starts_with(
            "“Foundation” holds 7 initiatives (“Task 1”, “Task 2”, “Task 3”, “Task 4”, “Task 5” and 2 more). Deleting the phase keeps them"
        ),
        "{err}"
    );
    assert_eq!(
        store.roadmap().unwrap().phases.len(),
        1,
        "nothing removed before confirming"
    );
    store.delete_phase(p.id, true).unwrap();
    let r = store.roadmap().unwrap();
    assert!(r.phases.is_empty());
    assert_eq!(r.initiatives.len(), 7);
    assert!(r.initiatives.iter().all(|i| i.phase_id.is_none()));
    let empty = phase(&mut store, "Empty", "2026-01-01", "2026-01-02");
    store.delete_phase(empty.id, false).unwrap();
}

#[test]
fn the_overview_works_out_flags_and_totals() {
    let mut store = Store::in_memory("Roadmap").unwrap();
    let g = goal(&mut store, "Retention");
    let p = phase(&mut store, "Launch", "2026-04-01", "2026-04-30");
    store
        .save_initiative(
            None,
            &InitiativeEdit {
                phase_id: Some(p.id),
                goal_ids: vec![g],
                owner: KpiOwner {
                    stakeholder_id: None,
                    name: "Ana".into(),
                },
                budget: "1000".into(),
                currency: "EUR".into(),
                ..dated("Onboarding", "2026-04-20", "2026-05-10")
            },
        )
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 4, 2).unwrap();
    let o = store.roadmap_overview(today).unwrap();
    assert_eq!(o.goals.len(), 1);
    assert_eq!(o.goals[0].detail, "Objective for Retention");
    assert_eq!(o.flags.len(), 1);
    assert_eq!(o.flags[0].kind, FlagKind::OutsidePhase);
    assert_eq!(
        o.totals.by_phase[0].amounts,
        vec![Money {
            minor: 100_000,
            currency: "EUR".into()
        }]
    );
    assert_eq!(o.totals.by_goal[0].label, "Retention");
    assert_eq!(o.records, 2);
}
