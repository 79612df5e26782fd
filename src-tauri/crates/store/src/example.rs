//! The built-in example workbook: a fictional cargo-bike maker's community strategy with every
//! step filled in, written for Groundwork. It is built through the store's public writes, so it
//! is always valid for the current schema and shows exactly what a strategist could type.
//! Dates are placed around `today` so the KPI status and the timeline look alive whenever the
//! example is opened.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use groundwork_core::audit::channels::{ChannelEdit, ChannelKind, Ownership};
use groundwork_core::audit::findings::{FindingEdit, Importance};
use groundwork_core::audit::maturity::{Competency, MaturityEdit};
use groundwork_core::audit::situation::{PeerEdit, PeerKind, Situation};
use groundwork_core::audit::snapshots::SnapshotEdit;
use groundwork_core::crisis::{
    ContactEdit, EscalationEdit, Guidelines, ScenarioEdit, StatementEdit,
};
use groundwork_core::goals::kpis::{Cadence, Direction, KpiCategory, KpiEdit, KpiOwner};
use groundwork_core::goals::measurements::MeasurementEdit;
use groundwork_core::goals::{EvidenceKind, EvidenceRef, GoalEdit, Narrative, ObjectiveEdit};
use groundwork_core::interviews::{InterviewEdit, InterviewMode};
use groundwork_core::profile::ProfileEdit;
use groundwork_core::roadmap::{InitiativeEdit, InitiativeStatus, PhaseEdit, Schedule};
use groundwork_core::stakeholders::{Attitude, Department, InterviewStatus, StakeholderEdit};
use groundwork_core::themes::{TagKind, TagTarget, ThemeEdit, ThemeSide};
use uuid::Uuid;

use crate::{Result, Store};

/// The example's organisation, also used to name its file.
pub const EXAMPLE_ORGANISATION: &str = "Fernhill Cargo Bikes";
/// The example workbook's name.
pub const EXAMPLE_NAME: &str = "Riders' Circle strategy";

/// The file name the home screen gives the example in the data folder.
pub fn example_file_name() -> String {
    format!(
        "Example — {EXAMPLE_ORGANISATION}.{}",
        crate::WORKBOOK_EXTENSION
    )
}

/// Creates the example workbook at `path` (never replacing a file) and fills it.
pub fn create_example(path: &Path, today: NaiveDate) -> Result<Store> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| crate::StoreError::io(dir, &e))?;
    }
    let mut store = Store::create(path, EXAMPLE_NAME, EXAMPLE_ORGANISATION)?;
    fill_example(&mut store, today)?;
    Ok(store)
}

/// Fills a new, empty workbook with the example.
pub fn fill_example(store: &mut Store, today: NaiveDate) -> Result<()> {
    let day = |offset: i64| (today + Duration::days(offset)).to_string();
    store.update_profile(&ProfileEdit {
        name: EXAMPLE_NAME.into(),
        organisation: EXAMPLE_ORGANISATION.into(),
        community_name: "Fernhill Riders' Circle".into(),
        strategist: "Maren Oduya".into(),
        purpose: "Fernhill Riders' Circle brings together families, couriers and small shops who carry their lives on a cargo bike, so that every new rider learns from someone who has ridden the same hill in the same rain — and so that Fernhill hears, early and plainly, what riders need next.".into(),
    })?;
    let findings = audit(store, today, &day)?;
    let (themes, quotes, owner) = stakeholders(store, &day)?;
    let goal_ids = goals(store, today, &day, &findings, &themes, &quotes, owner)?;
    roadmap(store, &day, &goal_ids, owner)?;
    crisis(store, &findings)?;
    workshop(store)?;
    Ok(())
}

