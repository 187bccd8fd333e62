-- The polling-station app: the login of each polling station, the turnout it reports during the
-- day, the marks of its count helper at closing, and the turnout figures the coordinator
-- published. Reports, marks and publications are append-only: a correction is a new row (an undo
-- names the mark it takes back), so what the app was told stays on record next to the audit log.

CREATE TABLE station_credentials (
    polling_station INTEGER PRIMARY KEY REFERENCES polling_stations (id),
    login TEXT NOT NULL UNIQUE COLLATE NOCASE,
    -- Argon2id verifier (PHC string) of the password on the credential sheet.
    verifier TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('ceremony', 'coordinator')),
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL
) STRICT;

CREATE TABLE turnout_reports (
    id INTEGER PRIMARY KEY,
    polling_station INTEGER NOT NULL REFERENCES polling_stations (id),
    -- `HH:MM` of a published moment; NULL for a report at another time.
    moment TEXT,
    admitted INTEGER NOT NULL CHECK (admitted >= 0),
    reported_at TEXT NOT NULL,
    session TEXT NOT NULL
) STRICT;

CREATE INDEX turnout_reports_by_station ON turnout_reports (polling_station, id);

CREATE TABLE tally_marks (
    id INTEGER PRIMARY KEY,
    polling_station INTEGER NOT NULL REFERENCES polling_stations (id),
    -- `c:LIST:POSITION`, `blank` or `invalid` (model::tally::Mark).
    mark TEXT NOT NULL,
    -- For an undo: the mark it takes back (each at most once).
    undoes INTEGER UNIQUE REFERENCES tally_marks (id),
    marked_at TEXT NOT NULL,
    session TEXT NOT NULL
) STRICT;

CREATE INDEX tally_marks_by_station ON tally_marks (polling_station, id);

CREATE TABLE turnout_publications (
    id INTEGER PRIMARY KEY,
    election INTEGER NOT NULL REFERENCES elections (id),
    moment TEXT NOT NULL,
    -- The figures as published (JSON).
    figures TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL
) STRICT;

CREATE TRIGGER turnout_reports_no_update BEFORE UPDATE ON turnout_reports
BEGIN SELECT RAISE(ABORT, 'turnout reports are never changed'); END;
CREATE TRIGGER turnout_reports_no_delete BEFORE DELETE ON turnout_reports
BEGIN SELECT RAISE(ABORT, 'turnout reports are never removed'); END;
CREATE TRIGGER tally_marks_no_update BEFORE UPDATE ON tally_marks
BEGIN SELECT RAISE(ABORT, 'marks are never changed'); END;
CREATE TRIGGER tally_marks_no_delete BEFORE DELETE ON tally_marks
BEGIN SELECT RAISE(ABORT, 'marks are never removed'); END;
CREATE TRIGGER turnout_publications_no_update BEFORE UPDATE ON turnout_publications
BEGIN SELECT RAISE(ABORT, 'publications are never changed'); END;
CREATE TRIGGER turnout_publications_no_delete BEFORE DELETE ON turnout_publications
BEGIN SELECT RAISE(ABORT, 'publications are never removed'); END;
