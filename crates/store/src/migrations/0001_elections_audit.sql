-- Elections with their contests, lists, candidates and polling stations; the files they were
-- imported from (exact bytes and hash code); and the hash-chained audit log.
-- Enumerations are stored as the snake_case names the model serialises to.

CREATE TABLE elections (
    id INTEGER PRIMARY KEY,
    election_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    body TEXT NOT NULL,
    domain_id TEXT,
    domain_name TEXT,
    election_date TEXT NOT NULL,
    nomination_date TEXT,
    seats INTEGER NOT NULL CHECK (seats > 0),
    preference_threshold INTEGER,
    law TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
) STRICT;

CREATE TABLE contests (
    id INTEGER PRIMARY KEY,
    election INTEGER NOT NULL REFERENCES elections (id),
    ordinal INTEGER NOT NULL,
    contest_id TEXT NOT NULL,
    name TEXT,
    seats INTEGER CHECK (seats > 0),
    UNIQUE (election, contest_id),
    UNIQUE (election, ordinal)
) STRICT;

CREATE TABLE lists (
    id INTEGER PRIMARY KEY,
    contest INTEGER NOT NULL REFERENCES contests (id),
    ordinal INTEGER NOT NULL,
    number INTEGER NOT NULL CHECK (number > 0),
    name TEXT NOT NULL,
    UNIQUE (contest, number),
    UNIQUE (contest, ordinal)
) STRICT;

CREATE TABLE candidates (
    id INTEGER PRIMARY KEY,
    list INTEGER NOT NULL REFERENCES lists (id),
    position INTEGER NOT NULL CHECK (position > 0),
    initials TEXT,
    first_name TEXT,
    prefix TEXT,
    last_name TEXT NOT NULL,
    gender TEXT,
    locality TEXT,
    country TEXT,
    UNIQUE (list, position)
) STRICT;

CREATE TABLE polling_stations (
    id INTEGER PRIMARY KEY,
    election INTEGER NOT NULL REFERENCES elections (id),
    number INTEGER NOT NULL CHECK (number > 0),
    name TEXT NOT NULL,
    kind TEXT,
    street TEXT,
    postal_code TEXT,
    locality TEXT,
    voters INTEGER CHECK (voters >= 0),
    contest_id TEXT,
    UNIQUE (election, number)
) STRICT;

-- The files an election was imported from, byte for byte, with their hash code.
CREATE TABLE election_files (
    id INTEGER PRIMARY KEY,
    election INTEGER NOT NULL REFERENCES elections (id),
    role TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    hash_check TEXT NOT NULL,
    UNIQUE (election, role)
) STRICT;

-- entry_hash = seal::chain::link_hash("urna/audit-log/v1", prev_hash, [seq, at, actor, action, details]).
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL
) STRICT;

-- The application never changes or removes an entry; these triggers make an accidental attempt
-- fail loudly. Someone with the file can drop them, which `urna audit verify` reports.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