fn audit(store: &mut Store, today: NaiveDate, day: &dyn Fn(i64) -> String) -> Result<Vec<Uuid>> {
    let channels = [
        (
            ChannelKind::Forum,
            "Fernhill Riders forum",
            "https://riders.fernhill.example",
            Ownership::Owned,
            "Owners after their first month; many are parents",
            "Community team (Maren, Tobi)",
            "The home of the community; strong on repair questions, quiet on everything else.",
        ),
        (
            ChannelKind::FacebookGroup,
            "Cargo Bike Parents (unofficial)",
            "https://facebook.example/groups/cargoparents",
            Ownership::Unofficial,
            "Parents comparing bikes before buying",
            "Two volunteer owners, not staff",
            "Larger than our forum and friendlier; we are guests there, not hosts.",
        ),
        (
            ChannelKind::VideoChannel,
            "Fernhill on video",
            "https://video.example/fernhill",
            Ownership::Owned,
            "Prospective buyers; mechanics",
            "Marketing",
            "Maintenance videos draw most of the views; comments go unanswered for days.",
        ),
        (
            ChannelKind::Events,
            "Saturday test rides",
            "",
            Ownership::Owned,
            "Local families and couriers",
            "Shop partners",
            "Twelve partner shops host rides; the best converts to sales.",
        ),
        (
            ChannelKind::ReviewSite,
            "Reviews on bike marketplaces",
            "",
            Ownership::Unofficial,
            "Buyers about to decide",
            "Nobody",
            "Reviews mention slow spare-part delivery more than anything else.",
        ),
    ];
    let mut channel_ids = Vec::new();
    let mut snapshot_ids = Vec::new();
    for (i, (kind, name, link, ownership, audience, run_by, notes)) in
        channels.into_iter().enumerate()
    {
        let channel = store.save_channel(
            None,
            &ChannelEdit {
                kind,
                name: name.into(),
                link: link.into(),
                ownership,
                audience: audience.into(),
                run_by: run_by.into(),
                notes: notes.into(),
            },
        )?;
        let base = [2_400, 9_800, 5_100, 640, 310][i];
        for (n, offset) in [(0, -200), (1, -30)] {
            let members = base + n * base / 6;
            let snapshot = store.save_snapshot(
                None,
                &SnapshotEdit {
                    channel_id: channel.id,
                    taken_on: day(offset),
                    members: members.to_string(),
                    active_members: (members / [5, 7, 20, 2, 3][i]).to_string(),
                    posts_per_month: [420, 1_150, 18, 12, 25][i].to_string(),
                    median_response_hours: [30 - n * 12, 4, 72, 1, 120][i].to_string(),
                    sentiment: [3, 4, 3, 5, 2][i].to_string(),
                    custom: Vec::new(),
                    notes: if n == 0 {
                        "Before the audit.".into()
                    } else {
                        "At the audit.".into()
                    },
                },
                today,
            )?;
            snapshot_ids.push((i, snapshot.id));
        }
        channel_ids.push(channel.id);
    }
    let stages = [
        (
            Competency::Strategy,
            "2",
            "A one-page plan from last year; no goals tied to business numbers.",
        ),
        (
            Competency::Leadership,
            "2",
            "The head of customer experience sponsors the forum but has no budget line for it.",
        ),
        (
            Competency::Culture,
            "3",
            "Product engineers read the forum weekly and answer repair threads.",
        ),
        (
            Competency::CommunityManagement,
            "2",
            "One and a half people; moderation happens in the evenings.",
        ),
        (
            Competency::ContentAndProgramming,
            "2",
            "Videos and test rides exist but are not planned as a programme.",
        ),
        (
            Competency::PoliciesAndGovernance,
            "1",
            "No written guidelines; removals are decided case by case.",
        ),
        (
            Competency::Tools,
            "3",
            "A modern forum platform with single sign-on from the shop.",
        ),
        (
            Competency::MetricsAndMeasurement,
            "1",
            "Member counts only; nobody tracks answers or retention.",
        ),
    ];
    for (competency, stage, evidence) in stages {
        store.save_maturity(&MaturityEdit {
            competency,
            stage: stage.into(),
            evidence: evidence.into(),
        })?;
    }
    store.update_situation(&Situation {
        resources: "1.5 community staff, a forum licence paid until next spring, twelve partner shops, two engineers who like answering questions.".into(),
        obstacles: "No moderation cover at weekends; the support team sees the forum as extra work.".into(),
        opportunities: "Parents already recommend us to each other in the unofficial group; the new long-tail model launches in the autumn.".into(),
        threats: "Spare-part delays are turning into public complaints; a competitor is courting our partner shops.".into(),
        target_audience: "Cargo-bike owners in their first year, and people about to buy their first one.".into(),
        tone_and_voice: "Practical, warm, a little muddy: the voice of a neighbour who has fixed this before.".into(),
    })?;
    store.save_peer(
        None,
        &PeerEdit {
            name: "Open Streets Collective".into(),
            kind: PeerKind::LikeMinded,
            communities: "Neighbourhood chat groups, monthly rides".into(),
            notes: "Could co-host family rides.".into(),
        },
    )?;
    store.save_peer(
        None,
        &PeerEdit {
            name: "Longhaul Bikes".into(),
            kind: PeerKind::Competitor,
            communities: "Active Discord server, ambassador programme".into(),
            notes: "Their ambassadors answer within the hour.".into(),
        },
    )?;
    let snapshots_of = |i: usize| {
        snapshot_ids
            .iter()
            .filter(|(c, _)| *c == i)
            .map(|(_, s)| *s)
            .collect::<Vec<_>>()
    };
    let findings = [
        ("Questions wait more than a day for an answer on the forum", Importance::High, "The median first response was 30 hours before the audit and 18 hours at it; half the threads are answered by the same four members.", vec![channel_ids[0]], snapshots_of(0)),
        ("Our most engaged owners gather in a group we do not run", Importance::High, "The unofficial parents' group is four times as active as our forum and its tone is warmer.", vec![channel_ids[1]], snapshots_of(1)),
        ("Test rides convert, but nobody follows up", Importance::Medium, "Partner shops report that one ride in three leads to a sale; riders are never invited to the forum afterwards.", vec![channel_ids[3]], snapshots_of(3)),
        ("Spare-part delays dominate public reviews", Importance::High, "Two of every three critical reviews name spare parts; none has a reply from us.", vec![channel_ids[4]], snapshots_of(4)),
    ];
    let mut ids = Vec::new();
    for (title, importance, evidence, channel_ids, snapshot_ids) in findings {
        let f = store.save_finding(
            None,
            &FindingEdit {
                title: title.into(),
                importance,
                evidence: evidence.into(),
                channel_ids,
                snapshot_ids,
            },
        )?;
        ids.push(f.id);
    }
    Ok(ids)
}

