-- The state an audit entry produced: the digest of every row it wrote in the tables that hold
-- counted data (see store::vouch). Empty for entries that wrote none, and for entries written
-- before the log vouched for data.
ALTER TABLE audit_log ADD COLUMN state TEXT NOT NULL DEFAULT '';
