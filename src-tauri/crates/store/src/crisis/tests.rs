use groundwork_core::crisis::{
    ContactEdit, EscalationEdit, Guidelines, ScenarioEdit, SeverityEdit, StatementEdit,
    STARTER_REVIEW,
};

use uuid::Uuid;

use crate::{Store, StoreError};

fn store() -> Store {
    Store::in_memory("Crisis").unwrap()
}

fn scenario(title: &str, level: Option<Uuid>) -> ScenarioEdit {
    ScenarioEdit {
        title: title.into(),
        description: "Forum down — 社区 🚀 <b>x</b>".into(),
        likelihood: 3,
        impact: 4,
        severity_id: level,
        owner: "Ana Souza".into(),
        signals: "Status alerts\nTickets".into(),
        channels: "Status page".into(),
        finding_ids: Vec::new(),
    }
}

fn contact(name: &str) -> ContactEdit {
    ContactEdit {
        name: name.into(),
        role: "Head of community".into(),
        phone: "+44 20 7946 0958".into(),
        email: "ana@example.org".into(),
        backup_id: None,
    }
}

#[test]
fn a_new_workbook_starts_with_three_levels_and_the_review_template() {
    let plan = store().crisis_plan().unwrap();
    let names: Vec<_> = plan.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["Watch", "Concern", "Crisis"],
        "starter levels, in order"
    );
    assert_eq!(plan.levels[2].response_time, "1 h");
    assert_eq!(plan.guidelines.review, STARTER_REVIEW);
    assert!(plan.scenarios.is_empty());
    assert_eq!(
        store().crisis_records().unwrap(),
        0,
        "starters are not work done"
    );
}

#[test]
fn levels_can_be_renamed_added_and_deleted_when_unused() {
    let mut s = store();
    let id = s.crisis_plan().unwrap().levels[0].id;
    let edit = SeverityEdit {
        name: "Monitor".into(),
        definition: "Quiet".into(),
        response_time: "2 days".into(),
    };
    let level = s.save_severity(Some(id), &edit).unwrap();
    assert_eq!((level.id, level.name.as_str()), (id, "Monitor"));
    assert_eq!(level.response_minutes, 2880);
    assert_eq!(s.crisis_plan().unwrap().levels[0], level);
    let added = s
        .save_severity(
            None,
            &SeverityEdit {
                name: "Catastrophe".into(),
                definition: String::new(),
                response_time: "15 min".into(),
            },
        )
        .unwrap();
    let plan = s.crisis_plan().unwrap();
    assert_eq!(plan.levels.last(), Some(&added), "added at the end");
    s.delete_severity(added.id).unwrap();
    assert_eq!(s.crisis_plan().unwrap().levels.len(), 3);
    let err = s.save_severity(Some(added.id), &edit).unwrap_err();
    assert!(matches!(err, StoreError::Gone("severity level")), "{err}");
}

