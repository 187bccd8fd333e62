# The command line (urna …).

cli-result-totals = { $name }: { $admitted } zugelassene Wähler, { $valid } Stimmen für Kandidaten, { $blank } leer, { $invalid } ungültig, { $stations } Wahllokale
cli-result-list = Liste { $number } { $name }: { $votes } Stimmen, { $seats } { $seats ->
        [one] Sitz
       *[other] Sitze
    }
cli-result-imported = { $count } Wahllokale importiert aus { $file } (Hashcode { $hash })
cli-result-empty-forms = { $count } leere Protokolle N 10-2 in { $dir }
cli-result-file-written = { $hash }  { $path }  (erstellt { $at })
cli-result-in-package = Im Paket:
cli-result-lot-needed =
    Zuerst ist ein Losentscheid nötig ({ $article }): { $description }
    {"  "}zwischen { $options }; halten Sie das Ergebnis fest mit: urna result lot { $election } --lot { $lot } --order { $order }
cli-central-passphrase = Passphrase der Zentralbehörde:{" "}
cli-central-whose-passphrase = die Zentralbehörde
cli-central-keys-made =
    Schlüssel zum Versiegeln: { $transmission }
    Schlüssel der Empfangsbestätigungen: { $receipts }
    Veröffentlichungsschlüssel: { $publication }
    Zertifizierungsstelle des Empfangsservers ({ $names }): { $authority }
cli-central-refused = { $file }: ABGELEHNT — { $reason }
cli-central-status-accepted = empfangen
cli-central-status-already-received = bereits empfangen (dieselbe Empfangsbestätigung)
cli-central-status-new-version = NEUE VERSION, zur Prüfung; die frühere bleibt
cli-central-serving =
    Zertifizierungsstelle (auf dem sendenden Rechner vergleichen): { $fingerprint }
    Wahlen: { $elections }
cli-central-files-only = { $election }: keine Zertifikate aus der Zeremonie: nur Dateien können empfangen werden
cli-office-password = Passwort des Wahlbüros ({ $login }):{" "}
cli-central-no-certificate = { $package }: kein { $file }
cli-central-receipt-does-not-verify = { $file }: die Empfangsbestätigung lässt sich mit dem Schlüssel der Zentralbehörde nicht prüfen oder gehört nicht zu dieser Datei
cli-central-receipt-invalid = { $file }: UNGÜLTIG: die Signatur passt nicht zum Schlüssel der Zentralbehörde
cli-central-receipt-other-file = { $file }: die Empfangsbestätigung gehört zu einer anderen Datei
cli-central-receipt-valid = { $file }: gültig: { $election } { $office } v{ $version } ({ $status }), { $received }
cli-central-sealed = für die Zentralbehörde versiegelt: { $file } (Hashcode { $hash })
cli-publish-registered = registriert: { $election } ({ $municipality }, Provinz: { $province }; { $stations } Wahllokale)
cli-publish-new-version = neue Version { $version } ({ $municipalities_in }/{ $municipalities_expected } Gemeinden eingegangen)
cli-publish-nothing-new = nichts Neues: die neueste Version bleibt
cli-publish-site-written = Website und Feed: { $dir } ({ $files } Dateien)
cli-publish-empty = { $dir }: leer
cli-publish-serving = Ergebnisseite unter http://{ $address }/ ({ $files } Dateien, Version { $version })
cli-verify-ok = ok:
cli-verify-discrepancy = ABWEICHUNG:
cli-verify-sound = Der Feed ist stimmig: jede Signatur und jede Zahl.
cli-verify-discrepancies = { $count } Abweichungen gefunden.

## Users, the audit log, files

cli-error = Fehler: { $error }
cli-cannot-read-file = Datei kann nicht gelesen werden: { $file }
cli-user-unknown-role = unbekannte Rolle „{ $role }“ (administrator, coordinator oder typist)
cli-user-invalid-username = ein Benutzername hat 1 bis 64 Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche
cli-user-created = Benutzer angelegt: { $login } ({ $role })
cli-user-temporary-password = Vorläufiges Passwort: { $password }
    Übergeben Sie es persönlich; es muss bei der ersten Anmeldung ersetzt werden.
