# Words used everywhere.

## Roles of the people who use the result software

role-administrator = beheerder
role-coordinator = coördinator
role-typist = invoerder

## The audit log

audit-altered = regel { $entry } is gewijzigd: de inhoud past niet bij de hash
audit-unlinked = regel { $entry } volgt niet op regel { $previous }: er is een regel verwijderd, ingevoegd of vervangen
audit-missing = regel { $entry } ontbreekt (de volgende regel is { $next })
audit-trigger-removed = de bescherming { $trigger } tegen wijzigen is uit de database verwijderd

## Imported files and their hash codes

file-election-definition = verkiezingsdefinitie
file-candidate-lists = kandidatenlijsten
file-polling-stations = stembureaus
hash-check-typed-groups = bevestigd: twee groepen ingetypt
hash-check-full-hash-code = bevestigd: volledige officiële hashcode
hash-check-not-applicable = geen officiële hashcode (eigen bestand van de gemeente)

## Files that may not be read (a stick, a package, a folder)

read-not-a-file = { $path }: { $kind }, geen gewoon bestand; geweigerd
read-too-large = { $path }: { $size } bytes, meer dan de { $max } bytes die zo'n bestand mag hebben; geweigerd
read-changed = { $path }: veranderde terwijl het gelezen werd; geweigerd
read-too-deep = { $path }: mappen dieper genest dan { $max } niveaus (of een lus); geweigerd
read-too-many = { $path }: meer dan { $max } bestanden en mappen; geweigerd
read-not-text = { $path }: geen UTF-8-tekst
read-io = { $path }: { $detail }
read-kind-symbolic-link = een symbolische koppeling
read-kind-directory = een map
read-kind-fifo = een FIFO (named pipe)
read-kind-socket = een socket
read-kind-character-device = een tekenapparaat
read-kind-block-device = een blokapparaat
read-kind-other = iets anders dan een bestand

## The audit log and the data it vouches for
audit-data-changed = tabel { $table }, rij { $row } is buiten Urna gewijzigd nadat regel { $entry } ({ $action }) haar vastlegde
audit-data-added = tabel { $table }, rij { $row } is buiten Urna toegevoegd: geen regel van het auditlog legde haar vast
audit-data-removed = tabel { $table }, rij { $row } is buiten Urna verwijderd nadat regel { $entry } ({ $action }) haar vastlegde

## System file errors in words of our own
io-not-found = bestand of map bestaat niet
io-permission-denied = geen toegang (onvoldoende rechten)
io-already-exists = bestaat al
io-is-a-directory = is een map, geen bestand
io-not-a-directory = is geen map
io-directory-not-empty = de map is niet leeg
io-storage-full = de schijf is vol
io-read-only = de schijf is alleen-lezen
io-unexpected-end = het bestand houdt onverwacht op