#[test]
fn a_refused_level_edit_changes_nothing() {
    let mut s = store();
    let before = s.crisis_plan().unwrap();
    let err = s
        .save_severity(
            Some(before.levels[0].id),
            &SeverityEdit {
                name: "X".into(),
                definition: String::new(),
                response_time: "soon".into(),
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("responseTime"));
    assert_eq!(s.crisis_plan().unwrap(), before);
}

#[test]
fn a_level_in_use_is_not_deleted_and_the_sentence_names_its_users() {
    let mut s = store();
    let level = s.crisis_plan().unwrap().levels[2].clone();
    s.save_scenario(None, &scenario("Service outage", Some(level.id)))
        .unwrap();
    let ana = s.save_contact(None, &contact("Ana")).unwrap();
    s.save_escalation(
        None,
        &EscalationEdit {
            severity_id: Some(level.id),
            contact_id: Some(ana.id),
            within: "15 min".into(),
            approves: true,
        },
    )
    .unwrap();
    let before = s.crisis_plan().unwrap();
    let err = s.delete_severity(level.id).unwrap_err().to_string();
    assert_eq!(
        err,
        "“Crisis” is still used by the scenario “Service outage” and 1 line of the escalation matrix. Give them another level first; nothing was deleted."
    );
    assert_eq!(s.crisis_plan().unwrap(), before, "nothing lost");
}

#[test]
fn scenarios_round_trip_with_risk_and_refuse_bad_scores() {
    let mut s = store();
    let level = s.crisis_plan().unwrap().levels[1].id;
    let sc = s
        .save_scenario(None, &scenario("Outage", Some(level)))
        .unwrap();
    let id = sc.id;
    assert_eq!(s.crisis_plan().unwrap().scenarios[0], sc);
    assert_eq!(
        sc.description, "Forum down — 社区 🚀 <b>x</b>",
        "kept verbatim"
    );
    assert_eq!(sc.risk.score, 12);
    let before = s.crisis_plan().unwrap();
    let err = s
        .save_scenario(
            Some(id),
            &ScenarioEdit {
                likelihood: 9,
                ..scenario("Outage", None)
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("likelihood"));
    assert_eq!(
        err.to_string(),
        "Likelihood is 9; use a score from 1 (rare) to 5 (almost certain)."
    );
    assert_eq!(
        s.crisis_plan().unwrap(),
        before,
        "a refused write changes nothing"
    );
    let sc = s
        .save_scenario(
            Some(id),
            &ScenarioEdit {
                likelihood: 5,
                impact: 5,
                ..scenario("Outage 2", None)
            },
        )
        .unwrap();
    assert_eq!(sc.risk.score, 25);
    assert_eq!(sc.severity_id, None);
    assert_eq!(s.crisis_plan().unwrap().matrix[4][4], 1);
    assert_eq!(
        s.crisis_plan().unwrap().edits.scenarios[&id],
        sc.to_edit(),
        "the form starts from what was stored"
    );
}

#[test]
fn a_scenario_on_a_deleted_level_is_refused_at_the_level_field() {
    let mut s = store();
    let err = s
        .save_scenario(None, &scenario("X", Some(Uuid::now_v7())))
        .unwrap_err();
    assert_eq!(err.field(), Some("severityId"));
    assert!(s.crisis_plan().unwrap().scenarios.is_empty());
}

#[test]
fn actions_keep_their_order_and_move() {
    let mut s = store();
    let id = s.save_scenario(None, &scenario("Outage", None)).unwrap().id;
    for t in ["one", "two", "three"] {
        s.save_action(id, None, t).unwrap();
    }
    let texts = |s: &Store| -> Vec<String> {
        s.crisis_plan().unwrap().scenarios[0]
            .actions
            .iter()
            .map(|a| a.text.clone())
            .collect()
    };
    assert_eq!(texts(&s), ["one", "two", "three"]);
    let third = s.crisis_plan().unwrap().scenarios[0].actions[2].id;
    s.move_action(third, -1).unwrap();
    assert_eq!(texts(&s), ["one", "three", "two"]);
    s.move_action(third, -5).unwrap();
    assert_eq!(texts(&s), ["three", "one", "two"], "clamped at the top");
    let saved = s.save_action(id, Some(third), "first").unwrap();
    assert_eq!((saved.id, saved.text.as_str()), (third, "first"));
    assert_eq!(
        s.save_action(id, None, "  ").unwrap_err().field(),
        Some("text")
    );
    let other = s.save_scenario(None, &scenario("Other", None)).unwrap().id;
    assert!(
        matches!(
            s.save_action(other, Some(third), "stolen"),
            Err(StoreError::Gone("action"))
        ),
        "an action is changed only through its own scenario"
    );
    assert_eq!(texts(&s), ["first", "one", "two"]);
    s.delete_action(third).unwrap();
    assert_eq!(texts(&s), ["one", "two"]);
    assert!(matches!(
        s.move_action(third, 1),
        Err(StoreError::Gone("action"))
    ));
    s.delete_scenario(id).unwrap();
    assert!(matches!(
        s.save_action(id, None, "late"),
        Err(StoreError::Gone("scenario"))
    ));
    let n: i64 = s
        .conn
        .query_row("SELECT count(*) FROM scenario_actions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "actions go with their scenario");
}

#[test]
fn statements_save_even_with_an_unknown_placeholder_and_report_it() {
    let mut s = store();
    let id = s.save_scenario(None, &scenario("Outage", None)).unwrap().id;
    let st = s
        .save_statement(
            id,
            None,
            &StatementEdit {
                title: "First".into(),
                body: "{{issue}} at {{tme}}".into(),
            },
        )
        .unwrap();
    assert_eq!(st.body, "{{issue}} at {{tme}}", "nothing typed is lost");
    assert_eq!(st.placeholders, ["issue"]);
    assert!(
        st.problems[0].contains("{{tme}} is not a placeholder"),
        "{:?}",
        st.problems
    );
    let fixed = s
        .save_statement(
            id,
            Some(st.id),
            &StatementEdit {
                title: "First".into(),
                body: "{{issue}} at {{time}}".into(),
            },
        )
        .unwrap();
    assert!(fixed.problems.is_empty());
    assert_eq!(s.crisis_plan().unwrap().scenarios[0].statements, [fixed]);
    let other = s.save_scenario(None, &scenario("Other", None)).unwrap().id;
    let err = s
        .save_statement(
            other,
            Some(st.id),
            &StatementEdit {
                title: "Stolen".into(),
                body: String::new(),
            },
        )
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Gone("holding statement")),
        "a statement is changed only through its own scenario: {err}"
    );
    let err = s
        .save_statement(
            id,
            Some(st.id),
            &StatementEdit {
                title: " ".into(),
                body: String::new(),
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("title"));
}

#[test]
fn a_starter_scenario_is_copied_with_its_checklist_statement_and_level() {
    let mut s = store();
    let sc = s.add_starter_scenario("data-incident").unwrap();
    let plan = s.crisis_plan().unwrap();
    assert_eq!(sc.title, "Data incident");
    assert_eq!(sc.severity_id, Some(plan.levels[2].id), "the crisis level");
    assert!(sc.actions.len() >= 4);
    assert_eq!(sc.statements.len(), 1);
    assert!(sc.signals.lines().count() >= 3);
    assert!(s.add_starter_scenario("nope").is_err());
}

#[test]
fn contacts_round_trip_with_a_backup_and_refuse_bad_input() {
    let mut s = store();
    let ana = s.save_contact(None, &contact("Ana")).unwrap().id;
    let ben = s
        .save_contact(
            None,
            &ContactEdit {
                backup_id: Some(ana),
                ..contact("Ben 李")
            },
        )
        .unwrap();
    assert_eq!(ben.backup_id, Some(ana));
    assert_eq!(ben.name, "Ben 李");
    assert_eq!(s.crisis_plan().unwrap().contacts[1], ben);
    let err = s
        .save_contact(
            Some(ana),
            &ContactEdit {
                backup_id: Some(ana),
                ..contact("Ana")
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("backupId"));
    let err = s
        .save_contact(
            None,
            &ContactEdit {
                backup_id: Some(Uuid::now_v7()),
                ..contact("C")
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("backupId"));
    let err = s
        .save_contact(
            None,
            &ContactEdit {
                email: "nope".into(),
                ..contact("C")
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("email"));
    // Deleting Ana leaves Ben without a backup rather than failing.
    s.delete_contact(ana).unwrap();
    let plan = s.crisis_plan().unwrap();
    assert_eq!(plan.contacts.len(), 1);
    assert_eq!(plan.contacts[0].backup_id, None);
}

#[test]
fn escalation_to_a_deleted_contact_is_refused_and_a_contact_on_the_matrix_is_kept() {
    let mut s = store();
    let ana = s.save_contact(None, &contact("Ana")).unwrap().id;
    let level = s.crisis_plan().unwrap().levels[1].id;
    let line = |contact: Uuid, within: &str, approves: bool| EscalationEdit {
        severity_id: Some(level),
        contact_id: Some(contact),
        within: within.into(),
        approves,
    };
    let err = s
        .save_escalation(None, &line(Uuid::now_v7(), "1 h", false))
        .unwrap_err();
    assert_eq!(err.field(), Some("contactId"));
    assert!(
        err.to_string().contains("no longer on the crisis team"),
        "{err}"
    );
    let err = s
        .save_escalation(
            None,
            &EscalationEdit {
                contact_id: None,
                ..line(ana, "1 h", false)
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("contactId"), "nobody chosen yet");
    let saved = s.save_escalation(None, &line(ana, "30 min", true)).unwrap();
    assert_eq!(saved.within, "30 min");
    assert!(saved.approves);
    assert_eq!(s.crisis_plan().unwrap().escalations, vec![saved.clone()]);
    let err = s.delete_contact(ana).unwrap_err().to_string();
    assert_eq!(err, "Ana is on the escalation matrix at the “Concern” level. Remove them there or choose someone else first; nothing was deleted.");
    assert_eq!(s.crisis_plan().unwrap().contacts.len(), 1);
    let id = saved.id;
    let changed = s
        .save_escalation(Some(id), &line(ana, "2 h", false))
        .unwrap();
    assert_eq!((changed.id, changed.within_minutes), (id, 120));
    let err = s
        .save_escalation(Some(id), &line(ana, "later", false))
        .unwrap_err();
    assert_eq!(err.field(), Some("within"));
    s.delete_escalation(id).unwrap();
    assert_eq!(s.crisis_records().unwrap(), 1);
    assert!(matches!(
        s.save_escalation(Some(id), &line(ana, "1 h", false)),
        Err(StoreError::Gone("escalation line"))
    ));
}

#[test]
fn guidelines_round_trip_verbatim() {
    let mut s = store();
    let g = Guidelines {
        tone: "Calm, human.\n".into(),
        dos: "Say what we know".into(),
        donts: "Argue with trolls".into(),
        engage: "Real questions".into(),
        disengage: "Bait".into(),
        review: "What happened\nTimeline".into(),
    };
    assert_eq!(s.update_guidelines(&g).unwrap(), g);
    assert_eq!(s.crisis_plan().unwrap().guidelines, g);
}

#[test]
fn the_workbook_and_step_counts_include_the_plan() {
    let mut s = store();
    s.add_starter_scenario("outage").unwrap();
    s.save_contact(None, &contact("Ana")).unwrap();
    let wb = s.load_workbook().unwrap();
    assert_eq!(wb.crisis.scenarios.len(), 1);
    let counts = s.step_counts().unwrap();
    let crisis = counts
        .iter()
        .find(|c| c.step == groundwork_core::workbook::Step::Crisis)
        .unwrap();
    assert_eq!(crisis.records, 2);
}

fn finding(s: &mut Store, title: &str) -> uuid::Uuid {
    use groundwork_core::audit::findings::{FindingEdit, Importance};
    s.save_finding(
        None,
        &FindingEdit {
            title: title.into(),
            importance: Importance::High,
            evidence: String::new(),
            channel_ids: Vec::new(),
            snapshot_ids: Vec::new(),
        },
    )
    .unwrap()
    .id
}

#[test]
fn a_scenario_keeps_the_findings_it_rests_on_in_order() {
    let mut s = store();
    let slow = finding(&mut s, "Questions wait a day");
    let quiet = finding(&mut s, "Moderators are stretched");
    let id = s
        .save_scenario(
            None,
            &ScenarioEdit {
                finding_ids: vec![quiet],
                ..scenario("Outage", None)
            },
        )
        .unwrap()
        .id;
    let sc = s
        .save_scenario(
            Some(id),
            &ScenarioEdit {
                finding_ids: vec![slow, quiet, slow],
                ..scenario("Outage", None)
            },
        )
        .unwrap();
    assert_eq!(
        sc.finding_ids,
        vec![slow, quiet],
        "links round trip in the order ticked, each once"
    );
    let sc = s
        .save_scenario(Some(id), &scenario("Outage", None))
        .unwrap();
    assert!(
        sc.finding_ids.is_empty(),
        "an edit with no findings unlinks them all"
    );
}

#[test]
fn an_unknown_finding_refuses_the_whole_edit() {
    let mut s = store();
    let known = finding(&mut s, "Questions wait a day");
    let id = s
        .save_scenario(
            None,
            &ScenarioEdit {
                finding_ids: vec![known],
                ..scenario("Outage", None)
            },
        )
        .unwrap()
        .id;
    let before = s.crisis_plan().unwrap();
    let err = s
        .save_scenario(
            Some(id),
            &ScenarioEdit {
                finding_ids: vec![known, uuid::Uuid::now_v7()],
                ..scenario("Renamed", None)
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("findingIds"));
    assert_eq!(
        err.to_string(),
        "One of the linked audit findings no longer exists. Untick it and save again."
    );
    assert_eq!(
        s.crisis_plan().unwrap(),
        before,
        "neither the title nor the links change when a link is refused"
    );
    let err = s
        .save_scenario(
            None,
            &ScenarioEdit {
                finding_ids: vec![uuid::Uuid::now_v7()],
                ..scenario("New", None)
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("findingIds"));
    assert_eq!(s.crisis_plan().unwrap().scenarios.len(), 1);
}

#[test]
fn deleting_a_finding_names_its_scenarios_then_keeps_them_without_the_link() {
    let mut s = store();
    let gone = finding(&mut s, "Questions wait a day");
    let kept = finding(&mut s, "Moderators are stretched");
    let id = s
        .save_scenario(
            None,
            &ScenarioEdit {
                finding_ids: vec![gone, kept],
                ..scenario("Forum outage", None)
            },
        )
        .unwrap()
        .id;
    let usage = s.finding_usage(gone).unwrap();
    assert_eq!(usage.scenarios, vec!["Forum outage".to_owned()]);
    assert!(
        usage.notice.contains("“Forum outage”"),
        "the confirmation names the scenario: {}",
        usage.notice
    );
    s.delete_finding(gone).unwrap();
    let plan = s.crisis_plan().unwrap();
    assert_eq!(plan.scenarios.len(), 1, "the scenario survives its finding");
    assert_eq!(plan.scenarios[0].id, id);
    assert_eq!(plan.scenarios[0].finding_ids, vec![kept]);
    s.delete_scenario(id).unwrap();
    assert!(
        s.finding_usage(kept).unwrap().scenarios.is_empty(),
        "deleting the scenario takes its links"
    );
    assert_eq!(s.findings().unwrap().len(), 1, "and keeps the finding");
}