cli-audit-intact = Prüfprotokoll unversehrt: { $entries } Einträge
cli-audit-head = Hash des letzten Eintrags (Urnas amtliche Dokumente tragen den ihres Zeitpunkts in der Fußzeile): { $hash }
cli-audit-broken-at = Prüfprotokoll GEBROCHEN bei Eintrag { $entry }: { $problem }
cli-audit-broken = Prüfprotokoll GEBROCHEN: { $problem }
cli-booth-two-sticks = geben Sie genau zwei USB-Sticks an (--stick A --stick B)

## Confirming a file's hash code

cli-hash-invalid = { $option } ist kein gültiger Hashcode: { $reason }
cli-hash-differs = Import abgelehnt: der Hashcode von { $file } ({ $what }) weicht vom offiziellen Hashcode ab:
    {"  "}Datei:     { $found }
    {"  "}offiziell: { $official }
cli-hash-not-given = Kein offizieller Hashcode für { $file } ({ $what }) angegeben. Übergeben Sie { $option } oder starten Sie den Import in einem Terminal, um zwei Gruppen einzutippen.
cli-hash-compare = Hashcode von { $file } ({ $what }):
      { $masked }
    Vergleichen Sie mit dem offiziellen Hashcode und tippen Sie die zwei fehlenden Gruppen ein.
cli-hash-group = Gruppe { $group }:{" "}
cli-hash-no-answer = keine Antwort auf die Frage nach dem Hashcode
cli-hash-wrong-group = Import abgelehnt: Gruppe { $group } des Hashcodes von { $file } ({ $what }) stimmt nicht mit der Eingabe überein: „{ $typed }“
cli-hash-refused = Import abgelehnt: { $reason }
cli-hash-confirmed = Hashcode bestätigt.

## Elections

cli-election-flemish-no-extra-files = Eine flämische Definitionsdatei enthält ihre Listen und Wahllokale selbst: übergeben Sie weder --candidates noch --polling-stations.
cli-election-needs-candidates = Eine EML-Wahldefinition (110a) wird mit ihren Kandidatenlisten geladen: übergeben Sie --candidates (EML 230b).
cli-election-loaded = Geladen: { $name } ({ $election })
cli-election-size = { $seats } Sitze, { $lists } Listen, { $candidates } Kandidaten, { $stations } Wahllokale
cli-election-audit-entry = Prüfprotokoll: Eintrag { $entry } (Hash { $hash })
cli-election-none = Keine Wahlen geladen.
cli-election-column-date = Datum
cli-election-column-seats = Sitze
cli-election-column-lists = Listen
cli-election-column-candidates = Kandidaten
cli-election-column-stations = Wahllokale
cli-election-column-name = Name
cli-election-not-loaded = Die Wahl { $election } ist nicht geladen (siehe urna election list)
cli-election-body = Organ:
cli-election-area = Gebiet:
cli-election-day = Wahltag:
cli-election-nomination-day = Kandidatenaufstellung:
cli-election-seats = Sitze:
cli-election-preference-threshold = Vorzugsschwelle:
cli-election-percent-of-quota = { $percent } % der Wahlzahl
cli-election-law = Wahlrecht:
cli-election-imported = Geladen:
cli-election-imported-at-by = { $at } von { $by }
cli-election-files = Dateien und Hashcodes:
cli-election-file = { $name } ({ $bytes } Bytes)
cli-election-district = Wahlkreis/Distrikt { $name }
cli-election-lists = Listen
cli-election-n-seats = { $seats } Sitze
cli-election-list-without-name = (ohne Bezeichnung)
cli-election-list = Liste { $number }  { $name } — { $candidates } Kandidaten
cli-election-stations = Wahllokale ({ $count }):
cli-election-n-voters = { $voters } Wähler
cli-election-no-stations-yet = (noch keine: laden Sie sie mit --polling-stations, EML 110b)

## The polling-station kiosk (urna booth run)

