-- The workbook's profile: exactly one row.
CREATE TABLE profile (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    workbook_id    TEXT NOT NULL,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    organisation   TEXT NOT NULL DEFAULT '',
    community_name TEXT NOT NULL DEFAULT '',
    strategist     TEXT NOT NULL DEFAULT '',
    purpose        TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
