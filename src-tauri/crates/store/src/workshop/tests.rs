use groundwork_core::goals::ObjectiveEdit;
use groundwork_core::workshop::ConvertTarget;
use uuid::Uuid;

use super::ConvertRequest;
use crate::Store;

fn store_with_notes() -> (Store, Uuid, Uuid) {
    let mut store = Store::in_memory("Workshop").unwrap();
    let group = store.save_group(None, "Onboarding").unwrap().id;
    let other = store.save_group(None, "Recognition").unwrap().id;
    for text in [
        "Welcome thread",
        "Buddy for new members",
        "<i>Starter</i> kit 🎒",
    ] {
        let idea = store.save_idea(None, text).unwrap();
        store.move_idea(idea.id, Some(group)).unwrap();
    }
    let badges = store.save_idea(None, "Badges").unwrap();
    store.move_idea(badges.id, Some(other)).unwrap();
    store.save_idea(None, "Unsorted thought").unwrap();
    (store, group, other)
}

#[test]
fn the_board_persists_notes_groups_votes_and_scores_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.groundwork");
    let mut store = Store::create(&path, "W", "Org").unwrap();
    let group = store.save_group(None, "Onboarding").unwrap().id;
    let idea = store.save_idea(None, "Welcome thread").unwrap();
    assert_eq!(
        (idea.text.as_str(), idea.group_id),
        ("Welcome thread", None)
    );
    let idea = idea.id;
    store.move_idea(idea, Some(group)).unwrap();
    let renamed = store.save_group(Some(group), "First week").unwrap();
    assert_eq!((renamed.id, renamed.name.as_str()), (group, "First week"));
    let ines = store.save_participant(None, "Inès").unwrap().id;
    store.set_dot_budget(5).unwrap();
    store.set_vote(ines, idea, 4).unwrap();
    store.score_idea(idea, Some(5), Some(2)).unwrap();
    store.close().unwrap();

    let store = Store::open(&path).unwrap();
    let view = store.workshop_board().unwrap();
    assert_eq!(view.board.dot_budget, 5);
    assert_eq!(view.board.groups[0].name, "First week");
    assert_eq!(view.board.ideas[0].group_id, Some(group));
    assert_eq!(
        view.ranking[0].dots, 4,
        "the vote survives closing the file"
    );
    assert_eq!(
        (view.ranking[0].value, view.ranking[0].effort),
        (Some(5), Some(2))
    );
    assert_eq!(view.dots_left[0].left, 1);
}

#[test]
fn deleting_a_group_returns_its_notes_to_the_unsorted_ones() {
    let (mut store, group, _) = store_with_notes();
    store.delete_group(group).unwrap();
    let board = store.board().unwrap();
    assert_eq!(board.ideas.len(), 5, "no note is lost with its group");
    assert_eq!(
        board.ideas.iter().filter(|i| i.group_id.is_none()).count(),
        4
    );
}

#[test]
fn votes_over_the_budget_are_refused_and_nothing_changes() {
    let (mut store, _, _) = store_with_notes();
    let board = store.board().unwrap();
    let p = store.save_participant(None, "Sam").unwrap().id;
    store.set_vote(p, board.ideas[0].id, 3).unwrap();
    let err = store.set_vote(p, board.ideas[1].id, 1).unwrap_err();
    assert!(err.to_string().contains("Sam has 3 dots"), "{err}");
    assert!(store.set_dot_budget(2).is_err(), "Sam already placed 3");
    store.set_vote(p, board.ideas[0].id, 0).unwrap();
    assert!(
        store.board().unwrap().votes.is_empty(),
        "0 dots takes the vote back"
    );
}