cli-booth-not-a-choice-again = Keine gültige Wahl, bitte erneut versuchen.
cli-booth-not-a-choice = Keine gültige Wahl.
cli-booth-invalid-choice = Keine gültige Wahl: { $reason }
cli-booth-president-named = Rechner des Vorsitzenden — Wahllokal { $station } ({ $name })
cli-booth-president = Rechner des Vorsitzenden — Wahllokal { $station }
cli-booth-package-fingerprint = { $election }
    {"  "}Fingerabdruck des Pakets: { $fingerprint }
    {"  "}Vergleichen Sie mit Ihrem Zugangsdatenblatt.
cli-booth-login = Benutzername ({ $election }):{" "}
cli-booth-unknown-login = unbekannter Benutzername für { $election }
cli-booth-password = Passwort:{" "}
cli-booth-resuming = Die Abstimmung auf diesen USB-Sticks wird fortgesetzt.
cli-booth-opened = Die Abstimmung ist eröffnet.
cli-booth-closed-already = Die Abstimmung ist bereits geschlossen.
cli-booth-enrolled = Wahlcomputer { $number } angemeldet, Schlüssel { $key }
cli-booth-menu-activate = Wählerkarte aktivieren
cli-booth-menu-progress = Stand
cli-booth-menu-close = Abstimmung schließen
cli-booth-menu-pause = Pause
cli-booth-printed = Ihr Stimmzettel ist gedruckt. Lassen Sie den Code von der Urne scannen.
cli-booth-recorded = Urne: Stimmzettel erfasst ({ $ballots } in der Urne).
cli-booth-scan-refused = Urne: ABGELEHNT: { $reason }
cli-booth-progress = Wählerkarten: { $cards }; Stimmzettel in der Urne: { $ballots }
cli-booth-close-sure = Schließen? 1 = ja, 2 = nein:{" "}
cli-booth-paused = Die Abstimmung ist unterbrochen; starten Sie erneut, um fortzusetzen.
cli-booth-choose-elections = Wahlen dieses Wählers (Nummern, Eingabe = alle):{" "}
cli-booth-voting-computer = Wahlcomputer — { $election }
cli-booth-vote-blank = Leer stimmen
cli-booth-list = Liste:{" "}
cli-booth-list-heading = Liste { $list }: { $name }
cli-booth-candidates = Kandidaten (Nummern mit Leerzeichen) oder Eingabe für eine Listenstimme:{" "}
cli-booth-check-vote = Prüfen Sie Ihre Stimme
cli-booth-confirm = 1 = bestätigen und drucken, 2 = neu wählen:{" "}
cli-booth-closed-election = { $election }: { $ballots } Stimmzettel, { $cards } Karten; Protokoll: { $report }
cli-booth-closed = Die Abstimmung ist geschlossen; die Ergebnisse sind auf beiden USB-Sticks signiert.

## Counting the sticks (urna count)

cli-count-station = Wahllokal { $station }: { $ballots } Stimmzettel  ({ $sticks })
cli-count-not-totalled = NICHT SUMMIERT: zuerst zu klären:
cli-count-contest-totals = { $ballots } Stimmzettel, { $valid } gültig, { $blank } leer
cli-count-lot-needed = Ein Losentscheid ist nötig; die Sitzverteilung ist noch nicht abgeschlossen.
cli-count-list = Liste { $number } { $name } { $votes } Stimmen  { $seats ->
        [one] { $seats } Sitz{" "}
       *[other] { $seats } Sitze
    }
cli-count-partial = ACHTUNG: Teilergebnis, { $counted } von { $expected } Wahllokalen ausgezählt: dies ist nicht das Ergebnis der Wahl und wird nie als solches veröffentlicht
cli-count-report = Protokoll: { $report } (mit { $result })
cli-count-no-such-contest = der Wahlkreis { $contest } gehört nicht zur Wahl
cli-count-decrypted = Wahllokal { $station }: { $votes } Stimmen entschlüsselt; { $tallies ->
        [1] sie stimmen mit dem signierten Ergebnis überein
       *[0] sie WEICHEN vom signierten Ergebnis AB
    }
cli-count-rescanned = { $ballots } Papierstimmzettel erneut gescannt: { $tallies ->
        [1] sie stimmen mit dem signierten Ergebnis überein
       *[0] sie WEICHEN AB
    }

