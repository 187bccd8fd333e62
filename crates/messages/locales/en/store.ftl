# The store's refusals, for the person at the keyboard.

## Refusals of the store
store-no-data-dir = There is no Urna data directory at { $path } (import an election first, or pass --data-dir).
store-foreign = { $path } is not an Urna database (application id { $found }); Urna leaves it alone.
store-too-new = { $path } was written by a newer version of Urna ({ $detail }); use that version.
store-open = { $path } cannot be opened: { $detail }
store-sqlite = database error: { $detail }
store-election-exists = election { $id } is already loaded (imported { $at }); nothing was changed
store-commit = the write could not be committed, nothing was stored: { $detail }
store-writer-stopped = the database writer has stopped
store-unaudited = refused to commit { $what }: it wrote no audit-log entry
store-changed-after-audit = refused to commit { $what }: it changed data after its audit-log entry
store-stale = the entry was changed meanwhile (version { $found }; this change was based on version { $expected }); reload and try again
store-not-found = { $what } does not exist
store-user-exists = user { $username } already exists
store-already-disabled = user { $username } is already disabled
store-already-enabled = user { $username } is already enabled
store-setup-done = the administrator has already been set up
store-station-numbers-taken = polling station number(s) { $numbers } already in use; nothing was changed
store-entry-started = the data entry of polling station { $station } has started; its number cannot change
store-corrupt = stored data is corrupt: { $detail }
