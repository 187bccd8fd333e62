-- The electorate (kiesgerechtigden) of an election as the municipality states it, the
-- denominator of the published turnout. A later statement replaces an earlier one; each is in the
-- audit log.

CREATE TABLE turnout_electorate (
    election INTEGER PRIMARY KEY REFERENCES elections (id),
    electorate INTEGER NOT NULL CHECK (electorate > 0),
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL
) STRICT;