## The key ceremony (urna ceremony)

cli-ceremony-no-keys = keine Schlüssel in diesem Zeremonieordner (zuerst: urna ceremony keys)
cli-ceremony-record-refused = { $file }: das Zeremonieprotokoll wird abgelehnt: { $reason }
cli-ceremony-authority-passphrase = Passphrase der Wahlbehörde:{" "}
cli-ceremony-authority-does-not-open = { $file }: der Schlüssel der Wahlbehörde lässt sich nicht öffnen
cli-ceremony-authority-other-key = { $file }: gehört nicht zu authority.pub
cli-ceremony-new-passphrase = Neue Passphrase für { $whose } (mindestens { $minimum } Zeichen):{" "}
cli-ceremony-passphrase-too-short = Die Passphrase für { $whose } muss mindestens { $minimum } Zeichen haben
cli-ceremony-passphrase-again = Noch einmal:{" "}
cli-ceremony-passphrases-differ = Die beiden Passphrasen unterscheiden sich; es wurde nichts erzeugt.
cli-ceremony-keys-exist = { $folder }: dieser Zeremonieordner hat bereits Schlüssel; beginnen Sie eine neue Zeremonie in einem leeren Ordner
cli-ceremony-holder-names = Jeder Schlüsselinhaber braucht einen eigenen, nicht leeren Namen: „{ $holder }“
cli-ceremony-threshold = Wählen Sie 2 ≤ k ≤ n: mindestens zwei Inhaber nötig, um den Wahlschlüssel wiederherzustellen (k = { $k }, n = { $n })
cli-ceremony-the-authority = die Wahlbehörde
cli-ceremony-keys-made = Schlüssel erzeugt für { $election }:
cli-ceremony-authority-key = Schlüssel der Wahlbehörde:
cli-ceremony-election-key = Wahlschlüssel (öffentlich):
cli-ceremony-split = geteilt: { $k } von { $n } Inhabern zum Entschlüsseln nötig:
cli-ceremony-unknown-election = Unbekannte Wahl: { $election }
cli-ceremony-other-election = { $folder }: diese Zeremonie gehört zur Wahl { $election }
cli-ceremony-sheets-exist = { $file }: existiert bereits; Zugangsdaten kommen nur in eine neue Datei
cli-ceremony-exists = { $file }: existiert bereits
cli-ceremony-packages-made = { $packages } Pakete erstellt ({ $bytes } Bytes), Fingerabdrücke:
cli-ceremony-sheets = Zugangsdatenblätter: { $file } — drucken Sie sie und löschen Sie die Datei: die Passwörter stehen nirgendwo sonst
cli-ceremony-package-not-intact = { $file }: das Paket ist nicht unversehrt; es wurde nichts kopiert
cli-ceremony-copies = Paket { $office } ({ $fingerprint }), Kopien:
cli-ceremony-copy-identical = geschrieben, zurückgelesen, identisch
cli-ceremony-copy-differs = WEICHT AB: { $files }
cli-ceremony-intact = UNVERSEHRT
cli-ceremony-refused = ABGELEHNT
cli-ceremony-label-election = Wahl:
cli-ceremony-label-for = für:
cli-ceremony-label-fingerprint = Fingerabdruck:
cli-ceremony-too-few-holders = Es braucht { $k } Inhaber, um den Wahlschlüssel wiederherzustellen; angegeben: { $given }
cli-ceremony-no-share = Kein Anteil von „{ $holder }“ in { $folder }
cli-ceremony-holder-passphrase = Passphrase von { $holder }:{" "}
cli-ceremony-share-other-key = { $file }: dieser Anteil gehört zu einem anderen Wahlschlüssel
cli-ceremony-shares-restore = { $shares } Anteile stellen den Wahlschlüssel wieder her: { $fingerprint }
cli-ceremony-record = Zeremonieprotokoll { $name } ({ $election }), signiert mit { $key }

## The polling-station app (urna station-app)