/// Returns the themes' ids, the quotes' ids and a stakeholder who owns KPIs.
fn stakeholders(
    store: &mut Store,
    day: &dyn Fn(i64) -> String,
) -> Result<(Vec<Uuid>, Vec<Uuid>, Uuid)> {
    let people = [
        (
            "Hedda Brunvoll",
            "Head of customer experience",
            Department::Executive,
            5,
            4,
            Attitude::Champion,
            "Fewer repeat support tickets and a community she can show the board.",
            InterviewStatus::Interviewed,
        ),
        (
            "Kwame Asante",
            "Support team lead",
            Department::Support,
            4,
            5,
            Attitude::Sceptic,
            "Not to be handed a second inbox without extra people.",
            InterviewStatus::Interviewed,
        ),
        (
            "Lucía Ferrer",
            "Brand and content manager",
            Department::Marketing,
            3,
            4,
            Attitude::Neutral,
            "Stories from real families for the autumn launch.",
            InterviewStatus::Interviewed,
        ),
        (
            "Jonas Vik",
            "Product engineer, drivetrain",
            Department::Product,
            3,
            5,
            Attitude::Champion,
            "Early reports of parts wearing out, with photos.",
            InterviewStatus::Interviewed,
        ),
        (
            "Priya Raman",
            "Partner shop owner, Eastgate",
            Department::Partners,
            2,
            4,
            Attitude::Neutral,
            "Riders who come back to her shop for service.",
            InterviewStatus::Scheduled,
        ),
        (
            "Amadou Diallo",
            "Long-time forum member",
            Department::Members,
            1,
            5,
            Attitude::Champion,
            "Recognition for the members who answer every night.",
            InterviewStatus::Interviewed,
        ),
    ];
    let mut ids = Vec::new();
    for (name, role, department, influence, interest, attitude, wants, status) in people {
        let s = store.create_stakeholder(&StakeholderEdit {
            name: name.into(),
            role: role.into(),
            department,
            influence,
            interest,
            attitude,
            wants: wants.into(),
            contact: format!(
                "{}@fernhill.example",
                name.split(' ').next().unwrap_or("team").to_lowercase()
            ),
            interview_status: status,
        })?;
        ids.push(s.id);
    }
    let themes = [
        (
            "Answers arrive too late",
            ThemeSide::Both,
            "Members wait; support carries the cost of every unanswered thread.",
        ),
        (
            "Recognise the helpers",
            ThemeSide::Members,
            "The few members who answer most questions feel unseen.",
        ),
        (
            "Real stories sell bikes",
            ThemeSide::Organisation,
            "Families trust other families more than our adverts.",
        ),
        (
            "Parts and repairs",
            ThemeSide::Both,
            "Spare parts and repair know-how come up in every conversation.",
        ),
    ];
    let mut theme_ids = Vec::new();
    for (name, side, description) in themes {
        let t = store.create_theme(&ThemeEdit {
            name: name.into(),
            side,
            description: description.into(),
        })?;
        theme_ids.push(t.id);
    }
    let interviews = [
        (0, -100, InterviewMode::InPerson, "Hedda wants the community in the quarterly board pack. She will fund a second community role if the forum visibly takes load off support within two quarters.", vec![
            ("If the forum answered the easy questions, my team could spend its time on the hard ones.", "Answers arrive too late"),
        ]),
        (1, -95, InterviewMode::Video, "Kwame fears the forum becomes a second queue. He would welcome it if members answered first and staff only stepped in after a day.", vec![
            ("Every thread nobody answers comes back to us as an angry email.", "Answers arrive too late"),
            ("Give me a clear rule for when we step in, and I am in.", "Parts and repairs"),
        ]),
        (2, -90, InterviewMode::Video, "Lucía needs ten family stories before the autumn launch and has no way to find them.", vec![
            ("The best photo we ever used came from a dad in the Facebook group.", "Real stories sell bikes"),
        ]),
        (3, -88, InterviewMode::InPerson, "Jonas reads the forum every Monday. He wants wear reports tagged by part so he can spot patterns.", vec![
            ("A photo of a worn sprocket tells me more than a survey ever will.", "Parts and repairs"),
        ]),
        (5, -80, InterviewMode::Phone, "Amadou answers most repair questions in the evenings. He asked for nothing but a way to see that it matters.", vec![
            ("Nobody from Fernhill has ever said thank you. I still answer, but some have stopped.", "Recognise the helpers"),
        ]),
    ];
    let mut quote_ids = Vec::new();
    for (who, offset, mode, notes, quotes) in interviews {
        let interview = store.create_interview(&InterviewEdit {
            stakeholder_id: ids[who].clone(),
            date: day(offset),
            interviewer: "Maren Oduya".into(),
            mode,
            guide_id: None,
        })?;
        store.save_interview_notes(&interview.id, notes)?;
        for (text, theme) in quotes {
            let quote = store.add_quote(&interview.id, text)?;
            store.tag_theme(
                &TagTarget {
                    kind: TagKind::Quote,
                    id: quote.id.clone(),
                },
                theme,
            )?;
            if let Ok(id) = Uuid::parse_str(&quote.id) {
                quote_ids.push(id);
            }
        }
    }
    let theme_uuids = theme_ids
        .iter()
        .filter_map(|t| Uuid::parse_str(t).ok())
        .collect();
    let owner = Uuid::parse_str(&ids[1]).unwrap_or_else(|_| Uuid::nil());
    Ok((theme_uuids, quote_ids, owner))
}

