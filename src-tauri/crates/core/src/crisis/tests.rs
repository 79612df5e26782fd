use super::*;

/// A fixed id for test records, by tag.
fn uid(tag: u128) -> Uuid {
    Uuid::from_u128(tag)
}

const LEVEL: u128 = 1;
const CONTACT: u128 = 2;

fn edit() -> ScenarioEdit {
    ScenarioEdit {
        title: " Service outage ".into(),
        description: "The forum is down.".into(),
        likelihood: 3,
        impact: 4,
        severity_id: None,
        owner: "Ana".into(),
        signals: "a\nb".into(),
        channels: "Status page".into(),
        finding_ids: Vec::new(),
    }
}

fn scenario(likelihood: u8, impact: u8) -> Scenario {
    Scenario {
        id: uid(u128::from(likelihood) * 10 + u128::from(impact)),
        title: "S".into(),
        description: String::new(),
        likelihood,
        impact,
        risk: risk(likelihood, impact),
        severity_id: None,
        owner: String::new(),
        signals: String::new(),
        channels: String::new(),
        finding_ids: Vec::new(),
        actions: Vec::new(),
        statements: Vec::new(),
        gaps: Vec::new(),
    }
}

#[test]
fn risk_is_likelihood_times_impact_in_bands() {
    assert_eq!(
        risk(1, 1),
        Risk {
            score: 1,
            band: RiskBand::Low
        }
    );
    assert_eq!(risk(2, 2).band, RiskBand::Low);
    assert_eq!(
        risk(1, 5),
        Risk {
            score: 5,
            band: RiskBand::Medium
        }
    );
    assert_eq!(risk(3, 3).band, RiskBand::Medium);
    assert_eq!(
        risk(2, 5),
        Risk {
            score: 10,
            band: RiskBand::High
        }
    );
    assert_eq!(risk(4, 4).band, RiskBand::High);
    assert_eq!(
        risk(4, 5),
        Risk {
            score: 20,
            band: RiskBand::Critical
        }
    );
    assert_eq!(risk(5, 5).score, 25);
}

#[test]
fn scenario_edit_trims_and_accepts_scores_one_to_five() {
    let v = edit().validated(&[]).unwrap();
    assert_eq!(v.title, "Service outage");
    assert_eq!((v.likelihood, v.impact), (3, 4));
    assert_eq!(v.severity_id, None, "no level chosen means none");
}

#[test]
fn likelihood_or_impact_outside_one_to_five_is_refused_at_its_field() {
    for bad in [0, 6, 9, -1, 1_000] {
        let err = ScenarioEdit {
            likelihood: bad,
            ..edit()
        }
        .validated(&[])
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("likelihood"));
        assert_eq!(
            err.message,
            format!("Likelihood is {bad}; use a score from 1 (rare) to 5 (almost certain).")
        );
        let err = ScenarioEdit {
            impact: bad,
            ..edit()
        }
        .validated(&[])
        .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("impact"));
        assert!(
            err.message.contains("1 (minimal) to 5 (severe)"),
            "{}",
            err.message
        );
    }
}

#[test]
fn an_empty_scenario_title_is_refused() {
    let err = ScenarioEdit {
        title: "  ".into(),
        ..edit()
    }
    .validated(&[])
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("title"));
}

#[test]
fn severity_response_time_is_parsed_and_named_at_its_field() {
    let ok = SeverityEdit {
        name: "Crisis".into(),
        definition: String::new(),
        response_time: "1 h".into(),
    }
    .validated()
    .unwrap();
    assert_eq!(ok.response_minutes, 60);
    let err = SeverityEdit {
        name: "Crisis".into(),
        definition: String::new(),
        response_time: "fast".into(),
    }
    .validated()
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("responseTime"));
}

#[test]
fn contacts_need_a_name_and_plausible_phone_and_email() {
    let c = ContactEdit {
        name: " Ana ".into(),
        phone: "+44 (0)20 7946-0958".into(),
        email: "ana@example.org".into(),
        ..Default::default()
    };
    assert_eq!(c.validated().unwrap().name, "Ana");
    let err = ContactEdit {
        email: "ana.example.org".into(),
        ..c.clone()
    }
    .validated()
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("email"));
    let err = ContactEdit {
        phone: "call me".into(),
        ..c.clone()
    }
    .validated()
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("phone"));
    let err = ContactEdit {
        name: String::new(),
        ..c
    }
    .validated()
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("name"));
}

#[test]
fn escalation_needs_a_level_a_contact_and_a_time() {
    let e = EscalationEdit {
        severity_id: Some(uid(LEVEL)),
        contact_id: None,
        within: "1 h".into(),
        approves: false,
    };
    assert_eq!(
        e.validated().unwrap_err().field.as_deref(),
        Some("contactId")
    );
    let e = EscalationEdit {
        contact_id: Some(uid(CONTACT)),
        ..e
    };
    assert_eq!(e.validated().unwrap().within_minutes, 60);
    let no_level = EscalationEdit {
        severity_id: None,
        ..e.clone()
    };
    assert_eq!(
        no_level.validated().unwrap_err().field.as_deref(),
        Some("severityId")
    );
    let slow = EscalationEdit {
        within: "whenever".into(),
        ..e
    };
    assert_eq!(
        slow.validated().unwrap_err().field.as_deref(),
        Some("within")
    );
}

