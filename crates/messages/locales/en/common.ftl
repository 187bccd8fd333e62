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

## Files that may not be read (a stick, a package, a folder)

read-not-a-file = { $path }: { $kind }, not a regular file; refused
read-too-large = { $path }: { $size } bytes, more than the { $max } bytes such a file may have; refused
read-changed = { $path }: changed while it was read; refused
read-too-deep = { $path }: directories nested deeper than { $max } levels (or a loop); refused
read-too-many = { $path }: more than { $max } files and directories; refused
read-not-text = { $path }: not UTF-8 text
read-io = { $path }: { $detail }
read-kind-symbolic-link = a symbolic link
read-kind-directory = a directory
read-kind-fifo = a FIFO (named pipe)
read-kind-socket = a socket
read-kind-character-device = a character device
read-kind-block-device = a block device
read-kind-other = not a regular file

## The audit log and the data it vouches for
audit-data-changed = table { $table }, row { $row } was changed outside Urna after entry { $entry } ({ $action }) recorded it
audit-data-added = table { $table }, row { $row } was added outside Urna: no entry of the log recorded it
audit-data-removed = table { $table }, row { $row } was removed outside Urna after entry { $entry } ({ $action }) recorded it

## System file errors in words of our own
io-not-found = no such file or directory
io-permission-denied = permission denied
io-already-exists = already exists
io-is-a-directory = is a directory, not a file
io-not-a-directory = is not a directory
io-directory-not-empty = the directory is not empty
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-unexpected-end = the file ends unexpectedly