#[allow(clippy::too_many_arguments)]
fn goals(
    store: &mut Store,
    today: NaiveDate,
    day: &dyn Fn(i64) -> String,
    findings: &[Uuid],
    themes: &[Uuid],
    quotes: &[Uuid],
    owner: Uuid,
) -> Result<Vec<Uuid>> {
    store.update_narrative(&Narrative {
        member_value: "Quick, friendly answers from riders who have been there, and a place to show off the bike that carries the kids.".into(),
        organisation_value: "Fewer support tickets, earlier warning of part problems and real stories for marketing.".into(),
        behaviours: "Answering a newcomer's question; posting a repair with photos; inviting a neighbour to a test ride.".into(),
        story: "A year from now a new owner asks a question on a rainy Sunday and has three good answers before lunch — one of them from a member who was new last spring.".into(),
    })?;
    let support = store.save_objective(
        None,
        &ObjectiveEdit {
            title: "Lower the cost of support".into(),
            description: "Support tickets grow faster than sales.".into(),
        },
    )?;
    let growth = store.save_objective(
        None,
        &ObjectiveEdit {
            title: "Grow sales through word of mouth".into(),
            description: "Referrals close at twice the rate of adverts.".into(),
        },
    )?;
    let cite = |kind, id: &Uuid| EvidenceRef { kind, id: *id };
    let answer_goal = store.save_goal(None, &GoalEdit {
        objective_id: support.id,
        title: "Members answer each other first".into(),
        description: "Most questions are answered by members within hours, with staff stepping in after a day.".into(),
        evidence: [findings.first().map(|f| cite(EvidenceKind::Finding, f)), themes.first().map(|t| cite(EvidenceKind::Theme, t)), quotes.get(1).map(|q| cite(EvidenceKind::Quote, q))].into_iter().flatten().collect(),
    })?;
    let story_goal = store.save_goal(
        None,
        &GoalEdit {
            objective_id: growth.id,
            title: "Riders bring riders".into(),
            description:
                "Test riders join the circle and owners' stories reach people about to buy.".into(),
            evidence: [
                findings.get(2).map(|f| cite(EvidenceKind::Finding, f)),
                themes.get(2).map(|t| cite(EvidenceKind::Theme, t)),
            ]
            .into_iter()
            .flatten()
            .collect(),
        },
    )?;
    let kpis = [
        (
            answer_goal.id,
            "Median first response on the forum",
            KpiCategory::SupportCostReduction,
            "Hours from a new thread to its first reply, median over the month.",
            "hours",
            Direction::Lower,
            "18",
            "6",
            "Forum analytics",
            [16.0, 13.0, 11.0],
        ),
        (
            answer_goal.id,
            "Questions answered by members",
            KpiCategory::Engagement,
            "Share of new threads whose first useful answer comes from a member, not staff.",
            "%",
            Direction::Higher,
            "41",
            "70",
            "Forum analytics",
            [45.0, 50.0, 52.0],
        ),
        (
            story_goal.id,
            "Test riders who join the circle",
            KpiCategory::Conversion,
            "Share of test riders who sign in to the forum within 30 days.",
            "%",
            Direction::Higher,
            "4",
            "25",
            "Shop sign-up sheets and forum single sign-on",
            [6.0, 7.0, 7.5],
        ),
    ];
    for (goal_id, name, category, definition, unit, direction, baseline, target, source, values) in
        kpis
    {
        let kpi = store.save_kpi(
            None,
            &KpiEdit {
                goal_id,
                name: name.into(),
                category,
                custom_category: String::new(),
                definition: definition.into(),
                unit: unit.into(),
                direction,
                baseline_value: baseline.into(),
                baseline_date: day(-120),
                target_value: target.into(),
                target_date: day(240),
                data_source: source.into(),
                owner: KpiOwner {
                    stakeholder_id: Some(owner),
                    name: String::new(),
                },
                cadence: Cadence::Monthly,
                weight: String::new(),
            },
        )?;
        for (value, offset) in values.iter().zip([-90, -60, -30]) {
            store.save_measurement(
                kpi.id,
                None,
                &MeasurementEdit {
                    measured_on: day(offset),
                    value: value.to_string(),
                    note: String::new(),
                },
                today,
            )?;
        }
    }
    Ok(vec![answer_goal.id, story_goal.id])
}

