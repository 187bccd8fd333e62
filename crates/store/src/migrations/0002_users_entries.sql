-- Users of the results-entry web application, and the double data entry of each polling
-- station's count.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('administrator', 'coordinator', 'typist')),
    -- Argon2id, PHC string format.
    password_hash TEXT NOT NULL,
    -- A temporary password (set by an administrator) must be replaced at the first login.
    must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
    failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until TEXT,
    created_at TEXT NOT NULL,
    last_login TEXT
) STRICT;

-- One row per polling station whose entry has started. `state` is the JSON of
-- model::entry::EntryState; `status` repeats its status for queries; `version` grows by one with
-- every change, so a save based on an older version is refused instead of overwriting.
CREATE TABLE data_entries (
    polling_station INTEGER PRIMARY KEY REFERENCES polling_stations (id),
    status TEXT NOT NULL,
    state TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version > 0),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
) STRICT;
