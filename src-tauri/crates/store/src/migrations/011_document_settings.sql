-- What the documents ask of the reader, in the strategist's words, and the accent colour they
-- are drawn in: at most one row. No row, an empty ask and a NULL accent all mean the defaults
-- (the ask drawn from the roadmap, the house accent).
CREATE TABLE document_settings (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    ask     TEXT NOT NULL DEFAULT '',
    accent  TEXT CHECK (accent IS NULL OR (length(accent) = 7 AND accent GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'))
) STRICT;