fn roadmap(
    store: &mut Store,
    day: &dyn Fn(i64) -> String,
    goals: &[Uuid],
    owner: Uuid,
) -> Result<()> {
    let phases = [
        (
            "Foundations",
            -60,
            60,
            "Answer every question within a day and write the house rules.",
        ),
        (
            "Growth",
            61,
            180,
            "Bring test riders and the parents' group into the circle.",
        ),
        (
            "Advocacy",
            181,
            300,
            "Owners tell their stories and recognise each other.",
        ),
    ];
    let mut phase_ids = Vec::new();
    for (name, start, end, objective) in phases {
        let phase = store.save_phase(
            None,
            &PhaseEdit {
                name: name.into(),
                start: day(start),
                end: day(end),
                objective: objective.into(),
            },
        )?;
        phase_ids.push(phase.id);
    }
    let initiatives = [
        (
            "Community guidelines and moderation rota",
            0,
            -50,
            10,
            InitiativeStatus::Done,
            0,
            "1200",
        ),
        (
            "Helpers' programme with badges",
            0,
            0,
            90,
            InitiativeStatus::InProgress,
            0,
            "3500",
        ),
        (
            "Test-ride follow-up invitations",
            1,
            70,
            150,
            InitiativeStatus::Planned,
            1,
            "800",
        ),
        (
            "Family stories for the autumn launch",
            2,
            190,
            280,
            InitiativeStatus::Planned,
            1,
            "6000",
        ),
    ];
    for (title, phase, start, end, status, goal, budget) in initiatives {
        store.save_initiative(
            None,
            &InitiativeEdit {
                title: title.into(),
                phase_id: phase_ids.get(phase).copied(),
                goal_ids: goals.get(goal).copied().into_iter().collect(),
                owner: KpiOwner {
                    stakeholder_id: Some(owner),
                    name: String::new(),
                },
                team: "Community team".into(),
                budget: budget.into(),
                currency: "EUR".into(),
                schedule: Schedule::Dated,
                start: day(start),
                end: day(end),
                status,
                ..InitiativeEdit::default()
            },
        )?;
    }
    store.save_initiative(
        None,
        &InitiativeEdit {
            title: "Riders' Circle annual meetup".into(),
            phase_id: phase_ids.get(2).copied(),
            goal_ids: goals.get(1).copied().into_iter().collect(),
            owner: KpiOwner {
                stakeholder_id: None,
                name: "Maren Oduya".into(),
            },
            schedule: Schedule::Later,
            ..InitiativeEdit::default()
        },
    )?;
    Ok(())
}

