use chrono::{NaiveDate, Utc};
use proptest::prelude::*;
use uuid::Uuid;

use super::rules::{budget_totals, cycle_through};
use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) fn initiative(title: &str) -> Initiative {
    Initiative {
        id: Uuid::now_v7(),
        title: title.into(),
        description: String::new(),
        phase_id: None,
        goal_ids: vec![Uuid::nil()],
        kpi_ids: Vec::new(),
        channel_ids: Vec::new(),
        owner: KpiOwner {
            stakeholder_id: None,
            name: "Ana".into(),
        },
        team: String::new(),
        budget: None,
        schedule: Schedule::Next,
        start: None,
        end: None,
        status: InitiativeStatus::Planned,
        milestone: false,
        depends_on: Vec::new(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

fn dated(title: &str, start: &str, end: &str) -> Initiative {
    Initiative {
        schedule: Schedule::Dated,
        start: Some(day(start)),
        end: Some(day(end)),
        ..initiative(title)
    }
}

fn phase(name: &str, start: &str, end: &str) -> Phase {
    Phase {
        id: Uuid::now_v7(),
        name: name.into(),
        start: day(start),
        end: day(end),
        objective: String::new(),
        created_at: Utc::now(),
        updated_at: Utc::now(),
    }
}

#[test]
fn a_phase_ends_on_or_after_its_start() {
    let edit = PhaseEdit {
        name: " Launch ".into(),
        start: "2026-04-01".into(),
        end: "2026-03-01".into(),
        objective: String::new(),
    };
    let err = edit.validated().unwrap_err();
    assert_eq!(err.field.as_deref(), Some("end"));
    assert!(
        err.message
            .replace('\u{a0}', " ")
            .contains("(1 Mar 2026) is before the start date (1 Apr 2026)"),
        "{}",
        err.message
    );
    let ok = PhaseEdit {
        end: "2026-04-01".into(),
        ..edit
    }
    .validated()
    .unwrap();
    assert_eq!(ok.name, "Launch");
    assert_eq!(ok.start, ok.end, "a one-day phase is allowed");
    assert!(PhaseEdit::default()
        .validated()
        .unwrap_err()
        .message
        .contains("phase's name is empty"));
}

fn edit(title: &str) -> InitiativeEdit {
    InitiativeEdit {
        title: title.into(),
        ..InitiativeEdit::default()
    }
}

#[test]
fn dated_initiatives_need_dates_in_order_and_buckets_drop_them() {
    let refs = References::default();
    let e = InitiativeEdit {
        schedule: Schedule::Dated,
        start: "2026-05-10".into(),
        end: "2026-05-01".into(),
        ..edit("Ambassadors")
    };
    let err = e.validated(None, &refs).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("end"));
    let err = InitiativeEdit {
        start: String::new(),
        ..e.clone()
    }
    .validated(None, &refs)
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("start"));
    let milestone = InitiativeEdit {
        milestone: true,
        end: String::new(),
        ..e.clone()
    }
    .validated(None, &refs)
    .unwrap();
    assert_eq!(
        milestone.end,
        Some(day("2026-05-10")),
        "a milestone without an end is one day"
    );
    let later = InitiativeEdit {
        schedule: Schedule::Later,
        ..e
    }
    .validated(None, &refs)
    .unwrap();
    assert_eq!((later.start, later.end), (None, None));
}

#[test]
fn budgets_are_amounts_with_a_currency_never_negative() {
    let refs = References::default();
    let err = InitiativeEdit {
        budget: "-500".into(),
        currency: "EUR".into(),
        ..edit("Meetups")
    }
    .validated(None, &refs)
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("budget"));
    assert!(err.message.contains("cannot be negative"));
    let err = InitiativeEdit {
        budget: "500".into(),
        ..edit("Meetups")
    }
    .validated(None, &refs)
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("currency"));
    let ok = InitiativeEdit {
        budget: "12,000.50".into(),
        currency: "usd".into(),
        ..edit("Meetups")
    }
    .validated(None, &refs)
    .unwrap();
    assert_eq!(
        ok.budget,
        Some(Money {
            minor: 1_200_050,
            currency: "USD".into()
        })
    );
    let yen = InitiativeEdit {
        budget: "1,200".into(),
        currency: "jpy".into(),
        ..edit("Meetups")
    };
    let saved = yen.validated(None, &refs).unwrap().budget.unwrap();
    assert_eq!(saved.minor, 1_200, "yen are stored whole");
    assert_eq!(saved.display(), "JPY 1,200");
    let err = InitiativeEdit {
        budget: "1200.5".into(),
        ..yen
    }
    .validated(None, &refs)
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("budget"));
    assert_eq!(
        err.message,
        "JPY has no decimals: type a whole amount such as 1200."
    );
}

