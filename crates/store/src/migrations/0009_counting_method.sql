-- Who counts the votes per candidate in a Dutch election (model::committee::CountingMethod):
-- the municipal electoral committee (central) or the polling stations (decentralised). One row
-- per election once chosen; none means central counting.

CREATE TABLE counting_methods (
    election INTEGER PRIMARY KEY REFERENCES elections (id),
    method TEXT NOT NULL CHECK (method IN ('central', 'decentralised')),
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL
) STRICT;
