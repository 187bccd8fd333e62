# Words used everywhere.

## Roles of the people who use the result software

role-administrator = administrator
role-coordinator = coordinator
role-typist = typist

## The audit log

audit-altered = entry { $entry } was altered: its contents do not match its hash
audit-unlinked = entry { $entry } does not follow entry { $previous }: an entry was removed, inserted or replaced
audit-missing = entry { $entry } is missing (the next entry is { $next })
audit-trigger-removed = the append-only protection { $trigger } was removed from the database

## Imported files and their hash codes

file-election-definition = election definition
file-candidate-lists = candidate lists
file-polling-stations = polling stations
hash-check-typed-groups = confirmed: two groups typed
hash-check-full-hash-code = confirmed: full official hash code
hash-check-not-applicable = no official hash code (the municipality's own file)
