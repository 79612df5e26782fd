-- Step 2: the stakeholder register, interview guides, interviews, themes, and the full-text
-- index over everything said in interviews.
--
-- Tables whose rows are indexed for search have an explicit INTEGER PRIMARY KEY (`seq`): the
-- index refers to rows by it, and an implicit rowid could be renumbered by VACUUM. Ids that
-- leave the database (and that later steps cite as evidence) are the UUID `id` columns.

CREATE TABLE stakeholders (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role             TEXT NOT NULL DEFAULT '',
    department       TEXT NOT NULL CHECK (department IN ('marketing', 'sales', 'support', 'pr',
                         'product', 'hr', 'executive', 'legal', 'members', 'partners', 'other')),
    influence        INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
    interest         INTEGER NOT NULL CHECK (interest BETWEEN 1 AND 5),
    attitude         TEXT NOT NULL CHECK (attitude IN ('champion', 'neutral', 'sceptic')),
    wants            TEXT NOT NULL DEFAULT '',
    contact          TEXT NOT NULL DEFAULT '',
    interview_status TEXT NOT NULL CHECK (interview_status IN ('toInvite', 'scheduled',
                         'interviewed', 'declined')),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE TABLE guides (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE guide_questions (
    id       TEXT PRIMARY KEY,
    guide_id TEXT NOT NULL REFERENCES guides (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    topic    TEXT NOT NULL DEFAULT '',
    text     TEXT NOT NULL CHECK (length(trim(text)) > 0)
) STRICT;
CREATE INDEX guide_questions_by_guide ON guide_questions (guide_id, position);

-- Deleting a stakeholder deletes their interviews (the UI says how many first). Deleting a
-- guide keeps the interviews held with it: their questions were copied.
CREATE TABLE interviews (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,
    date           TEXT NOT NULL CHECK (date(date) IS date),
    interviewer    TEXT NOT NULL DEFAULT '',
    mode           TEXT NOT NULL CHECK (mode IN ('inPerson', 'video', 'phone', 'written')),
    guide_id       TEXT REFERENCES guides (id) ON DELETE SET NULL,
    guide_name     TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX interviews_by_stakeholder ON interviews (stakeholder_id);
CREATE INDEX interviews_by_guide ON interviews (guide_id);

CREATE TABLE answers (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 0),
    topic        TEXT NOT NULL DEFAULT '',
    question     TEXT NOT NULL,
    answer       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX answers_by_interview ON answers (interview_id, position);

CREATE TABLE quotes (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX quotes_by_interview ON quotes (interview_id);

-- NOCASE folds ASCII only; the core compares names with full Unicode case folding first.
CREATE TABLE themes (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    side        TEXT NOT NULL CHECK (side IN ('unmarked', 'organisation', 'members', 'both')),
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE answer_themes (
    answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    theme_id  TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (answer_id, theme_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX answer_themes_by_theme ON answer_themes (theme_id);

CREATE TABLE quote_themes (
    quote_id TEXT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    theme_id TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (quote_id, theme_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX quote_themes_by_theme ON quote_themes (theme_id);

CREATE TABLE note_themes (
    interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    theme_id     TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (interview_id, theme_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX note_themes_by_theme ON note_themes (theme_id);

-- Full-text search: one external-content index per kind of text, kept current by triggers
-- (so every write path, cascades included, keeps it right). Diacritics are folded: "cafe"
-- finds "café".
CREATE VIRTUAL TABLE answers_fts USING fts5 (
    answer, content = 'answers', content_rowid = 'seq', prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content = 'quotes', content_rowid = 'seq', prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE notes_fts USING fts5 (
    notes, content = 'interviews', content_rowid = 'seq', prefix = '2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER answers_fts_insert AFTER INSERT ON answers BEGIN
    INSERT INTO answers_fts (rowid, answer) VALUES (new.seq, new.answer);
END;
CREATE TRIGGER answers_fts_delete AFTER DELETE ON answers BEGIN
    INSERT INTO answers_fts (answers_fts, rowid, answer) VALUES ('delete', old.seq, old.answer);
END;
CREATE TRIGGER answers_fts_update AFTER UPDATE OF answer ON answers BEGIN
    INSERT INTO answers_fts (answers_fts, rowid, answer) VALUES ('delete', old.seq, old.answer);
    INSERT INTO answers_fts (rowid, answer) VALUES (new.seq, new.answer);
END;

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.seq, new.text);
END;

CREATE TRIGGER notes_fts_insert AFTER INSERT ON interviews BEGIN
    INSERT INTO notes_fts (rowid, notes) VALUES (new.seq, new.notes);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON interviews BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, notes) VALUES ('delete', old.seq, old.notes);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF notes ON interviews BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, notes) VALUES ('delete', old.seq, old.notes);
    INSERT INTO notes_fts (rowid, notes) VALUES (new.seq, new.notes);
END;
