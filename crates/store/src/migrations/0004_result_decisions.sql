-- What the central committee decides before seats can be given: candidates who died (Kieswet
-- P 19a) and the outcomes of drawings of lots (P 14, P 15), entered by a coordinator. Append-only:
-- a decision is never changed after the fact.

CREATE TABLE result_decisions (
    id INTEGER PRIMARY KEY,
    election INTEGER NOT NULL REFERENCES elections (id),
    kind TEXT NOT NULL CHECK (kind IN ('deceased', 'lot')),
    data TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    entered_by TEXT NOT NULL
) STRICT;

CREATE TRIGGER result_decisions_no_update BEFORE UPDATE ON result_decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are never changed');
END;

CREATE TRIGGER result_decisions_no_delete BEFORE DELETE ON result_decisions
BEGIN
    SELECT RAISE(ABORT, 'decisions are never removed');
END;