#[test]
fn references_must_exist() {
    let goal = Uuid::now_v7();
    let refs = References {
        goals: vec![goal],
        ..References::default()
    };
    let ok = InitiativeEdit {
        goal_ids: vec![goal, goal],
        ..edit("x")
    }
    .validated(None, &refs)
    .unwrap();
    assert_eq!(ok.goal_ids, vec![goal], "chosen once");
    for (e, field) in [
        (
            InitiativeEdit {
                phase_id: Some(Uuid::now_v7()),
                ..edit("x")
            },
            "phaseId",
        ),
        (
            InitiativeEdit {
                kpi_ids: vec![Uuid::now_v7()],
                ..edit("x")
            },
            "kpiIds",
        ),
        (
            InitiativeEdit {
                channel_ids: vec![Uuid::now_v7()],
                ..edit("x")
            },
            "channelIds",
        ),
        (
            InitiativeEdit {
                depends_on: vec![Uuid::now_v7()],
                ..edit("x")
            },
            "dependsOn",
        ),
        (
            InitiativeEdit {
                owner: KpiOwner {
                    stakeholder_id: Some(Uuid::now_v7()),
                    name: "Gone".into(),
                },
                ..edit("x")
            },
            "owner",
        ),
    ] {
        assert_eq!(
            e.validated(None, &refs).unwrap_err().field.as_deref(),
            Some(field)
        );
    }
}

#[test]
fn a_cycle_of_dependencies_is_refused_and_named() {
    let a = initiative("Forum launch");
    let mut b = initiative("Ambassador programme");
    let mut c = initiative("Annual meetup");
    b.depends_on = vec![a.id];
    c.depends_on = vec![b.id];
    let all = vec![a.clone(), b.clone(), c.clone()];
    let refs = References {
        goals: vec![Uuid::nil()],
        initiatives: nodes(&all),
        ..References::default()
    };
    let err = InitiativeEdit {
        depends_on: vec![c.id],
        ..a.to_edit()
    }
    .validated(Some(a.id), &refs)
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("dependsOn"));
    assert!(
        err.message
            .contains("“Forum launch” → “Annual meetup” → “Ambassador programme” → “Forum launch”"),
        "{}",
        err.message
    );
    let err = InitiativeEdit {
        depends_on: vec![a.id],
        ..a.to_edit()
    }
    .validated(Some(a.id), &refs)
    .unwrap_err();
    assert!(
        err.message.contains("cannot depend on itself"),
        "{}",
        err.message
    );
    let renamed = InitiativeEdit {
        title: "Forum v2".into(),
        depends_on: vec![b.id],
        ..a.to_edit()
    }
    .validated(Some(a.id), &refs)
    .unwrap_err();
    assert!(
        renamed
            .message
            .contains("“Forum v2” → “Ambassador programme” → “Forum v2”"),
        "{}",
        renamed.message
    );
    assert!(
        InitiativeEdit {
            depends_on: vec![a.id, b.id],
            ..c.to_edit()
        }
        .validated(Some(c.id), &refs)
        .is_ok(),
        "depending on two that depend on each other in a line is fine"
    );
}

#[test]
fn flags_name_dates_outside_the_phase_and_early_starts() {
    let launch = phase("Launch", "2026-04-01", "2026-06-30");
    let mut a = dated("Forum launch", "2026-04-01", "2026-04-30");
    a.phase_id = Some(launch.id);
    let mut b = dated("Ambassadors", "2026-04-15", "2026-07-15");
    b.phase_id = Some(launch.id);
    b.depends_on = vec![a.id];
    let mut c = initiative("Meetups");
    c.goal_ids.clear();
    c.owner.name = " ".into();
    let mut d = dated("Newsletter", "2026-05-01", "2026-05-02");
    d.depends_on = vec![c.id, a.id];
    let roadmap = Roadmap {
        phases: vec![launch],
        initiatives: vec![a.clone(), b.clone(), c.clone(), d.clone()],
    };
    let flags = roadmap.flags();
    let kinds: Vec<(Uuid, FlagKind)> = flags.iter().map(|f| (f.initiative_id, f.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            (b.id, FlagKind::OutsidePhase),
            (b.id, FlagKind::BeforeDependency),
            (c.id, FlagKind::NoGoal),
            (c.id, FlagKind::NoOwner),
            (d.id, FlagKind::BeforeDependency),
        ]
    );
    assert!(
        flags[0]
            .message
            .replace('\u{a0}', " ")
            .contains("outside its phase “Launch” (1 Apr 2026 – 30 Jun 2026)"),
        "{}",
        flags[0].message
    );
    assert!(flags[1].message.replace('\u{a0}', " ").contains("starts on 15 Apr 2026, before “Forum launch”, which it depends on, ends on 30 Apr 2026"), "{}", flags[1].message);
    assert!(
        flags[4]
            .message
            .contains("“Meetups”, which it depends on, is not dated yet"),
        "{}",
        flags[4].message
    );
}

