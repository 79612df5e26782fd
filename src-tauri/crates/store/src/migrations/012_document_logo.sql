-- The organisation's logo the documents print: a PNG the app made from the image the
-- strategist chose (at most 1,200 pixels a side), and that file's name. At most one row; no
-- row means no logo.
CREATE TABLE document_logo (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    png        BLOB NOT NULL CHECK (length(png) > 0),
    width      INTEGER NOT NULL CHECK (width BETWEEN 1 AND 1200),
    height     INTEGER NOT NULL CHECK (height BETWEEN 1 AND 1200),
    file_name  TEXT NOT NULL DEFAULT ''
) STRICT;