#[test]
fn statements_report_their_placeholders_and_problems() {
    let s = HoldingStatement::new(uid(9), "T".into(), "{{issue}} at {{tme}}".into());
    assert_eq!(s.placeholders, ["issue"]);
    assert_eq!(s.problems.len(), 1);
}

#[test]
fn the_plan_orders_by_risk_counts_the_matrix_and_names_gaps() {
    let level = SeverityLevel {
        id: uid(LEVEL),
        name: "Crisis".into(),
        definition: String::new(),
        response_minutes: 60,
        response_time: "1 h".into(),
    };
    let mut ready = scenario(5, 5);
    let ready_id = ready.id;
    ready.owner = "Ana".into();
    ready.severity_id = Some(uid(LEVEL));
    ready.actions.push(ScenarioAction {
        id: uid(5),
        text: "Act".into(),
    });
    ready
        .statements
        .push(HoldingStatement::new(uid(6), "T".into(), "We know.".into()));
    let plan = CrisisPlan::assemble(
        vec![level],
        vec![scenario(1, 2), ready, scenario(1, 2)],
        Vec::new(),
        vec![Escalation {
            id: uid(7),
            severity_id: uid(LEVEL),
            contact_id: uid(CONTACT),
            within_minutes: 15,
            within: "15 min".into(),
            approves: true,
        }],
        Guidelines::default(),
    );
    assert_eq!(plan.scenarios[0].risk.score, 25, "highest risk first");
    assert!(
        plan.scenarios[0].gaps.is_empty(),
        "{:?}",
        plan.scenarios[0].gaps
    );
    assert_eq!(
        plan.scenarios[1].gaps.len(),
        4,
        "{:?}",
        plan.scenarios[1].gaps
    );
    assert_eq!(plan.matrix[0][1], 2);
    assert_eq!(plan.matrix[4][4], 1);
    assert_eq!(plan.matrix.iter().flatten().sum::<u32>(), 3);
    assert_eq!(plan.records(), 4);
    assert_eq!(plan.edits.scenarios[&ready_id].owner, "Ana");
    assert_eq!(plan.edits.statements[&uid(6)].body, "We know.");
    assert_eq!(
        plan.edits.escalations[&uid(7)]
            .validated()
            .map(|v| v.within_minutes),
        Ok(15),
        "an escalation's form saves back as it was"
    );
    assert_eq!(plan.edits.levels[&uid(LEVEL)].response_time, "1 h");
}

#[test]
fn every_record_saves_back_unchanged_from_its_form() {
    let mut s = scenario(4, 2);
    s.severity_id = Some(uid(LEVEL));
    s.owner = "Ana".into();
    s.finding_ids = vec![uid(30)];
    let v = s.to_edit().validated(&[uid(30)]).unwrap();
    assert_eq!(
        (
            v.likelihood,
            v.impact,
            v.severity_id,
            v.owner.as_str(),
            v.finding_ids
        ),
        (4, 2, Some(uid(LEVEL)), "Ana", vec![uid(30)])
    );
    let contact = Contact {
        id: uid(CONTACT),
        name: "Ana 社区".into(),
        role: "Lead".into(),
        phone: "+44 20".into(),
        email: "ana@example.org".into(),
        backup_id: Some(uid(3)),
    };
    assert_eq!(contact.to_edit().validated().unwrap(), contact.to_edit());
    let level = SeverityLevel {
        id: uid(LEVEL),
        name: "Crisis".into(),
        definition: "Harm".into(),
        response_minutes: 90,
        response_time: format_minutes(90),
    };
    assert_eq!(level.to_edit().validated().unwrap().response_minutes, 90);
}

#[test]
fn a_level_without_escalation_is_a_gap() {
    let level = SeverityLevel {
        id: uid(LEVEL),
        name: "Watch".into(),
        definition: String::new(),
        response_minutes: 60,
        response_time: "1 h".into(),
    };
    let mut s = scenario(2, 2);
    s.severity_id = Some(uid(LEVEL));
    let g = gaps(&s, &[level], &[]);
    assert!(
        g.iter()
            .any(|g| g.contains("nobody is told at the “Watch” level")),
        "{g:?}"
    );
}

#[test]
fn lines_drop_blanks_and_bullets() {
    assert_eq!(
        lines(" - one\n\n• two \n*\n three"),
        ["one", "two", "three"]
    );
}

#[test]
fn a_scenario_rests_only_on_findings_that_exist_each_once() {
    let known = Uuid::now_v7();
    let v = ScenarioEdit {
        finding_ids: vec![known, known],
        ..edit()
    }
    .validated(&[known])
    .unwrap();
    assert_eq!(
        v.finding_ids,
        vec![known],
        "a finding ticked twice is kept once"
    );
    let err = ScenarioEdit {
        finding_ids: vec![known, Uuid::now_v7()],
        ..edit()
    }
    .validated(&[known])
    .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("findingIds"));
    assert_eq!(
        err.message,
        "One of the linked audit findings no longer exists. Untick it and save again."
    );
}

#[test]
fn an_edit_without_finding_ids_means_none() {
    let json = r#"{"title":"T","description":"","likelihood":1,"impact":1,"severityId":null,
        "owner":"","signals":"","channels":""}"#;
    let edit: ScenarioEdit = serde_json::from_str(json).unwrap();
    assert!(edit.finding_ids.is_empty());
}
