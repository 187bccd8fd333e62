# The narrative of `urna demo`: the whole chain, step by step, on real elections.

demo-step-assen = Laden der Gemeinderatswahl Assen 2026: die echten Kandidatenlisten (EML 230b) des niederländischen Wahlrats, mit einer von Urna zusammengestellten Wahldefinition (110a, 35 Sitze wie im veröffentlichten Ergebnis) und Wahllokalliste (110b), als „composed“ gekennzeichnet (siehe fixtures/README.md). Die Hashcodes werden wie von einem Skript geprüft (--definition-hash, --candidates-hash): die des Wahlrats für die Kandidatenlisten, die festgehaltenen für die zusammengestellten Dateien.
demo-step-refused = Eine Datei, deren Hashcode vom offiziellen abweicht, wird abgelehnt, und die Datenbank bleibt, wie sie war:
demo-step-lindeveld = Laden einer flämischen Gemeinderatswahl (Lindeveld 2024, eine fiktive Gemeinde im flämischen Definitionsformat):
demo-step-ceremony = Schlüsselzeremonie in der gesicherten Zone (flämische Praxis), für Lindeveld: der Schlüssel der Wahlbehörde, der Wahlschlüssel geteilt unter drei Inhabern (zwei nötig), ein signiertes Paket und Zugangsdatenblatt je Wahllokal, drei USB-Sticks von Wahllokal 1 (FAT32-Images), geprüft. DEMO-Passphrasen: Behörde demo-autoriteit-wachtwoordzin, Inhaber demo-an-/demo-bram-/demo-chloe-wachtwoordzin.
demo-step-voting = Wählen in Flandern, am Kiosk (urna booth run): in den Wahllokalen 1, 2 und 3 von Lindeveld melden sich die Vorsitzenden mit ihrem Zugangsdatenblatt an, Wähler stimmen am Wahlcomputer ab (mit Tasten, einem Irrtum und einer zweiten Wahl), der Stimmzettel wird gedruckt (PNG und PDF) und von der Urne gescannt; Schließen; dann liest der Hauptwahlvorstand die sechs USB-Sticks (urna count import-sticks), verteilt die Sitze, versiegelt das Ergebnis für die Zentralbehörde, die es annimmt und eine signierte Empfangsbestätigung gibt (urna central; DEMO-Passphrase demo-centrale-wachtwoordzin), und zählt Wahllokal 1 mit zwei der drei Schlüsselanteile und den Papierstimmzetteln nach:
demo-step-entry = Ergebniserfassung: die Protokolle aller Wahllokale von Assen (die veröffentlichte Zählung, EML 510b) werden zweimal erfasst, von zwei verschiedenen Erfassern, über denselben Dienst wie die Webanwendung (urna serve):
demo-entry-seats = Sitze und gewählte Kandidaten aus diesen endgültigen Zählungen (Kieswet Kapitel P; 35 Sitze, gleich dem veröffentlichten Ergebnis vom 18. März 2026, siehe fixtures/results/nl/nl-gr2026-assen-published.json):
demo-entry-eml = Das Ergebnis als EML: die Zählung (510b) und die OSV4-3-Tabelle, die Gesamtzählung (510d) und die Gewählten (520); einmal erstellt und gespeichert, jeder Download ist gleich:
demo-entry-reports = Die Protokolle als PDF (Na 31-2 mit Bijlage 1, P 22-2; in der Fußzeile der Hashcode der EML-Datei) und die leeren Protokolle N 10-2 aller Wahllokale:
demo-entry-to-centre = Das Ergebnis von Assen an die Zentralbehörde und in die Veröffentlichung: eine Schlüsselzeremonie für Assen (Zugangsdatenblätter je Wahllokal und für den Hauptwahlvorstand, jedes mit einem Client-Zertifikat für den Empfangsserver), der Vorsitzende von Wahllokal 1 nutzt mit seinem Blatt die Wahllokal-App (Wahlbeteiligung und Zählhilfe, über HTTPS), der Hauptwahlvorstand versiegelt das Ergebnis (urna result seal), die Zentralbehörde registriert die Wahl und nimmt es über TLS an (urna central serve), der Hauptwahlvorstand sendet es mit seinem Zertifikat (urna central send), und die Veröffentlichung erhält Version 2 mit Lindeveld und Assen:
demo-step-apportionment = Sitze und gewählte Kandidaten nach Kieswet Kapitel P, auf dem echten Ergebnis von Reusel-De Mierden 2022 (wo Artikel P 9, absolute Mehrheit, einen Sitz verschiebt):
demo-title = Urna-Demo — eine Wahl vorbereiten, wie eine Gemeinde es tut
    Ordner: { $folder }
