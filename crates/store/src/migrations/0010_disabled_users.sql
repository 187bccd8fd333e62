-- Accounts the coordinator or administrator has disabled (a typist who left, a lost password
-- sheet): a disabled account cannot log in and its sessions end. One row per disabled account;
-- enabling it again removes the row. The audit log vouches for this table.

CREATE TABLE disabled_users (
    user INTEGER PRIMARY KEY REFERENCES users (id),
    disabled_at TEXT NOT NULL,
    disabled_by TEXT NOT NULL
) STRICT;