#[test]
fn a_group_becomes_a_goal_with_its_notes_as_the_description() {
    let (mut store, group, _) = store_with_notes();
    let refused = convert(&mut store, group, ConvertTarget::Goal).unwrap_err();
    assert!(
        refused.to_string().contains("business objective"),
        "{refused}"
    );
    let objective = store
        .save_objective(
            None,
            &ObjectiveEdit {
                title: "Cut support cost".into(),
                description: String::new(),
            },
        )
        .unwrap();
    let id = store
        .convert_group(
            group,
            &ConvertRequest {
                target: ConvertTarget::Goal,
                objective_id: Some(objective.id),
            },
        )
        .unwrap()
        .record_id;
    let goal = store
        .goal_list()
        .unwrap()
        .into_iter()
        .find(|g| g.id == id)
        .unwrap();
    assert_eq!(goal.title, "Onboarding");
    assert!(
        goal.description.contains("• Buddy for new members"),
        "{}",
        goal.description
    );
    assert!(
        goal.description.contains("<i>Starter</i> kit 🎒"),
        "markup stays plain text"
    );
    let converted = store.board().unwrap().groups[0].converted.clone().unwrap();
    assert_eq!(
        (converted.target, converted.record_id),
        (ConvertTarget::Goal, id)
    );
}

#[test]
fn a_group_becomes_a_theme_a_finding_or_a_scenario() {
    let (mut store, group, other) = store_with_notes();
    convert(&mut store, group, ConvertTarget::Theme).unwrap();
    convert(&mut store, other, ConvertTarget::Finding).unwrap();
    convert(&mut store, other, ConvertTarget::Scenario).unwrap();
    assert_eq!(store.themes().unwrap()[0].name, "Onboarding");
    assert_eq!(store.audit_findings().unwrap()[0].title, "Recognition");
    let plan = store.crisis_plan().unwrap();
    assert!(plan
        .scenarios
        .iter()
        .any(|s| s.title == "Recognition" && s.description == "• Badges"));
    let empty = store.save_group(None, "Empty").unwrap().id;
    assert!(store
        .convert_group(
            empty,
            &ConvertRequest {
                target: ConvertTarget::Theme,
                objective_id: None
            }
        )
        .is_err());
}

#[test]
fn a_conversion_that_fails_half_way_leaves_no_record_behind() {
    let (mut store, group, _) = store_with_notes();
    // Make the second write of the conversion (marking the group) fail inside the
    // transaction, after the theme row was inserted.
    store
        .conn
        .execute_batch(
            "CREATE TRIGGER refuse_mark BEFORE UPDATE OF converted_id ON idea_groups
             BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;",
        )
        .unwrap();
    assert!(store
        .convert_group(
            group,
            &ConvertRequest {
                target: ConvertTarget::Theme,
                objective_id: None
            }
        )
        .is_err());
    assert!(
        store.themes().unwrap().is_empty(),
        "the theme was rolled back with the failed mark"
    );
    assert!(store.board().unwrap().groups[0].converted.is_none());
}

#[test]
fn initiatives_are_scored_beside_the_ideas() {
    let (mut store, group, _) = store_with_notes();
    let request = ConvertRequest {
        target: ConvertTarget::Initiative,
        objective_id: None,
    };
    let id = store.convert_group(group, &request).unwrap().record_id;
    let roadmap = store.roadmap().unwrap();
    assert_eq!(roadmap.initiatives[0].title, "Onboarding");
    assert!(roadmap.initiatives[0]
        .description
        .contains("• Welcome thread"));
    store.score_initiative(id, Some(5), Some(2)).unwrap();
    assert!(
        store.score_initiative(id, Some(6), None).is_err(),
        "scores run 1 to 5"
    );
    assert!(store
        .score_initiative(Uuid::now_v7(), Some(1), None)
        .is_err());
    let view = store.workshop_board().unwrap();
    assert_eq!(view.initiative_ranking[0].title, "Onboarding");
    assert_eq!(
        view.initiative_ranking[0].quadrant,
        Some(groundwork_core::workshop::priority::IdeaQuadrant::QuickWin)
    );
}

/// Turns a group into a record of `target` that needs no objective.
fn convert(
    store: &mut Store,
    group: Uuid,
    target: ConvertTarget,
) -> crate::Result<groundwork_core::workshop::Conversion> {
    store.convert_group(
        group,
        &ConvertRequest {
            target,
            objective_id: None,
        },
    )
}