#[test]
fn budget_totals_per_phase_goal_and_owner_leave_parked_out() {
    let p1 = phase("Foundation", "2026-01-01", "2026-03-31");
    let g1 = Uuid::now_v7();
    let g2 = Uuid::now_v7();
    let eur = |minor| {
        Some(Money {
            minor,
            currency: "EUR".into(),
        })
    };
    let mut a = initiative("A");
    a.phase_id = Some(p1.id);
    a.goal_ids = vec![g1, g2];
    a.budget = eur(10_000);
    let mut b = initiative("B");
    b.phase_id = Some(p1.id);
    b.goal_ids = vec![g1];
    b.owner.name = "ana".into();
    b.budget = Some(Money {
        minor: 50_00,
        currency: "USD".into(),
    });
    let mut c = initiative("C");
    c.goal_ids.clear();
    c.owner.name = "Bo".into();
    c.budget = eur(7_50);
    let mut parked = initiative("D");
    parked.status = InitiativeStatus::Parked;
    parked.budget = eur(100_000_000);
    let roadmap = Roadmap {
        phases: vec![p1.clone()],
        initiatives: vec![a, b, c, parked],
    };
    let t = budget_totals(
        &roadmap,
        &[(g1, "Faster answers".into()), (g2, "Retention".into())],
    );
    assert_eq!(money::totals_text(&t.overall), "EUR 107.50 + USD 50");
    assert_eq!(
        t.overall_text, "EUR 107.50 + USD 50",
        "the screens receive the text the core writes"
    );
    assert!(t
        .by_phase
        .iter()
        .all(|p| p.text == money::totals_text(&p.amounts)));
    let row = |v: &[BudgetTotal]| -> Vec<(String, String, u64)> {
        v.iter()
            .map(|x| {
                (
                    x.label.clone(),
                    money::totals_text(&x.amounts),
                    x.initiatives,
                )
            })
            .collect()
    };
    assert_eq!(
        row(&t.by_phase),
        vec![
            ("Foundation".into(), "EUR 100 + USD 50".into(), 2),
            ("No phase".into(), "EUR 7.50".into(), 1)
        ]
    );
    assert_eq!(
        row(&t.by_goal),
        vec![
            ("Faster answers".into(), "EUR 100 + USD 50".into(), 2),
            ("Retention".into(), "EUR 100".into(), 1),
            ("No goal".into(), "EUR 7.50".into(), 1)
        ]
    );
    assert_eq!(
        row(&t.by_owner),
        vec![
            ("Ana".into(), "EUR 100 + USD 50".into(), 2),
            ("Bo".into(), "EUR 7.50".into(), 1)
        ],
        "owners group whatever their case"
    );
}

#[test]
fn span_and_time_order() {
    let p = phase("P", "2026-02-01", "2026-03-01");
    let a = dated("b", "2026-01-15", "2026-02-10");
    let b = dated("a", "2026-01-15", "2026-02-10");
    let later = Initiative {
        schedule: Schedule::Later,
        ..initiative("z")
    };
    let next = initiative("y");
    let r = Roadmap {
        phases: vec![p],
        initiatives: vec![later.clone(), a.clone(), next.clone(), b.clone()],
    };
    assert_eq!(r.span(), Some((day("2026-01-15"), day("2026-03-01"))));
    let order: Vec<&str> = r.in_time_order().iter().map(|i| i.title.as_str()).collect();
    assert_eq!(order, vec!["a", "b", "y", "z"]);
    assert_eq!(Roadmap::default().span(), None);
}

