# The store's refusals, for the person at the keyboard.

## Refusals of the store
store-no-data-dir = Unter { $path } gibt es kein Urna-Datenverzeichnis (importieren Sie zuerst eine Wahl oder geben Sie --data-dir an).
store-foreign = { $path } ist keine Urna-Datenbank (application id { $found }); Urna lässt die Datei unberührt.
store-too-new = { $path } wurde von einer neueren Urna-Version geschrieben ({ $detail }); verwenden Sie diese Version.
store-open = { $path } kann nicht geöffnet werden: { $detail }
store-sqlite = Datenbankfehler: { $detail }
store-election-exists = die Wahl { $id } ist bereits geladen (importiert { $at }); nichts wurde geändert
store-commit = die Änderung konnte nicht festgeschrieben werden, nichts wurde gespeichert: { $detail }
store-writer-stopped = das Schreiben in die Datenbank wurde beendet
store-unaudited = { $what } abgelehnt: es wurde kein Eintrag ins Audit-Protokoll geschrieben
store-changed-after-audit = { $what } abgelehnt: nach dem Eintrag im Audit-Protokoll wurden Daten geändert
store-stale = die Erfassung wurde inzwischen geändert (Version { $found }; diese Änderung beruhte auf Version { $expected }); neu laden und erneut versuchen
store-not-found = nicht gefunden: { $what }
store-user-exists = Benutzer { $username } existiert bereits
store-already-disabled = Benutzer { $username } ist bereits deaktiviert
store-already-enabled = Benutzer { $username } ist bereits aktiviert
store-setup-done = der Administrator ist bereits eingerichtet
store-station-numbers-taken = Wahllokalnummer(n) { $numbers } bereits vergeben; nichts wurde geändert
store-entry-started = die Erfassung von Wahllokal { $station } hat begonnen; seine Nummer kann sich nicht mehr ändern
store-corrupt = gespeicherte Daten sind beschädigt: { $detail }
