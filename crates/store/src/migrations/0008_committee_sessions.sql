-- The municipal electoral committee's sessions, the investigations of polling stations opened in
-- them, and the definitive counts a corrected count replaced (model::committee). A closed session
-- and what was recorded in it never change; a replaced count is never removed.

CREATE TABLE committee_sessions (
    id INTEGER PRIMARY KEY,
    election INTEGER NOT NULL REFERENCES elections (id),
    number INTEGER NOT NULL CHECK (number > 0),
    -- JSON of model::committee::SessionDetails, or 'null' (the first session, before recorded).
    details TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT,
    UNIQUE (election, number)
) STRICT;

CREATE TRIGGER committee_sessions_closed BEFORE UPDATE ON committee_sessions
WHEN OLD.closed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a closed session is never changed');
END;

CREATE TRIGGER committee_sessions_no_delete BEFORE DELETE ON committee_sessions
BEGIN
    SELECT RAISE(ABORT, 'sessions are never removed');
END;

CREATE TABLE investigations (
    id INTEGER PRIMARY KEY,
    session INTEGER NOT NULL REFERENCES committee_sessions (id),
    polling_station INTEGER NOT NULL REFERENCES polling_stations (id),
    -- JSON of model::committee::Investigation.
    state TEXT NOT NULL,
    UNIQUE (session, polling_station)
) STRICT;

CREATE TRIGGER investigations_of_closed_session BEFORE UPDATE ON investigations
WHEN (SELECT closed_at FROM committee_sessions WHERE id = OLD.session) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'the investigations of a closed session are never changed');
END;

CREATE TRIGGER investigations_no_delete BEFORE DELETE ON investigations
BEGIN
    SELECT RAISE(ABORT, 'investigations are never removed');
END;

-- A definitive count that a corrected count replaced, with the session that replaced it.
CREATE TABLE count_history (
    id INTEGER PRIMARY KEY,
    polling_station INTEGER NOT NULL REFERENCES polling_stations (id),
    session INTEGER NOT NULL REFERENCES committee_sessions (id),
    -- JSON of the model::entry::EntryState that was definitive.
    state TEXT NOT NULL,
    -- Why: the investigation that ordered a corrected count, or the coordinator's reason.
    reason TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    replaced_by TEXT NOT NULL
) STRICT;

CREATE TRIGGER count_history_no_update BEFORE UPDATE ON count_history
BEGIN
    SELECT RAISE(ABORT, 'the history of counts is never changed');
END;

CREATE TRIGGER count_history_no_delete BEFORE DELETE ON count_history
BEGIN
    SELECT RAISE(ABORT, 'the history of counts is never changed');
END;
