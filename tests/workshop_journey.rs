//! A workshop in the real window: a capture session (ten notes typed with Enter, two groups
//! filled by keyboard, one group turned into a goal that then shows in the Goals step), a dot
//! vote with a refused over-budget vote, and the presentation driven through the keyboard with
//! a screenshot of every slide at 1280×720. And the example workbook opened from the home
//! screen with its guided tour.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use fantoccini::Locator;
use groundwork_e2e::{app_binary, App};

const ENTER: &str = "\u{E007}";
const TAB: &str = "\u{E004}";
const ESCAPE: &str = "\u{E00C}";
const RIGHT: &str = "\u{E014}";
const PAGE_DOWN: &str = "\u{E00F}";
const PAGE_UP: &str = "\u{E00E}";

const NOTES: [&str; 10] = [
    "Welcome thread for new members",
    "Buddy system",
    "Starter kit <b>box</b>",
    "Onboarding video",
    "Badges for helpers",
    "Thank-you notes from the CEO",
    "Helper of the month 🏅",
    "Monthly AMA",
    "Local meetups",
    "Office hours with engineers",
];

async fn count(app: &App, css: &str) -> usize {
    app.client.find_all(Locator::Css(css)).await.unwrap().len()
}

async fn wait_count(app: &App, css: &str, expected: usize) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while count(app, css).await != expected {
        assert!(
            Instant::now() < deadline,
            "{css} never counted {expected} (it counts {})",
            count(app, css).await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn press(app: &App, keys: &str) {
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_capture_session_a_dot_vote_and_the_presentation() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(&binary, data.path()).await;
    app.client.set_window_size(1280, 720).await.unwrap();
    app.click("new-workbook").await;
    app.type_into("new-workbook-name", "Workshop day").await;
    app.click("create-workbook").await;

    // A goal serves an objective: the room's goal will go under this one.
    app.click("nav-goals").await;
    app.click("objective-add").await;
    app.type_into("objective-title", "Keep new members").await;
    app.click("objective-save").await;
    app.wait_for_text("goal-tree", "Keep new members").await;

    app.click("nav-workshop").await;
    app.click("capture-input").await;
    // Typed into whatever has focus: Enter adds the note and keeps focus in the input.
    for note in NOTES {
        press(&app, &format!("{note}{ENTER}")).await;
        wait_count(
            &app,
            "[data-testid=note]",
            NOTES.iter().position(|n| *n == note).unwrap() + 1,
        )
        .await;
    }
    assert_eq!(
        app.value("capture-input").await,
        "",
        "the input is cleared for the next note"
    );

    for group in ["Onboarding", "Recognition"] {
        app.type_into("group-input", group).await;
        app.click("group-add").await;
    }
    wait_count(&app, "[data-testid=group-name]", 2).await;

    // By keyboard: select the first unsorted note and press the group's number.
    let first_unsorted = "[data-testid=group-column]:first-child [data-testid=note]";
    for key in ["1", "1", "1", "1", "2", "2", "2"] {
        app.wait_for(first_unsorted).await.click().await.unwrap();
        press(&app, key).await;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    wait_count(
        &app,
        "[data-testid=group-column]:nth-child(2) [data-testid=note]",
        4,
    )
    .await;
    wait_count(
        &app,
        "[data-testid=group-column]:nth-child(3) [data-testid=note]",
        3,
    )
    .await;
    wait_count(&app, first_unsorted, 3).await;
    app.screenshot("workshop-capture").await;

    app.click("convert-group").await; // the first group's button; Goal is the default target
    app.wait_for_text("workshop-notice", "“Onboarding” is now a goal")
        .await;
    app.wait_for_text("group-converted", "Onboarding").await;
    app.click("nav-goals").await;
    app.wait_for_text("goal-tree", "Onboarding").await;
    app.screenshot("workshop-goal-in-goals").await;

    // Dot vote: two participants, three dots each.
    app.click("nav-workshop").await;
    app.click("workshop-tab-vote").await;
    for person in ["Ana", "Ben"] {
        app.type_into("participant-input", person).await;
        app.click("participant-add").await;
    }
    wait_count(&app, "[data-testid=dots-left]", 2).await;
    let cells = "[data-testid=vote-cell]";
    wait_count(&app, cells, 20).await;
    // Cells run note by note, two participants per note: Ana's first, then Ben's.
    set_cell(&app, 0, "2").await; // Ana: 2 on note 1
    set_cell(&app, 1, "1").await; // Ben: 1 on note 1
    set_cell(&app, 3, "2").await; // Ben: 2 on note 2
    app.wait_for_text("dots-left", "1 left").await;
    set_cell(&app, 2, "2").await; // Ana: 2 more would make 4 of 3
    app.wait_for_text("workshop-error", "Ana has 3 dots to place and 1 dot left")
        .await;
    app.screenshot("workshop-vote-refused").await;
    set_cell(&app, 2, "1").await;
    app.click("workshop-tab-prioritise").await;
    app.wait_for_text("ranking-row", "3").await;
    let top = app.text("ranking-row").await;
    assert!(top.contains("3"), "the note with 3 dots leads: {top}");
    app.screenshot("workshop-prioritise").await;

    // The presentation, by keyboard only.
    app.click("present").await;
    app.testid("presentation").await;
    let mut titles = Vec::new();
    for n in 1..=9 {
        app.wait_for_text("slide-number", &format!("{n} / 9")).await;
        let slide = app
            .testid("slide")
            .await
            .attr("data-slide")
            .await
            .unwrap()
            .unwrap_or_default();
        titles.push(app.text("slide-title").await);
        app.screenshot(&format!("slide-{n}-{slide}")).await;
        press(&app, if n % 2 == 0 { PAGE_DOWN } else { RIGHT }).await;
    }
    assert_eq!(titles.len(), 9);
    assert!(titles.iter().any(|t| t.contains("Goals")), "{titles:?}");
    app.wait_for_text("slide-number", "9 / 9").await;
    press(&app, PAGE_UP).await;
    app.wait_for_text("slide-number", "8 / 9").await;
    app.wait_for_text("slide-ranking", "Welcome thread for new members")
        .await;
    press(&app, ESCAPE).await;
    wait_count(&app, "[data-testid=presentation]", 0).await;
    app.quit().await;
}

async fn app_cells(app: &App, i: usize) -> fantoccini::elements::Element {
    app.client
        .find_all(Locator::Css("[data-testid=vote-cell]"))
        .await
        .unwrap()
        .remove(i)
}

async fn set_cell(app: &App, i: usize, dots: &str) {
    let cell = app_cells(app, i).await;
    cell.clear().await.unwrap();
    cell.send_keys(&format!("{dots}{TAB}")).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
}

#[tokio::test]
async fn the_example_opens_from_the_home_screen_with_its_tour() {
    let Some(binary) = app_binary() else { return };
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(&binary, data.path()).await;
    app.click("open-example").await;
    app.wait_for_text("workbook-title", "Riders' Circle strategy")
        .await;
    app.wait_for_text("tour-title", "Community audit").await;
    app.screenshot("example-tour").await;
    app.click("tour-next").await;
    app.wait_for_text("tour-title", "Stakeholders and interviews")
        .await;
    app.click("tour-close").await;
    wait_count(&app, "[data-testid=tour]", 0).await;
    app.click("nav-goals").await;
    app.wait_for_text("goal-tree", "Members answer each other first")
        .await;
    app.screenshot("example-goals").await;
    app.click("nav-workshop").await;
    app.click("workshop-tab-prioritise").await;
    app.wait_for_text("ranking-row", "Invite every test rider to the forum")
        .await;
    app.screenshot("example-prioritise").await;
    app.click("present").await;
    for n in 1..=9 {
        app.wait_for_text("slide-number", &format!("{n} / 9")).await;
        let slide = app
            .testid("slide")
            .await
            .attr("data-slide")
            .await
            .unwrap()
            .unwrap_or_default();
        if slide != "timeline" {
            assert_eq!(
                count(&app, "[data-testid=slide-missing]").await,
                0,
                "the example fills the {slide} slide"
            );
        }
        app.screenshot(&format!("example-slide-{n}-{slide}")).await;
        press(&app, RIGHT).await;
    }
    press(&app, ESCAPE).await;
    wait_count(&app, "[data-testid=presentation]", 0).await;

    // Back home and again: the example is opened, not written twice, and the tour stays closed.
    app.click("back-home").await;
    app.click("open-example").await;
    app.wait_for_text("workbook-title", "Riders' Circle strategy")
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        count(&app, "[data-testid=tour]").await,
        0,
        "a dismissed tour stays dismissed"
    );
    app.click("tour-open").await;
    app.testid("tour").await;
    app.quit().await;
    let files: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "groundwork"))
        .collect();
    assert_eq!(files.len(), 1, "one example file in the data folder");
}
