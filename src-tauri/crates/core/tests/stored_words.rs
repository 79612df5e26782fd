//! The words the workbook file stores for each enum, pinned: a workbook already on disk holds
//! them, so none may change. A new variant adds its line here; an existing line never changes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use groundwork_core::audit::channels::{ChannelKind, Ownership};
use groundwork_core::audit::findings::Importance;
use groundwork_core::audit::maturity::Competency;
use groundwork_core::audit::situation::PeerKind;
use groundwork_core::documents::Document;
use groundwork_core::goals::kpis::{Cadence, Direction, KpiCategory};
use groundwork_core::goals::EvidenceKind;
use groundwork_core::roadmap::{InitiativeStatus, Schedule};
use groundwork_core::stakeholders::interviews::InterviewMode;
use groundwork_core::stakeholders::themes::ThemeSide;
use groundwork_core::stakeholders::{Attitude, Department, InterviewStatus};
use groundwork_core::workbook::Step;
use groundwork_core::workshop::ConvertTarget;

/// (enum, variant, stored word), as shipped.
const STORED: &[(&str, &str, &str)] = &[
    ("KpiCategory", "Growth", "growth"),
    ("KpiCategory", "Engagement", "engagement"),
    ("KpiCategory", "Reach", "reach"),
    ("KpiCategory", "Conversion", "conversion"),
    ("KpiCategory", "Satisfaction", "satisfaction"),
    ("KpiCategory", "Retention", "retention"),
    (
        "KpiCategory",
        "SupportCostReduction",
        "support_cost_reduction",
    ),
    ("KpiCategory", "Advocacy", "advocacy"),
    ("KpiCategory", "ProductFeedback", "product_feedback"),
    ("KpiCategory", "Custom", "custom"),
    ("Direction", "Higher", "higher"),
    ("Direction", "Lower", "lower"),
    ("Cadence", "Weekly", "weekly"),
    ("Cadence", "Monthly", "monthly"),
    ("Cadence", "Quarterly", "quarterly"),
    ("Cadence", "Yearly", "yearly"),
    ("EvidenceKind", "Finding", "finding"),
    ("EvidenceKind", "Theme", "theme"),
    ("EvidenceKind", "Quote", "quote"),
    ("ThemeSide", "Unmarked", "unmarked"),
    ("ThemeSide", "Organisation", "organisation"),
    ("ThemeSide", "Members", "members"),
    ("ThemeSide", "Both", "both"),
    ("Department", "Marketing", "marketing"),
    ("Department", "Sales", "sales"),
    ("Department", "Support", "support"),
    ("Department", "Pr", "pr"),
    ("Department", "Product", "product"),
    ("Department", "Hr", "hr"),
    ("Department", "Executive", "executive"),
    ("Department", "Legal", "legal"),
    ("Department", "Members", "members"),
    ("Department", "Partners", "partners"),
    ("Department", "Other", "other"),
    ("Attitude", "Champion", "champion"),
    ("Attitude", "Neutral", "neutral"),
    ("Attitude", "Sceptic", "sceptic"),
    ("InterviewStatus", "ToInvite", "toInvite"),
    ("InterviewStatus", "Scheduled", "scheduled"),
    ("InterviewStatus", "Interviewed", "interviewed"),
    ("InterviewStatus", "Declined", "declined"),
    ("InterviewMode", "InPerson", "inPerson"),
    ("InterviewMode", "Video", "video"),
    ("InterviewMode", "Phone", "phone"),
    ("InterviewMode", "Written", "written"),
    ("Competency", "Strategy", "strategy"),
    ("Competency", "Leadership", "leadership"),
    ("Competency", "Culture", "culture"),
    ("Competency", "CommunityManagement", "communityManagement"),
    (
        "Competency",
        "ContentAndProgramming",
        "contentAndProgramming",
    ),
    (
        "Competency",
        "PoliciesAndGovernance",
        "policiesAndGovernance",
    ),
    ("Competency", "Tools", "tools"),
    (
        "Competency",
        "MetricsAndMeasurement",
        "metricsAndMeasurement",
    ),
    ("PeerKind", "LikeMinded", "likeMinded"),
    ("PeerKind", "Competitor", "competitor"),
    ("ChannelKind", "Forum", "forum"),
    ("ChannelKind", "FacebookGroup", "facebookGroup"),
    ("ChannelKind", "LinkedinGroup", "linkedinGroup"),
    ("ChannelKind", "DiscordServer", "discordServer"),
    ("ChannelKind", "SlackWorkspace", "slackWorkspace"),
    ("ChannelKind", "Subreddit", "subreddit"),
    ("ChannelKind", "XChat", "xChat"),
    ("ChannelKind", "VideoChannel", "videoChannel"),
    ("ChannelKind", "ReviewSite", "reviewSite"),
    ("ChannelKind", "LiveVideo", "liveVideo"),
    ("ChannelKind", "Events", "events"),
    ("ChannelKind", "InProduct", "inProduct"),
    ("ChannelKind", "Other", "other"),
    ("Ownership", "Owned", "owned"),
    ("Ownership", "Unofficial", "unofficial"),
    ("Importance", "High", "high"),
    ("Importance", "Medium", "medium"),
    ("Importance", "Low", "low"),
    ("ConvertTarget", "Theme", "theme"),
    ("ConvertTarget", "Finding", "finding"),
    ("ConvertTarget", "Goal", "goal"),
    ("ConvertTarget", "Scenario", "scenario"),
    ("ConvertTarget", "Initiative", "initiative"),
    ("Schedule", "Dated", "dated"),
    ("Schedule", "Next", "next"),
    ("Schedule", "Later", "later"),
    ("InitiativeStatus", "Planned", "planned"),
    ("InitiativeStatus", "InProgress", "inProgress"),
    ("InitiativeStatus", "Done", "done"),
    ("InitiativeStatus", "Parked", "parked"),
    ("Document", "Full", "full"),
    ("Document", "Roadmap", "roadmap"),
    ("Document", "Crisis", "crisis"),
    ("Document", "Audit", "audit"),
    ("Step", "Audit", "audit"),
    ("Step", "Stakeholders", "stakeholders"),
    ("Step", "Goals", "goals"),
    ("Step", "Crisis", "crisis"),
    ("Step", "Roadmap", "roadmap"),
];

/// Every variant of each enum with the word it stores, and each word read back to its variant.
macro_rules! words {
    ($out:ident, $name:ident) => {
        for v in $name::ALL {
            assert_eq!($name::from_slug(v.slug()), Some(v), "{v:?} reads back");
            $out.push((stringify!($name), format!("{v:?}"), v.slug()));
        }
    };
}

#[test]
fn the_stored_words_never_change() {
    let mut actual: Vec<(&str, String, &str)> = Vec::new();
    words!(actual, KpiCategory);
    words!(actual, Direction);
    words!(actual, Cadence);
    words!(actual, EvidenceKind);
    words!(actual, ThemeSide);
    words!(actual, Department);
    words!(actual, Attitude);
    words!(actual, InterviewStatus);
    words!(actual, InterviewMode);
    words!(actual, Competency);
    words!(actual, PeerKind);
    words!(actual, ChannelKind);
    words!(actual, Ownership);
    words!(actual, Importance);
    words!(actual, ConvertTarget);
    words!(actual, Schedule);
    words!(actual, InitiativeStatus);
    words!(actual, Document);
    words!(actual, Step);

    let expected: Vec<(&str, String, &str)> = STORED
        .iter()
        .map(|&(e, v, w)| (e, v.to_owned(), w))
        .collect();
    assert_eq!(actual, expected);
}