demo-inputs-written = Eingabedateien geschrieben nach { $folder }
demo-hash-on-terminal = Im Terminal sieht der Beamte den Hashcode mit zwei ausgeblendeten Gruppen und tippt sie aus der offiziellen Veröffentlichung ab:
demo-step-loaded = Geladene Wahlen:
demo-step-audit = Prüfung des Prüfprotokolls:
demo-every-step = Alle Schritte: { $file }
demo-intake-serving = { $url } (Zertifizierungsstelle: { $fingerprint })
demo-folder-not-a-demo = { $folder } existiert und ist kein Urna-Demoordner; wählen Sie mit --dir einen anderen Ordner
demo-folder-earlier-demo = { $folder } enthält eine frühere Demo; ersetzen Sie sie mit --force
demo-round-name = Kommunalwahlen 2024 (Demo, fiktive Gemeinde Lindeveld)
demo-open-site = Öffnen Sie die Ergebnisseite: { $file }
demo-done = Fertig. Alles liegt in { $folder }:
    {"   "}urna-data/urna.sqlite   die Datenbank (SQLite)
    {"   "}invoer/                 die geladenen Dateien
    {"   "}uitslag/                das Ergebnis von Assen: EML 510b, 510d, 520, OSV4-3 (CSV), Protokolle (PDF)
    {"   "}ceremonie/              die Schlüsselzeremonie von Lindeveld: Schlüssel, Pakete, USB-Images, Zugangsdatenblätter (PDF), signiertes Protokoll
    {"   "}centraal/               die Zentralbehörde: ihre Schlüssel und das empfangene Ergebnis des Hauptwahlvorstands, je Version
    {"   "}publicatie/             die Ergebnisseite und der Feed für die Medien (signiert; urna publish serve, urna verify)
    {"   "}zetelverdeling/         die Sitzverteilung, Schritt für Schritt (Text und JSON)
    {""}
    Sehen Sie sich das Ergebnis an:
    {"   "}urna --data-dir { $data } election show GR2026_Assen
    {"   "}urna --data-dir { $data } audit show
    {"   "}urna --data-dir { $data } result show GR2026_Assen
    {"   "}urna ceremony verify { $stick } --authority-key { $authority }
    {"   "}urna apportion --input { $input }
    {"   "}urna --data-dir { $data } serve --listen 127.0.0.1:8080 --app-listen 127.0.0.1:8443   (anmelden als invoerder1 / demo-wachtwoord-1, coordinator / demo-wachtwoord-3; die Wahllokal-App unter https://127.0.0.1:8443/stembureau/ mit einem Blatt aus ceremonie-assen/inloggegevens-DEMO.pdf)

## Second session of the committee
demo-entry-miscounted = In der ersten Sitzung zählt die Demo in Wahllokal { $stations } absichtlich zehn Stimmzettel der größten Liste bei der nächsten Liste (von der Demo zusammengestellt); die teilweise Neuauszählung in der zweiten Sitzung stellt das veröffentlichte Ergebnis wieder her.
demo-step-second-session = Zweite Sitzung des Gemeindewahlausschusses von Assen: die Wahllokale, die der echte Ausschuss untersucht hat (die Kennzeichen in Assens veröffentlichter 510b), werden untersucht, die zwei teilweise neu ausgezählten erhalten ein berichtigtes Ergebnis (zweimal erfasst), und die Sitzung erstellt ihre Berichtigung (Na 14-2 mit Anlage 1), eine neue 510b und die Sitze erneut:
demo-session-location = Rathaus Assen (Ort von der Demo zusammengestellt)
demo-session-chair = Vorsitz (Demo)
demo-session-member = Mitglied { $number } (Demo)
demo-session-opened = Sitzung { $session } eröffnet, mit Datum, Ort und anwesenden Mitgliedern.
demo-investigation-reason = Grund von der Demo zusammengestellt: der echte Ausschuss hat dieses Wahllokal untersucht (laut veröffentlichter 510b).
demo-investigation-findings = Ergebnisse von der Demo zusammengestellt, im Einklang mit den Kennzeichen der veröffentlichten 510b.
demo-session-investigated = { $count } Wahllokale untersucht und abgeschlossen; berichtigtes Ergebnis zweimal erfasst für Wahllokal { $recounted }.
demo-session-history = Das frühere Ergebnis von { $count } Wahllokal(en) bleibt in der Historie der Datenbank; nichts wurde überschrieben.

## Backup
demo-backup = Geprüfte Sicherung (Integrität und Prüfprotokoll) in { $path }, Prüfprotokoll bis Eintrag { $entry }; wiederherstellen mit urna restore.
