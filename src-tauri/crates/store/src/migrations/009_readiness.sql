-- Readiness issues the strategist accepts, each with the reason. `issue_key` is the rule id
-- and the record's id ("goals.kpi-without-source/0190…"), so a dismissal follows its record
-- and is simply unused once the issue is fixed or the record is deleted.

CREATE TABLE readiness_dismissals (
    issue_key     TEXT PRIMARY KEY,
    reason        TEXT NOT NULL,
    dismissed_at  TEXT NOT NULL
) STRICT;
