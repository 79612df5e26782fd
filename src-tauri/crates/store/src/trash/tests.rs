use groundwork_core::audit::findings::{FindingEdit, Importance};
use groundwork_core::goals::kpis::KpiOwner;
use groundwork_core::goals::{EvidenceKind, EvidenceRef, GoalEdit};

use super::*;
use crate::audit::channels::tests::forum;
use crate::audit::snapshots::tests::{snapshot, today};
use crate::goals::kpis::tests::edit as kpi_edit;
use crate::goals::tests::objective_and_goal;
use crate::stakeholders::interviews::tests::interview_edit;
use crate::stakeholders::tests::edit as person;

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn integrity(store: &Store) {
    let ok: String = store
        .conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let violations = store
        .conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |_| Ok(()))
        .unwrap()
        .count();
    assert_eq!(violations, 0, "no dangling references");
}

#[test]
fn a_channel_comes_back_with_its_snapshots_and_the_findings_links() {
    let mut store = Store::in_memory("Makers").unwrap();
    let channel = store.save_channel(None, &forum("Discord")).unwrap();
    let snap = store
        .save_snapshot(None, &snapshot(channel.id, "2026-01-05"), today())
        .unwrap();
    let finding = store
        .save_finding(
            None,
            &FindingEdit {
                title: "Questions go unanswered at weekends".into(),
                importance: Importance::High,
                evidence: String::new(),
                channel_ids: vec![channel.id],
                snapshot_ids: vec![snap.id],
            },
        )
        .unwrap();

    store.delete_channel(channel.id, true).unwrap();
    assert!(store.channels().unwrap().is_empty());
    assert!(store.snapshots().unwrap().is_empty());
    let trash = store.trash().unwrap();
    assert_eq!(trash.len(), 1, "one deletion, one entry");
    assert_eq!(trash[0].label, "Channel “Discord”");
    assert_eq!(trash[0].kind, "Channel");
    assert_eq!(trash[0].days_left, 29);
    assert!(
        trash[0].rows >= 4,
        "channel, snapshot and two links: {trash:?}"
    );

    let restored = store.restore_from_trash(trash[0].id).unwrap();
    assert_eq!(restored.label, "Channel “Discord”");
    assert_eq!(store.channels().unwrap(), vec![channel.clone()]);
    assert_eq!(store.snapshots().unwrap(), vec![snap.clone()]);
    let back = store.audit_findings().unwrap();
    assert_eq!(back[0].channel_ids, vec![channel.id]);
    assert_eq!(back[0].snapshot_ids, vec![snap.id]);
    assert_eq!(back[0].id, finding.id);
    assert!(
        store.trash().unwrap().is_empty(),
        "restored records leave the Trash"
    );
    integrity(&store);
}

#[test]
fn a_stakeholder_comes_back_with_interviews_search_and_the_kpis_they_owned() {
    let mut store = Store::in_memory("Makers").unwrap();
    let s = store.save_stakeholder(None, &person("Inès")).unwrap();
    let g = store.copy_starter_guide("support").unwrap();
    let i = store
        .save_interview(None, &interview_edit(s.id, Some(g.id)))
        .unwrap();
    store
        .save_answer(i.answers[0].id, "Password resets every morning")
        .unwrap();
    store
        .save_quote(i.id, None, "Members answer faster")
        .unwrap();
    store
        .tag_theme(
            &groundwork_core::stakeholders::themes::TagTarget {
                kind: groundwork_core::stakeholders::themes::TagKind::Answer,
                id: i.answers[0].id,
            },
            "Self-service",
        )
        .unwrap();
    let (_, goal) = objective_and_goal(&mut store);
    let kpi = store
        .save_kpi(
            None,
            &groundwork_core::goals::kpis::KpiEdit {
                owner: KpiOwner {
                    stakeholder_id: Some(s.id),
                    name: String::new(),
                },
                ..kpi_edit(goal.id)
            },
        )
        .unwrap();
    let before = store.interview(i.id).unwrap();
    assert_eq!(store.search("password").unwrap().hits.len(), 1);

    store.delete_stakeholder(s.id).unwrap();
    assert!(store.interviews().unwrap().is_empty());
    assert_eq!(store.search("password").unwrap().hits.len(), 0);
    assert_eq!(store.kpis().unwrap()[0].owner.stakeholder_id, None);

    let entry = store.last_deleted().unwrap().unwrap();
    assert_eq!(entry.label, "Stakeholder “Inès”");
    store.restore_from_trash(entry.id).unwrap();
    assert_eq!(store.interview(i.id).unwrap(), before);
    assert_eq!(
        store.search("password").unwrap().hits.len(),
        1,
        "the search index follows the restore"
    );
    assert_eq!(
        store.kpis().unwrap()[0].owner.stakeholder_id,
        Some(s.id),
        "the KPI's owner is put back"
    );
    assert_eq!(store.kpis().unwrap()[0].id, kpi.id);
    integrity(&store);
}