fn nodes(all: &[Initiative]) -> Vec<DependencyNode> {
    all.iter().map(DependencyNode::from).collect()
}

proptest! {
    /// Whatever dependencies are asked for, the ones accepted never form a circle.
    #[test]
    fn accepted_dependencies_never_form_a_cycle(asks in proptest::collection::vec((0usize..8, 0usize..8), 0..40)) {
        let mut all: Vec<Initiative> = (0..8).map(|n| initiative(&format!("I{n}"))).collect();
        for (from, to) in asks {
            let mut deps = all[from].depends_on.clone();
            deps.push(all[to].id);
            let refs = References { goals: vec![Uuid::nil()], initiatives: nodes(&all), ..References::default() };
            let result = InitiativeEdit { depends_on: deps.clone(), ..all[from].to_edit() }
                .validated(Some(all[from].id), &refs);
            if let Ok(v) = result {
                all[from].depends_on = v.depends_on;
            } else {
                prop_assert!(from == to || cycle_through(all[from].id, &deps, &nodes(&all)).is_some());
            }
        }
        // No initiative reaches itself.
        for i in &all {
            prop_assert!(cycle_through(i.id, &i.depends_on, &nodes(&all)).is_none());
        }
    }
}

#[test]
fn the_timeline_covers_the_roadmap_and_today_and_lists_initiatives_in_time_order() {
    let launch = Initiative {
        milestone: true,
        ..dated("Launch day", "2026-05-01", "2026-05-01")
    };
    let later = Initiative {
        schedule: Schedule::Later,
        ..initiative("Ambassadors")
    };
    let next = initiative("apprentice riders");
    let early = dated("Welcome guide", "2026-02-01", "2026-03-31");
    let same_start = dated("Beta forum", "2026-02-01", "2026-02-28");
    let roadmap = Roadmap {
        phases: vec![phase("Foundation", "2026-01-15", "2026-06-30")],
        initiatives: vec![
            later.clone(),
            launch.clone(),
            next.clone(),
            early.clone(),
            same_start.clone(),
        ],
    };

    // Today inside the roadmap: the span is the roadmap's own.
    let span = TimelineSpan::of(&roadmap, day("2026-03-01"));
    assert_eq!(
        (span.start, span.end),
        (day("2026-01-15"), day("2026-06-30"))
    );
    // Dated first by start then end, then next, then later; undated ones are listed too.
    assert_eq!(
        span.order,
        vec![same_start.id, early.id, launch.id, next.id, later.id]
    );

    // A roadmap wholly in the past: today stretches the span so its line shows.
    let span = TimelineSpan::of(&roadmap, day("2027-02-10"));
    assert_eq!(
        (span.start, span.end),
        (day("2026-01-15"), day("2027-02-10"))
    );

    // Nothing dated at all: the timeline is today alone, and still lists the undated work.
    let undated = Roadmap {
        phases: Vec::new(),
        initiatives: vec![later.clone(), next.clone()],
    };
    let span = TimelineSpan::of(&undated, day("2026-03-01"));
    assert_eq!(
        (span.start, span.end),
        (day("2026-03-01"), day("2026-03-01"))
    );
    assert_eq!(span.order, vec![next.id, later.id]);
}

#[test]
fn every_record_offers_its_edit_form_and_a_new_initiative_starts_like_its_phase() {
    let foundation = phase("Foundation", "2026-01-15", "2026-06-30");
    let guide = Initiative {
        phase_id: Some(foundation.id),
        ..dated("Welcome guide", "2026-02-01", "2026-03-31")
    };
    let roadmap = Roadmap {
        phases: vec![foundation.clone()],
        initiatives: vec![guide.clone()],
    };
    let edits = RoadmapEdits::of(&roadmap);
    assert_eq!(edits.initiatives[&guide.id], guide.to_edit());
    assert_eq!(edits.initiatives[&guide.id].start, "2026-02-01");
    assert_eq!(edits.phases[&foundation.id].name, "Foundation");

    let in_phase = InitiativeEdit::untitled("Untitled", Some(&foundation));
    assert_eq!(in_phase.schedule, Schedule::Dated);
    assert_eq!(
        (in_phase.start.as_str(), in_phase.end.as_str()),
        ("2026-01-15", "2026-06-30")
    );
    assert_eq!(in_phase.phase_id, Some(foundation.id));
    let loose = InitiativeEdit::untitled("Untitled", None);
    assert_eq!(loose.schedule, Schedule::Next);
    assert_eq!(loose.start, "");
}
