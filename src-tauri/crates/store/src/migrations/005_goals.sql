-- Step 3, goals and KPIs. The shared purpose stays in the profile; this holds the narrative
-- around it, objectives, goals with their cited evidence, KPIs and their measurements.

CREATE TABLE narrative (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    member_value       TEXT NOT NULL DEFAULT '',
    organisation_value TEXT NOT NULL DEFAULT '',
    behaviours         TEXT NOT NULL DEFAULT '',
    story              TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO narrative (id) VALUES (1);

CREATE TABLE objective (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Removing an objective removes its goals (the store asks first and names them).
CREATE TABLE goal (
    id           TEXT PRIMARY KEY,
    objective_id TEXT NOT NULL REFERENCES objective (id) ON DELETE CASCADE,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX goal_by_objective ON goal (objective_id);

-- A typed citation: the referenced record lives in another step's table, so a trigger per
-- kind removes citations of a record that is deleted.
CREATE TABLE goal_evidence (
    goal_id  TEXT NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('finding', 'theme', 'quote')),
    ref_id   TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (goal_id, kind, ref_id)
) STRICT;
CREATE INDEX goal_evidence_by_ref ON goal_evidence (kind, ref_id);

CREATE TRIGGER finding_cited_by_goals AFTER DELETE ON finding BEGIN
    DELETE FROM goal_evidence WHERE kind = 'finding' AND ref_id = OLD.id;
END;

CREATE TABLE kpi (
    id                   TEXT PRIMARY KEY,
    goal_id              TEXT NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    name                 TEXT NOT NULL CHECK (length(trim(name)) > 0),
    category             TEXT NOT NULL CHECK (category IN ('growth', 'engagement', 'reach',
                             'conversion', 'satisfaction', 'retention', 'support_cost_reduction',
                             'advocacy', 'product_feedback', 'custom')),
    custom_category      TEXT NOT NULL DEFAULT '',
    definition           TEXT NOT NULL DEFAULT '',
    unit                 TEXT NOT NULL DEFAULT '',
    direction            TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
    baseline_value       REAL NOT NULL,
    baseline_date        TEXT NOT NULL,
    target_value         REAL NOT NULL,
    target_date          TEXT NOT NULL,
    data_source          TEXT NOT NULL DEFAULT '',
    -- A stakeholder who leaves the register leaves their typed name behind.
    owner_stakeholder_id TEXT REFERENCES stakeholders (id) ON DELETE SET NULL,
    owner_name           TEXT NOT NULL DEFAULT '',
    cadence              TEXT NOT NULL CHECK (cadence IN ('weekly', 'monthly', 'quarterly', 'yearly')),
    weight               REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK (target_date > baseline_date),
    CHECK (target_value <> baseline_value),
    CHECK ((direction = 'higher') = (target_value > baseline_value))
) STRICT;
CREATE INDEX kpi_by_goal ON kpi (goal_id);
CREATE INDEX kpi_by_owner ON kpi (owner_stakeholder_id);

CREATE TABLE measurement (
    id          TEXT PRIMARY KEY,
    kpi_id      TEXT NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,
    measured_on TEXT NOT NULL,
    value       REAL NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    UNIQUE (kpi_id, measured_on)
) STRICT;

-- Interview themes and quotes (step 2) can be cited too; deleting one removes its citations.
CREATE TRIGGER theme_cited_by_goals AFTER DELETE ON themes BEGIN
    DELETE FROM goal_evidence WHERE kind = 'theme' AND ref_id = OLD.id;
END;
CREATE TRIGGER quote_cited_by_goals AFTER DELETE ON quotes BEGIN
    DELETE FROM goal_evidence WHERE kind = 'quote' AND ref_id = OLD.id;
END;
