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
use groundwork_core::interviews::InterviewMode;
use groundwork_core::roadmap::{InitiativeStatus, Schedule};
use groundwork_core::stakeholders::{Attitude, Department, InterviewStatus};
use groundwork_core::themes::ThemeSide;
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
];

/// Every variant of each enum with the word it stores, and each word read back to its variant.
macro_rules! words {
    ($out:ident, $name:ident, $variants:expr, $slug:ident, $from_slug:ident) => {
        for v in $variants {
            assert_eq!($name::$from_slug(v.$slug()), Some(v), "{v:?} reads back");
            $out.push((stringify!($name), format!("{v:?}"), v.$slug()));
        }
    };
}

#[test]
fn the_stored_words_never_change() {
    let mut actual: Vec<(&str, String, &str)> = Vec::new();
    words!(
        actual,
        KpiCategory,
        KpiCategory::ALL.iter().copied(),
        slug,
        from_slug
    );
    words!(
        actual,
        Direction,
        Direction::ALL.iter().copied(),
        slug,
        from_slug
    );
    words!(
        actual,
        Cadence,
        Cadence::ALL.iter().copied(),
        slug,
        from_slug
    );
    words!(
        actual,
        EvidenceKind,
        [
            EvidenceKind::Finding,
            EvidenceKind::Theme,
            EvidenceKind::Quote
        ],
        slug,
        from_slug
    );
    words!(actual, ThemeSide, ThemeSide::ALL, key, from_key);
    words!(actual, Department, Department::ALL, key, from_key);
    words!(actual, Attitude, Attitude::ALL, key, from_key);
    words!(actual, InterviewStatus, InterviewStatus::ALL, key, from_key);
    words!(actual, InterviewMode, InterviewMode::ALL, key, from_key);
    words!(actual, Competency, Competency::ALL, slug, from_slug);
    words!(
        actual,
        PeerKind,
        [PeerKind::LikeMinded, PeerKind::Competitor],
        slug,
        from_slug
    );
    words!(actual, ChannelKind, ChannelKind::ALL, slug, from_slug);
    words!(
        actual,
        Ownership,
        [Ownership::Owned, Ownership::Unofficial],
        slug,
        from_slug
    );
    words!(actual, Importance, Importance::ALL, slug, from_slug);
    words!(actual, ConvertTarget, ConvertTarget::ALL, slug, from_slug);
    words!(actual, Schedule, Schedule::ALL, slug, from_slug);
    words!(
        actual,
        InitiativeStatus,
        InitiativeStatus::ALL,
        slug,
        from_slug
    );
    words!(actual, Document, Document::ALL, slug, from_slug);

    let expected: Vec<(&str, String, &str)> = STORED
        .iter()
        .map(|&(e, v, w)| (e, v.to_owned(), w))
        .collect();
    assert_eq!(actual, expected);
}
