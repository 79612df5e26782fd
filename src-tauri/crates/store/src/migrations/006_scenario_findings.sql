-- The audit findings a crisis scenario rests on. Deleting a scenario or a finding takes its
-- links with it; the other side stays (the store names the citing scenarios before a finding
-- goes). `position` keeps the order the findings were ticked in.

CREATE TABLE scenario_findings (
    scenario_id  TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    finding_id   TEXT NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (scenario_id, finding_id)
) STRICT;
CREATE INDEX scenario_findings_by_finding ON scenario_findings (finding_id);