cli-file-missing = { $file } fehlt
cli-file-missing-or-unreadable = { $file } fehlt oder ist nicht lesbar
cli-station-app-nothing-taken = Es wurde nichts übernommen.
cli-station-app-logins = { $stations } Wahllokale melden sich mit dem Zugangsdatenblatt der Zeremonie in der Wahllokal-App an: { $name } ({ $election })
cli-station-app-served = Wahllokal-App (HTTPS) unter { $url }
    {"  "}Fingerabdruck der Zertifizierungsstelle: { $fingerprint }
cli-station-app-turnout-reported = Der Vorsitzende von Wahllokal { $station } ({ $login }) meldet sich mit dem Zugangsdatenblatt an und meldet die Wahlbeteiligung
    {"  "}zugelassene Wähler: { $admitted }
cli-station-app-turnout-published = Der Koordinator veröffentlicht die Wahlbeteiligung; um { $moment }: { $reported } von { $stations } Wahllokalen gemeldet, { $admitted } zugelassene Wähler
    {"  "}{ $json }, { $csv }
cli-station-app-count-helper = Zählhilfe: { $taps } Tipper, einer rückgängig gemacht, ein Stimmzettel übersehen (H { $total }; endgültige Zählung H { $definitive })
cli-station-app-differences = Der Koordinator sieht die Abweichung von der endgültigen Zählung: { $differences }
cli-station-app-difference = { $field } App { $app } / Zählung { $definitive }

## The web application (urna serve)

cli-serve-cannot-listen = kann nicht auf { $address } lauschen
cli-serve-results-entry = Ergebniserfassung unter { $url } (Datenbank: { $database })
cli-serve-no-users = noch keine Benutzer: öffnen Sie die Seite, um den Administrator anzulegen
cli-serve-development-mode = ENTWICKLUNGSMODUS: die Prüfung auf eine Internetverbindung ist aus
cli-serve-station-app = Wahllokal-App (nur HTTPS) unter { $url }
cli-serve-station-app-fingerprint = Fingerabdruck (SHA-256) der Zertifizierungsstelle der App: { $fingerprint }
cli-serve-not-a-moment = --turnout-moments: „{ $text }“ ist keine Uhrzeit (HH:MM)
cli-serve-new-authority = neue Zertifizierungsstelle für die Wahllokal-App erstellt in { $folder }

## The demo's results entry

cli-demo-users = Benutzer: { $users }
cli-demo-entries-differ = Wahllokal { $station }: die zweite Erfassung weicht von der ersten ab in { $fields }
cli-demo-sent-back = Der Koordinator vergleicht mit dem Papierprotokoll und schickt die zweite Erfassung zurück; invoerder2 korrigiert sie.
cli-demo-definitive = { $definitive } / { $stations } Wahllokale endgültig, jedes zweimal von zwei verschiedenen Erfassern eingegeben.
cli-demo-running-totals = Zwischenstand: { $admitted } zugelassene Wähler, { $candidates } Stimmen für Kandidaten, { $blank } leer, { $invalid } ungültig
cli-demo-list-equal = Liste { $number } { $name }: { $votes } (gleich der Summe der erfassten Niederschriften, wie jede andere Liste)

## The audit log against the hash code on paper
cli-audit-paper-head-found = Der Hashcode auf Papier ist Eintrag { $entry } des Prüfprotokolls ({ $at }): das Protokoll enthält alles bis zu diesem Eintrag, unverändert.
cli-audit-paper-head-missing = KEIN Eintrag des Prüfprotokolls hat den Hashcode auf Papier ({ $hash }): das Protokoll wurde gekürzt oder neu aufgebaut, nachdem jenes Dokument erstellt wurde.

## Which software this is
cli-version-commit = Quellcode (Commit): { $commit }
cli-version-built = erstellt: { $built }
cli-version-hash = Hashcode dieses Programms (SHA-256): { $hash }

