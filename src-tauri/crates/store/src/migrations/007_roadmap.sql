-- Step 5, the roadmap: phases and the initiatives that carry the goals out.

CREATE TABLE phase (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    start_on   TEXT NOT NULL,
    end_on     TEXT NOT NULL,
    objective  TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (end_on >= start_on)
) STRICT;

-- Deleting a phase keeps its initiatives, unphased (the store asks first and names them).
-- Budgets are whole hundredths of the currency unit: never floating point.
CREATE TABLE initiative (
    id                   TEXT PRIMARY KEY,
    title                TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description          TEXT NOT NULL DEFAULT '',
    phase_id             TEXT REFERENCES phase (id) ON DELETE SET NULL,
    -- A stakeholder who leaves the register leaves their typed name behind.
    owner_stakeholder_id TEXT REFERENCES stakeholders (id) ON DELETE SET NULL,
    owner_name           TEXT NOT NULL DEFAULT '',
    team                 TEXT NOT NULL DEFAULT '',
    budget_minor         INTEGER CHECK (budget_minor >= 0),
    currency             TEXT CHECK (currency IS NULL OR length(currency) = 3),
    schedule             TEXT NOT NULL CHECK (schedule IN ('dated', 'next', 'later')),
    start_on             TEXT,
    end_on               TEXT,
    status               TEXT NOT NULL CHECK (status IN ('planned', 'inProgress', 'done', 'parked')),
    milestone            INTEGER NOT NULL DEFAULT 0 CHECK (milestone IN (0, 1)),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK ((budget_minor IS NULL) = (currency IS NULL)),
    CHECK ((schedule = 'dated') = (start_on IS NOT NULL AND end_on IS NOT NULL)),
    CHECK (schedule = 'dated' OR (start_on IS NULL AND end_on IS NULL)),
    CHECK (end_on IS NULL OR end_on >= start_on)
) STRICT;
CREATE INDEX initiative_by_phase ON initiative (phase_id);
CREATE INDEX initiative_by_owner ON initiative (owner_stakeholder_id);

-- The goals, KPIs and channels an initiative serves: a deleted goal, KPI or channel drops the link.
CREATE TABLE initiative_goal (
    initiative_id TEXT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    goal_id       TEXT NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, goal_id)
) STRICT;
CREATE INDEX initiative_goal_by_goal ON initiative_goal (goal_id);

CREATE TABLE initiative_kpi (
    initiative_id TEXT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    kpi_id        TEXT NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, kpi_id)
) STRICT;
CREATE INDEX initiative_kpi_by_kpi ON initiative_kpi (kpi_id);

CREATE TABLE initiative_channel (
    initiative_id TEXT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    channel_id    TEXT NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, channel_id)
) STRICT;
CREATE INDEX initiative_channel_by_channel ON initiative_channel (channel_id);

-- `initiative_id` waits for `depends_on_id`. Deleting either drops the dependency; the core
-- refuses circles before anything is written.
CREATE TABLE initiative_dependency (
    initiative_id TEXT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    depends_on_id TEXT NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, depends_on_id),
    CHECK (initiative_id <> depends_on_id)
) STRICT;
CREATE INDEX initiative_dependency_by_target ON initiative_dependency (depends_on_id);
