-- Step 4, the crisis plan. The starter severity levels and the review template are seeded by
-- the migration's hook (see crisis.rs) so every workbook, new or migrated, gets them once.
-- Audit findings will be linked through a `scenario_findings (scenario_id, finding_id)` table.

CREATE TABLE severity_levels (
    id                TEXT PRIMARY KEY,
    position          INTEGER NOT NULL,
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    definition        TEXT NOT NULL DEFAULT '',
    response_minutes  INTEGER NOT NULL CHECK (response_minutes BETWEEN 1 AND 43200)
) STRICT;

CREATE TABLE scenarios (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description  TEXT NOT NULL DEFAULT '',
    likelihood   INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact       INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    -- A level in use cannot be deleted: the store says which scenarios use it.
    severity_id  TEXT REFERENCES severity_levels (id) ON DELETE RESTRICT,
    owner        TEXT NOT NULL DEFAULT '',
    signals      TEXT NOT NULL DEFAULT '',
    channels     TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE scenario_actions (
    id           TEXT PRIMARY KEY,
    scenario_id  TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0)
) STRICT;
CREATE INDEX scenario_actions_by_scenario ON scenario_actions (scenario_id, position);

CREATE TABLE holding_statements (
    id           TEXT PRIMARY KEY,
    scenario_id  TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX holding_statements_by_scenario ON holding_statements (scenario_id, position);

CREATE TABLE crisis_contacts (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role       TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    backup_id  TEXT REFERENCES crisis_contacts (id) ON DELETE SET NULL CHECK (backup_id IS NULL OR backup_id <> id),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE escalations (
    id              TEXT PRIMARY KEY,
    -- A level or contact on the escalation matrix cannot be deleted until its lines are.
    severity_id     TEXT NOT NULL REFERENCES severity_levels (id) ON DELETE RESTRICT,
    contact_id      TEXT NOT NULL REFERENCES crisis_contacts (id) ON DELETE RESTRICT,
    position        INTEGER NOT NULL,
    within_minutes  INTEGER NOT NULL CHECK (within_minutes BETWEEN 1 AND 43200),
    approves        INTEGER NOT NULL DEFAULT 0 CHECK (approves IN (0, 1))
) STRICT;
CREATE INDEX escalations_by_level ON escalations (severity_id, position);

CREATE TABLE crisis_guidelines (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    tone       TEXT NOT NULL DEFAULT '',
    dos        TEXT NOT NULL DEFAULT '',
    donts      TEXT NOT NULL DEFAULT '',
    engage     TEXT NOT NULL DEFAULT '',
    disengage  TEXT NOT NULL DEFAULT '',
    review     TEXT NOT NULL DEFAULT ''
) STRICT;
