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

## Files that may not be read (a stick, a package, a folder)

read-not-a-file = { $path }: { $kind }, keine gewöhnliche Datei; abgelehnt
read-too-large = { $path }: { $size } Bytes, mehr als die { $max } Bytes, die eine solche Datei haben darf; abgelehnt
read-changed = { $path }: hat sich beim Lesen verändert; abgelehnt
read-too-deep = { $path }: Verzeichnisse tiefer als { $max } Ebenen verschachtelt (oder eine Schleife); abgelehnt
read-too-many = { $path }: mehr als { $max } Dateien und Verzeichnisse; abgelehnt
read-not-text = { $path }: kein UTF-8-Text
read-io = { $path }: { $detail }
read-kind-symbolic-link = ein symbolischer Link
read-kind-directory = ein Verzeichnis
read-kind-fifo = eine FIFO (benannte Pipe)
read-kind-socket = ein Socket
read-kind-character-device = ein zeichenorientiertes Gerät
read-kind-block-device = ein blockorientiertes Gerät
read-kind-other = etwas anderes als eine Datei

## The audit log and the data it vouches for
audit-data-changed = Tabelle { $table }, Zeile { $row } wurde außerhalb von Urna geändert, nachdem Eintrag { $entry } ({ $action }) sie festhielt
audit-data-added = Tabelle { $table }, Zeile { $row } wurde außerhalb von Urna hinzugefügt: kein Eintrag des Protokolls hielt sie fest
audit-data-removed = Tabelle { $table }, Zeile { $row } wurde außerhalb von Urna entfernt, nachdem Eintrag { $entry } ({ $action }) sie festhielt

## System file errors in words of our own
io-not-found = Datei oder Verzeichnis nicht vorhanden
io-permission-denied = Zugriff verweigert (unzureichende Rechte)
io-already-exists = existiert bereits
io-is-a-directory = ist ein Verzeichnis, keine Datei
io-not-a-directory = ist kein Verzeichnis
io-directory-not-empty = das Verzeichnis ist nicht leer
io-storage-full = der Datenträger ist voll
io-read-only = der Datenträger ist schreibgeschützt
io-unexpected-end = die Datei endet unerwartet
