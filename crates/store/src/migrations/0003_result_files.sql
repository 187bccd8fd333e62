-- Files generated for a result (EML 510b, OSV4-3 CSV, later PDFs and the 520): generated once,
-- stored, and served as stored, so that every download is byte-identical. Never replaced.

CREATE TABLE result_files (
    id INTEGER PRIMARY KEY,
    election INTEGER NOT NULL REFERENCES elections (id),
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (election, kind)
) STRICT;

CREATE TRIGGER result_files_no_update BEFORE UPDATE ON result_files
BEGIN
    SELECT RAISE(ABORT, 'result files are written once');
END;