fn crisis(store: &mut Store, findings: &[Uuid]) -> Result<()> {
    let plan = store.create_contact(&ContactEdit {
        name: "Maren Oduya".into(),
        role: "Community strategist".into(),
        phone: "+47 400 00 101".into(),
        email: "maren@fernhill.example".into(),
        backup_id: None,
    })?;
    let maren = plan
        .contacts
        .last()
        .map(|c| c.id.clone())
        .unwrap_or_default();
    let plan = store.create_contact(&ContactEdit {
        name: "Hedda Brunvoll".into(),
        role: "Head of customer experience".into(),
        phone: "+47 400 00 102".into(),
        email: "hedda@fernhill.example".into(),
        backup_id: Some(maren.clone()),
    })?;
    let hedda = plan
        .contacts
        .iter()
        .find(|c| c.name == "Hedda Brunvoll")
        .map(|c| c.id.clone())
        .unwrap_or_default();
    let levels: Vec<String> = plan.levels.iter().map(|l| l.id.clone()).collect();
    for (i, level) in levels.iter().enumerate() {
        store.create_escalation(&EscalationEdit {
            severity_id: level.clone(),
            contact_id: maren.clone(),
            within: "30 min".into(),
            approves: i == 0,
        })?;
        store.create_escalation(&EscalationEdit {
            severity_id: level.clone(),
            contact_id: hedda.clone(),
            within: "1 h".into(),
            approves: i > 0,
        })?;
    }
    let scenarios = [
        ("A frame defect rumour spreads", "A photo of a cracked frame circulates in the parents' group with claims that the model is unsafe.", 2, 5, "Posts with “crack”, “recall” or “unsafe” in the unofficial group; press enquiries.", vec![findings.get(1)], vec!["Ask the poster for the frame number and offer an inspection the same day.", "Tell engineering and legal within the hour.", "Post the holding statement in the forum and the group."], "We have seen the photo of a cracked frame shared today. We are contacting the owner and inspecting the bike; until we know more, riders with questions can reach {{contact}}. Next update at {{next_update}}."),
        ("Spare-part delays boil over", "Owners waiting for parts coordinate negative reviews and posts.", 4, 3, "More than five review mentions of parts in a week; forum threads about delivery dates.", vec![findings.get(3)], vec!["Publish the real delivery dates per part.", "Reply to every review with the date and a named contact."], "Some spare parts are taking longer than we promised. We are sorry. Current dates per part are posted in {{channel}}; {{contact}} can help with urgent repairs."),
        ("Forum outage on a busy weekend", "The forum goes down while support is closed.", 2, 2, "Uptime alerts; posts about the forum in the Facebook group.", vec![], vec!["Post a notice in the unofficial group and on the video channel's community tab."], "The Riders' Circle forum is down. We are working on it and expect it back by {{next_update}}."),
    ];
    for (title, description, likelihood, impact, signals, finding, actions, statement) in scenarios
    {
        let (_, id) = store.create_scenario(&ScenarioEdit {
            title: title.into(),
            description: description.into(),
            likelihood,
            impact,
            severity_id: levels.get(usize::from(impact >= 4)).cloned(),
            owner: "Maren Oduya".into(),
            signals: signals.into(),
            channels: "Forum\nCargo Bike Parents group\nReview sites".into(),
            finding_ids: finding.into_iter().flatten().copied().collect(),
        })?;
        for action in actions {
            store.add_action(&id, action)?;
        }
        store.create_statement(
            &id,
            &StatementEdit {
                title: "First response".into(),
                body: statement.into(),
            },
        )?;
    }
    store.update_guidelines(&Guidelines {
        tone: "Calm, specific, human. Say what we know, what we do next and when we speak again."
            .into(),
        dos: "Answer in the channel where the question was asked.\nName a person.".into(),
        donts: "Do not argue in comments.\nDo not delete criticism.".into(),
        engage: "When a rider has a real problem, even if angry.".into(),
        disengage: "When an account only repeats insults after one helpful reply.".into(),
        review: "Within a week: what happened, what worked, what we change.".into(),
    })?;
    Ok(())
}

