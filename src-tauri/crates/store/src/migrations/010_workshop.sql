-- The workshop board: sticky notes, the groups they are sorted into, the people who vote, their
-- dots, and value/effort scores. A group remembers the record it was turned into.

CREATE TABLE workshop_settings (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    dot_budget  INTEGER NOT NULL CHECK (dot_budget BETWEEN 1 AND 100)
) STRICT;
INSERT INTO workshop_settings (id, dot_budget) VALUES (1, 3);

CREATE TABLE idea_groups (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    position         INTEGER NOT NULL,
    converted_kind   TEXT,
    converted_id     TEXT,
    converted_title  TEXT,
    created_at       TEXT NOT NULL
) STRICT;

CREATE TABLE ideas (
    id          TEXT PRIMARY KEY,
    text        TEXT NOT NULL,
    group_id    TEXT REFERENCES idea_groups (id) ON DELETE SET NULL,
    position    INTEGER NOT NULL,
    value       INTEGER CHECK (value BETWEEN 1 AND 5),
    effort      INTEGER CHECK (effort BETWEEN 1 AND 5),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX ideas_by_group ON ideas (group_id);

CREATE TABLE workshop_participants (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    position  INTEGER NOT NULL
) STRICT;

CREATE TABLE idea_votes (
    participant_id  TEXT NOT NULL REFERENCES workshop_participants (id) ON DELETE CASCADE,
    idea_id         TEXT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    dots            INTEGER NOT NULL CHECK (dots > 0),
    PRIMARY KEY (participant_id, idea_id)
) STRICT;
CREATE INDEX idea_votes_by_idea ON idea_votes (idea_id);

-- Value and effort of roadmap initiatives, scored in the same exercise as the ideas.
CREATE TABLE initiative_scores (
    initiative_id  TEXT PRIMARY KEY REFERENCES initiative (id) ON DELETE CASCADE,
    value          INTEGER CHECK (value BETWEEN 1 AND 5),
    effort         INTEGER CHECK (effort BETWEEN 1 AND 5)
) STRICT;
