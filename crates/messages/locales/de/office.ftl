# Das Büro, das das Ergebnis feststellt (niederländisches Gemeindewahlbüro, flämisches
# Hauptbüro): Erfassung, Wahlbüros, das Ergebnis und seine Dateien, das versiegelte
# Ergebnispaket.

## Nicht gefunden

office-missing-election = Nicht gefunden: Wahl { $election }.
office-missing-station = Nicht gefunden: Wahlbüro { $station }.
office-missing-station-of = Nicht gefunden: Wahlbüro { $station } in der Wahl { $election }.
office-missing-contest = Nicht gefunden: Wahlkreis { $contest }.
office-missing-candidate = Nicht gefunden: Kandidat { $position } der Liste { $list }.
office-missing-file = Nicht gefunden: Datei { $kind }.
office-missing-stored = Nicht gefunden: { $what }.

## Abgelehnt; es wurde nichts geändert

office-stale = Diese Erfassung wurde inzwischen anderswo geändert (etwa in einem anderen Fenster). Es wurde nichts gespeichert; laden Sie die Seite neu.
office-store-failed = Die Datenbank hat abgelehnt: { $detail }
office-station-numbers-taken = Wahlbüronummer(n) { $numbers } sind bereits vergeben; es wurde nichts geändert.
office-entry-started = Die Erfassung des Wahlbüros { $station } hat begonnen; seine Nummer kann sich nicht mehr ändern.
office-not-definitive = Noch keine endgültige Zählung für Wahlbüro(s) { $stations }.
office-lot-first = Es muss zuerst gelost werden, bevor das Ergebnis festgestellt werden kann.
office-no-lot-pending = Es muss nicht gelost werden.
office-other-lot-pending = Die offene Losziehung ist { $pending }, nicht { $given }.
office-lot-order = Die gezogene Reihenfolge muss jede von { $options } genau einmal nennen.
office-result-fixed = Das Ergebnis ist festgestellt und seine Dateien sind erstellt; es kann sich nicht mehr ändern.
office-deceased-twice = Kandidat { $position } der Liste { $list } ist bereits eingetragen.
office-contest-required = Diese Wahl hat mehrere Wahlkreise: Wählen Sie den Wahlkreis.
office-foreign-stations = { $file }: Wahlbüro(s) { $stations } gehören nicht zu { $election }.
office-file-totals = { $file }: Liste { $list }: Die Summen in der Datei ({ $stated }) weichen von der Summe ihrer Wahlbüros ab ({ $sum }).
office-import-started = Die Erfassung von Wahlbüro(s) { $stations } hat begonnen; es wurde nichts eingelesen.
office-unreadable = { $file }: { $detail }
office-reader = Die Datei wurde abgelehnt: { $detail }
office-document-failed = Das Dokument konnte nicht erstellt werden: { $detail }
office-not-main-office = dies ist nicht das Paket des Hauptwahlbüros
office-wrong-password = das Passwort passt nicht zum Zugangsdatenblatt dieses Büros
office-sealed-exists = { $file }: existiert bereits; wählen Sie einen neuen Dateinamen
office-no-such-moment = Kein Zeitpunkt, zu dem die Wahlbeteiligung veröffentlicht wird.
office-not-positive = Geben Sie eine Zahl größer als 0 ein. Es wurde nichts geändert.

## Committee
office-not-dutch = Sitzungen und Untersuchungen gehören zum Gemeindewahlausschuss einer niederländischen Wahl.

## Counting method
office-counting-fixed = Die Art der Stimmenauszählung steht fest: die Erfassung von Wahllokal { $stations } hat begonnen.