fn workshop(store: &mut Store) -> Result<()> {
    let onboarding = store.create_group("Welcome new riders")?;
    let helpers = store.create_group("Thank the helpers")?;
    let notes = [
        (
            "A welcome thread for each month's new owners",
            Some(&onboarding),
            Some(4),
            Some(1),
        ),
        (
            "Invite every test rider to the forum",
            Some(&onboarding),
            Some(5),
            Some(2),
        ),
        (
            "Repair nights at partner shops",
            Some(&onboarding),
            Some(4),
            Some(4),
        ),
        (
            "Badge for members with 50 accepted answers",
            Some(&helpers),
            Some(3),
            Some(1),
        ),
        (
            "Yearly helpers' ride with the engineers",
            Some(&helpers),
            Some(4),
            Some(3),
        ),
        (
            "Print the forum address on the frame sticker",
            None,
            Some(2),
            Some(1),
        ),
        ("Our own app", None, Some(2), Some(5)),
    ];
    let mut ideas = Vec::new();
    for (text, group, value, effort) in notes {
        let id = store.add_idea(text, group.map(String::as_str))?;
        store.score_idea(&id, value, effort)?;
        ideas.push(id);
    }
    let scores = [
        (Some(4), Some(2)),
        (Some(5), Some(3)),
        (Some(4), Some(1)),
        (Some(3), Some(4)),
        (Some(2), Some(4)),
    ];
    for (initiative, (value, effort)) in store.roadmap()?.initiatives.iter().zip(scores) {
        store.score_initiative(&initiative.id.to_string(), value, effort)?;
    }
    store.set_dot_budget(3)?;
    let people = ["Hedda", "Kwame", "Lucía", "Jonas"];
    let dots = [
        [2, 1, 0, 0, 0, 0, 0],
        [0, 2, 0, 1, 0, 0, 0],
        [0, 1, 0, 0, 1, 1, 0],
        [0, 0, 2, 0, 1, 0, 0],
    ];
    for (name, row) in people.iter().zip(dots) {
        let p = store.add_participant(name)?;
        for (idea, n) in ideas.iter().zip(row) {
            if n > 0 {
                store.set_vote(&p, idea, n)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_fills_every_step() {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut store = create_example(&dir.path().join(example_file_name()), today).unwrap();
        let wb = store.load_workbook().unwrap();
        assert!(
            store.second_reader.borrow().is_some(),
            "the workbook was read on two connections"
        );
        assert_eq!(
            wb,
            store.load_workbook_here().unwrap(),
            "two connections read what one does"
        );
        // An edit made after the second connection opened is read by it at once.
        store
            .save_channel(None, &crate::audit::channels::tests::forum("Added later"))
            .unwrap();
        let again = store.load_workbook().unwrap();
        assert!(again.audit.channels.iter().any(|c| c.name == "Added later"));
        assert_eq!(wb.profile.organisation, EXAMPLE_ORGANISATION);
        assert!(wb.audit.channels.len() >= 5 && wb.audit.findings.len() >= 4);
        assert!(!wb.stakeholders.stakeholders.is_empty());
        assert!(wb.goals.kpis.len() >= 3 && !wb.goals.measurements.is_empty());
        assert!(wb.crisis.scenarios.len() >= 3);
        assert!(wb.roadmap.phases.len() == 3 && wb.roadmap.initiatives.len() == 5);
        let board = store.workshop_board().unwrap();
        assert_eq!(
            board.ranking[0].text, "Invite every test rider to the forum",
            "4 dots lead the vote"
        );
        for count in store.step_counts().unwrap() {
            assert!(count.records > 0, "{} is filled", count.title);
        }
    }
}
