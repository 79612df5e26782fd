-- Step 1, the community audit.

-- Where the community lives. Names are unique whatever their case (the core also folds case
-- beyond ASCII; this index is the backstop).
CREATE TABLE channel (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    link       TEXT NOT NULL DEFAULT '',
    ownership  TEXT NOT NULL CHECK (ownership IN ('owned', 'unofficial')),
    audience   TEXT NOT NULL DEFAULT '',
    run_by     TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX channel_name ON channel (name COLLATE NOCASE);

-- A channel's figures at a date: one snapshot per channel per date.
CREATE TABLE snapshot (
    id                    TEXT PRIMARY KEY,
    channel_id            TEXT NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    taken_on              TEXT NOT NULL,
    members               REAL CHECK (members >= 0),
    active_members        REAL CHECK (active_members >= 0),
    posts_per_month       REAL CHECK (posts_per_month >= 0),
    median_response_hours REAL CHECK (median_response_hours >= 0),
    sentiment             REAL CHECK (sentiment BETWEEN 1 AND 5),
    notes                 TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX snapshot_channel_date ON snapshot (channel_id, taken_on);

-- Figures the strategist named, in the order typed.
CREATE TABLE snapshot_figure (
    snapshot_id TEXT NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    value       REAL NOT NULL CHECK (value >= 0),
    PRIMARY KEY (snapshot_id, position)
) STRICT;

-- One row per competency that has been touched.
CREATE TABLE maturity (
    competency TEXT PRIMARY KEY,
    stage      INTEGER CHECK (stage BETWEEN 1 AND 4),
    evidence   TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;

-- At most one row.
CREATE TABLE situation (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    resources       TEXT NOT NULL DEFAULT '',
    obstacles       TEXT NOT NULL DEFAULT '',
    opportunities   TEXT NOT NULL DEFAULT '',
    threats         TEXT NOT NULL DEFAULT '',
    target_audience TEXT NOT NULL DEFAULT '',
    tone_and_voice  TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
) STRICT;

-- Like-minded organisations and competitors, and where their communities live.
CREATE TABLE peer (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('likeMinded', 'competitor')),
    communities TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- What the audit concludes. Ids are cited by later steps and never change.
CREATE TABLE finding (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    importance TEXT NOT NULL CHECK (importance IN ('high', 'medium', 'low')),
    evidence   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- A channel cited by a finding cannot be deleted until the link is removed (the store asks
-- first); a cited snapshot takes its links with it.
CREATE TABLE finding_channel (
    finding_id TEXT NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    channel_id TEXT NOT NULL REFERENCES channel (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (finding_id, channel_id)
) STRICT;
CREATE INDEX finding_channel_by_channel ON finding_channel (channel_id);

CREATE TABLE finding_snapshot (
    finding_id  TEXT NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
    snapshot_id TEXT NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (finding_id, snapshot_id)
) STRICT;
CREATE INDEX finding_snapshot_by_snapshot ON finding_snapshot (snapshot_id);
