-- What a typist has typed into an entry's form, field by field, as they type: the text of every
-- field (empty ones included), so nothing typed is lost to a refused finalise, a reload, a closed
-- browser or a restarted server. One row per polling station and typist; a row exists only while
-- that typist holds the entry (every change of the entry removes the rows of anyone else). This is
-- work in progress, not a count: the count is what the typist finalises. The audit log vouches
-- for this table, so a value slipped into a typist's form through the file is found.

CREATE TABLE typed_fields (
    polling_station INTEGER NOT NULL REFERENCES polling_stations (id),
    typist INTEGER NOT NULL REFERENCES users (id),
    -- JSON object: field key -> text as typed.
    fields TEXT NOT NULL,
    typed_at TEXT NOT NULL,
    PRIMARY KEY (polling_station, typist)
) STRICT;