#[test]
fn restoring_a_record_whose_parent_was_deleted_since_names_the_parent() {
    let mut store = Store::in_memory("Makers").unwrap();
    let s = store.save_stakeholder(None, &person("Inès")).unwrap();
    let i = store
        .save_interview(None, &interview_edit(s.id, None))
        .unwrap();
    store.delete_interview(i.id).unwrap();
    let interview_entry = store.last_deleted().unwrap().unwrap();
    store.delete_stakeholder(s.id).unwrap();
    let stakeholder_entry = store.last_deleted().unwrap().unwrap();

    let refused = store
        .restore_from_trash(interview_entry.id)
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("Restore Stakeholder “Inès” first"),
        "{refused}"
    );
    assert_eq!(count(&store, "interviews"), 0, "nothing half-restored");

    store.restore_from_trash(stakeholder_entry.id).unwrap();
    store.restore_from_trash(interview_entry.id).unwrap();
    assert_eq!(store.interviews().unwrap().len(), 1);
    integrity(&store);
}

#[test]
fn a_name_taken_since_is_refused_with_a_sentence() {
    let mut store = Store::in_memory("Makers").unwrap();
    let old = store.save_channel(None, &forum("Discord")).unwrap();
    store.delete_channel(old.id, false).unwrap();
    let entry = store.last_deleted().unwrap().unwrap();
    store.save_channel(None, &forum("discord")).unwrap();
    let refused = store.restore_from_trash(entry.id).unwrap_err().to_string();
    assert!(
        refused.contains("Channel “Discord” can’t be restored")
            && refused.contains("Rename or delete that one"),
        "{refused}"
    );
    assert_eq!(store.trash().unwrap().len(), 1, "it stays in the Trash");
}

#[test]
fn a_finding_comes_back_with_the_goals_that_cited_it() {
    let mut store = Store::in_memory("Makers").unwrap();
    let finding = store
        .save_finding(
            None,
            &FindingEdit {
                title: "Slow replies".into(),
                importance: Importance::Medium,
                evidence: String::new(),
                channel_ids: vec![],
                snapshot_ids: vec![],
            },
        )
        .unwrap();
    let (objective, goal) = objective_and_goal(&mut store);
    let cite = vec![EvidenceRef {
        kind: EvidenceKind::Finding,
        id: finding.id,
    }];
    store
        .save_goal(
            Some(goal.id),
            &GoalEdit {
                objective_id: objective.id,
                title: goal.title.clone(),
                description: String::new(),
                evidence: cite.clone(),
            },
        )
        .unwrap();
    store.delete_finding(finding.id).unwrap();
    assert!(store.goal_list().unwrap()[0].evidence.is_empty());
    let entry = store.last_deleted().unwrap().unwrap();
    store.restore_from_trash(entry.id).unwrap();
    assert_eq!(store.goal_list().unwrap()[0].evidence, cite);
}

#[test]
fn every_kind_of_deletion_files_one_entry_and_restores() {
    let mut store = Store::in_memory("Makers").unwrap();
    let scenario = store.add_starter_scenario("data-incident").unwrap();
    assert!(!scenario.actions.is_empty());
    let tables = [
        "scenarios",
        "scenario_actions",
        "holding_statements",
        "scenario_findings",
    ];
    let before: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();
    store.delete_scenario(scenario.id).unwrap();
    assert_eq!(count(&store, "scenarios"), before[0] - 1);
    let entry = store.last_deleted().unwrap().unwrap();
    assert_eq!(entry.kind, "Scenario");
    store.restore_from_trash(entry.id).unwrap();
    let after: Vec<i64> = tables.iter().map(|t| count(&store, t)).collect();
    assert_eq!(after, before);
    integrity(&store);
}

#[test]
fn entries_older_than_thirty_days_are_purged_when_the_workbook_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.groundwork");
    let mut store = Store::create(&path, "Makers", "").unwrap();
    let a = store.save_channel(None, &forum("Old")).unwrap();
    let b = store.save_channel(None, &forum("Recent")).unwrap();
    store.delete_channel(a.id, false).unwrap();
    store.delete_channel(b.id, false).unwrap();
    let old = store
        .trash()
        .unwrap()
        .into_iter()
        .find(|e| e.label.contains("Old"))
        .unwrap();
    store
        .conn
        .execute(
            "UPDATE trash SET deleted_at = ?1 WHERE id = ?2",
            params![
                timestamp(Utc::now() - Duration::days(KEEP_DAYS + 1)),
                old.id.to_string()
            ],
        )
        .unwrap();
    store.close().unwrap();
    let store = Store::open(&path).unwrap();
    let left: Vec<String> = store
        .trash()
        .unwrap()
        .into_iter()
        .map(|e| e.label)
        .collect();
    assert_eq!(left, vec!["Channel “Recent”".to_owned()]);
}

#[test]
fn emptying_the_trash_leaves_nothing_to_restore() {
    let mut store = Store::in_memory("Makers").unwrap();
    let c = store.save_channel(None, &forum("Discord")).unwrap();
    store.delete_channel(c.id, false).unwrap();
    let entry = store.last_deleted().unwrap().unwrap();
    assert_eq!(store.empty_trash().unwrap(), 1);
    assert!(store.trash().unwrap().is_empty());
    let gone = store.restore_from_trash(entry.id).unwrap_err().to_string();
    assert!(gone.contains("no longer in this workbook"), "{gone}");
}
