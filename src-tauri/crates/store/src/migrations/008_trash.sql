-- The Trash: each deleted record with every row its deletion took along, restorable for 30
-- days. `contents` is JSON: {"deleted": [{"table", "row"}…] parents first, "cleared":
-- [{"table", "key", "column", "value"}…] references that ON DELETE SET NULL emptied}.
CREATE TABLE trash (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    label      TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    contents   TEXT NOT NULL
) STRICT;
CREATE INDEX trash_by_time ON trash (deleted_at);
