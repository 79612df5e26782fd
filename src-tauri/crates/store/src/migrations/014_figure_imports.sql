-- Figures imported from other tools' exports.

-- The column mapping last used for each source, found again by the source's column names
-- (its signature), so next month's export imports in one click. `target` is 'kpi' or
-- 'snapshots'; `mapping` is the mapping as JSON.
CREATE TABLE figure_mapping (
    signature TEXT NOT NULL,
    target    TEXT NOT NULL CHECK (target IN ('kpi', 'snapshots')),
    mapping   TEXT NOT NULL,
    used_at   TEXT NOT NULL,
    PRIMARY KEY (signature, target)
);

-- Each import, with what Undo needs to put the workbook back: the rows it added and the rows
-- it replaced as they were (JSON).
CREATE TABLE figure_import (
    id          TEXT PRIMARY KEY,
    imported_at TEXT NOT NULL,
    source      TEXT NOT NULL,
    summary     TEXT NOT NULL,
    undo        TEXT NOT NULL,
    undone_at   TEXT
);
