# Words used everywhere.

## Roles of the people who use the result software

role-administrator = Administrator
role-coordinator = Koordinator
role-typist = Erfasser

## The audit log

audit-altered = Eintrag { $entry } wurde geändert: sein Inhalt passt nicht zu seinem Hash
audit-unlinked = Eintrag { $entry } folgt nicht auf Eintrag { $previous }: ein Eintrag wurde entfernt, eingefügt oder ersetzt
audit-missing = Eintrag { $entry } fehlt (der nächste Eintrag ist { $next })
audit-trigger-removed = der Schutz { $trigger } gegen Änderungen wurde aus der Datenbank entfernt

## Imported files and their hash codes

file-election-definition = Wahldefinition
file-candidate-lists = Kandidatenlisten
file-polling-stations = Wahllokale
hash-check-typed-groups = bestätigt: zwei Gruppen eingetippt
hash-check-full-hash-code = bestätigt: vollständiger offizieller Hashcode
hash-check-not-applicable = kein offizieller Hashcode (eigene Datei der Gemeinde)