## urna committee
cli-yes = ja
cli-no = nein
cli-committee-start = „{ $start }“ ist kein Datum mit Uhrzeit; schreiben Sie zum Beispiel 2026-03-25 10:00.
cli-committee-open = offen
cli-committee-closed = geschlossen
cli-committee-session = Sitzung { $session } ({ $state }): { $start }, { $place }; anwesend: { $members }
cli-committee-session-unrecorded = Sitzung { $session } ({ $state }): Datum, Ort und Mitglieder nicht festgehalten
cli-committee-investigation = Untersuchung von Wahllokal { $station } (Sitzung { $session }): { $cause } — { $reason }; auf Ersuchen des Zentralwahlausschusses: { $requested }
cli-committee-concluded = abgeschlossen: { $findings } Zugelassene Wähler neu festgestellt: { $admitted }; neu gezählt: { $recounted }; Ergebnis berichtigt: { $corrected }
cli-committee-not-concluded = noch nicht abgeschlossen
cli-committee-replaced = Ergebnis von Wahllokal { $station } in Sitzung { $session } ersetzt: { $reason } (durch { $by }, { $at }); das ersetzte Ergebnis bleibt erhalten
cli-committee-type-again = Wahllokal { $station } wird erneut zweimal erfasst, von zwei verschiedenen Personen (urna serve).

## urna committee counting
cli-committee-counting = Stimmenauszählung: { $method }
cli-committee-counting-unknown = „{ $method }“ ist keine Art der Stimmenauszählung; wählen Sie central oder decentralised.

## urna result import-municipality
cli-result-municipality-imported = { $municipality } ({ $code }) als erste Erfassung der Einheit { $unit } aus { $file } übernommen (Hashcode { $hash }); erfassen Sie jetzt die Summen der Papierniederschrift als zweite Erfassung (urna serve).

## publish serve: the software
cli-publish-software = Programm Urna { $version } (Quelle { $commit }), Hashcode { $hash }

## Backups
cli-backup-line = { $path } ({ $size } Bytes), Prüfprotokoll bis Eintrag { $entry }: { $hash }, geprüft
cli-backup-made = Sicherung erstellt und geprüft (Integrität und Prüfprotokoll):
cli-backup-none = Keine Sicherungen in { $dir }.
cli-backup-refused = { $path }: KEINE brauchbare Sicherung: { $error }
cli-backup-failed = Sicherung fehlgeschlagen, neuer Versuch bei der nächsten Änderung: { $error }
cli-restore-done = Datenbank aus der geprüften Sicherung wiederhergestellt (im Prüfprotokoll festgehalten):
cli-restore-kept = Die ersetzte Datenbank bleibt erhalten als { $path }.
cli-serve-backups = Sicherungen nach jeder Änderung nach { $dir }

## serve over HTTPS
cli-serve-plain-not-loopback = Unverschlüsseltes HTTP nur auf einer Loopback-Adresse (127.0.0.1, ::1), nicht auf { $address }: Passwörter und Ergebnisse gehen nicht im Klartext über das Netz. Lassen Sie --plain-http weg für HTTPS.
cli-serve-entry-fingerprint = Fingerabdruck der Zertifizierungsstelle der Ergebniserfassung (auf das Blatt des Koordinators; die Erfassenden vergleichen ihn im Browser): { $fingerprint }

## serve over HTTPS: the authority
cli-serve-new-entry-authority = neue Zertifizierungsstelle für die Ergebniserfassung erstellt in { $folder } (installieren Sie ca.pem in den Browsern der Erfassenden)

## The connection sheet
cli-serve-connection-sheet = Verbindungsblatt für die Erfasser (Adresse und Fingerabdruck, zum Drucken): { $file }

## Stopped at a question
cli-interrupted = Mit Strg-C bei einer Frage abgebrochen; das Terminal ist wiederhergestellt.

## A mistyped command line
cli-args-unknown = unbekannte Option oder unbekanntes Argument { $argument }
cli-args-unknown-command = unbekannter Befehl { $command }
cli-args-missing = erforderlich, aber nicht angegeben: { $argument }
cli-args-missing-command = geben Sie einen Befehl an
cli-args-invalid-value = { $value } ist kein gültiger Wert für { $argument }
cli-args-conflict = { $argument } kann nicht zusammen mit { $other } verwendet werden
cli-args-values = falsche Anzahl von Werten für { $argument }
cli-args-no-equals = { $argument } braucht ein = mit dem Wert
cli-args-see-help = Siehe urna --help (oder urna BEFEHL --help).
