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
