# Das Wahlmodell: Organe, Gesetz, die Felder einer Zählung, ihre Prüfungen und die doppelte
# Erfassung.

## Rechtsgebiete, Organe, Gesetz

jurisdiction-netherlands = die Niederlande
jurisdiction-flanders = Flandern
body-municipal-council = Gemeinderat
body-district-council = Distriktsrat
body-provincial-council = Provinzialrat
body-water-board = Vorstand eines Wasserverbands
body-house-of-representatives = Zweite Kammer der Generalstaaten
body-senate = Erste Kammer der Generalstaaten
body-european-parliament = Europäisches Parlament
body-island-council = Inselrat
body-borough-committee = Bezirkskommission
body-area-committee = Gebietskommission
law-nl-kieswet = Niederländisches Wahlgesetz (Kieswet), Kapitel P
law-flanders-devolution = Lokales und Provinziales Wahldekret, mit Übertragung der Listenstimmen (2006-2018)
law-flanders-preference = Lokales und Provinziales Wahldekret, nur Vorzugsstimmen (ab 2024)
station-kind-fixed-location = fester Ort
station-kind-special = besonderes
station-kind-mobile = mobil

## Die Zählung eines Wahlbüros: Rubriken und Felder

section-voters = Zugelassene Wähler
section-votes = Abgegebene Stimmen
section-differences = Unterschiede zwischen Wählerzahl und abgegebenen Stimmen
section-ballots = Stimmzettel
section-list = Liste { $number }: { $name }
field-voters-a = Wahlbenachrichtigungen
field-voters-b = Vollmachten
field-voters-c = Wählerausweise
field-voters-d = Zugelassene Wähler insgesamt
field-votes-list = Stimmen für Liste { $number } { $name }
field-votes-e = Stimmen für Kandidaten insgesamt
field-votes-f = Leere Stimmen
field-votes-g = Ungültige Stimmen
field-votes-h = Abgegebene Stimmen insgesamt
field-d-equals-h = D und H sind gleich
field-h-greater-than-d = H ist größer als D (mehr abgegebene Stimmen als zugelassene Wähler)
field-h-less-than-d = H ist kleiner als D (weniger abgegebene Stimmen als zugelassene Wähler)
field-differences-i = Mehr gezählte Stimmen
field-differences-j = Weniger gezählte Stimmen
field-explained-yes = Unterschied erklärt: ja
field-explained-no = Unterschied erklärt: nein
field-explanation = Erklärung des Unterschieds
field-candidate = Liste { $list }, Kandidat { $position }: { $name }
field-list-total = Summe Liste { $number }
field-ballots-total = Stimmzettel in der Wahlurne
field-ballots-blank = Leere Stimmzettel
field-ballots-invalid = Ungültige Stimmzettel
field-list-ballots = Gültige Stimmzettel für Liste { $number }
field-list-only = davon nur eine Listenstimme (Kopfstimme)
field-unnamed = Feld

## Ein Formular, das nicht gelesen werden kann

field-not-a-number = { $label }: „{ $value }“ ist keine ganze Zahl.
field-negative = { $label }: { $value } ist negativ; Anzahlen sind 0 oder mehr.
field-too-large = { $label }: { $value } ist größer als die höchstmögliche Anzahl ({ $most }).
field-text-too-long = { $label }: Der Text ist länger als { $most } Zeichen.
field-missing = { $label } fehlt.
field-unknown = Das Feld { $key } gibt es auf diesem Formular nicht.
field-shape = Das Formular hat { $found }, die Wahl { $expected }: Es gehört zu einer anderen Wahl.
form-shape-lists = { $lists } Listen mit { $candidates } Kandidaten
form-shape-jurisdiction = das Formular von { $jurisdiction }

## Die doppelte Erfassung

status-not-started = noch nicht begonnen
status-first-entry-in-progress = erste Erfassung läuft
status-first-entry-has-errors = erste Erfassung hat Fehler
status-second-entry-not-started = wartet auf zweite Erfassung
status-second-entry-in-progress = zweite Erfassung läuft
status-entries-different = Erfassungen weichen ab
status-definitive = endgültig
status-imported = eingelesen (510b)
entry-same-typist = { $typist } hat die erste Erfassung gemacht; die zweite muss jemand anderes machen.
entry-claimed-by-other = { $typist } bearbeitet diese Erfassung.
entry-wrong-status = Das ist nicht möglich, solange die Erfassung dieses Wahlbüros den Status „{ $status }“ hat.
entry-warnings-not-acknowledged = Prüfen Sie die Warnungen anhand des Papierprotokolls und bestätigen Sie das.
entry-errors-not-acknowledged = Die Erfassung hat Fehler. Korrigieren Sie die Erfassung, oder bestätigen Sie, dass das Papierprotokoll es so angibt.

## Die Prüfungen einer Zählung (F = Fehler, W = Warnung; V = Flandern)

rule-f201 = A + B + C ist nicht gleich D: Wahlbenachrichtigungen, Vollmachten und Wählerausweise ergeben nicht die Gesamtzahl der zugelassenen Wähler.
rule-f202 = E.1 bis E.n ergeben nicht E: Die Stimmen je Liste ergeben nicht die Gesamtzahl der Stimmen für Kandidaten.
rule-f203 = E + F + G ist nicht gleich H: Stimmen für Kandidaten, leere und ungültige Stimmen ergeben nicht die Gesamtzahl der abgegebenen Stimmen.
rule-f204 = Die Listensummen im Kandidatenteil ergeben nicht E.
rule-f301 = „D und H sind gleich“ ist angekreuzt, aber D und H unterscheiden sich.
rule-f302 = „H ist größer als D“ ist angekreuzt, aber H ist nicht größer als D.
rule-f303 = „H ist kleiner als D“ ist angekreuzt, aber H ist nicht kleiner als D.
rule-f304 = Beim Vergleich von D und H ist nicht genau ein Kästchen angekreuzt.
rule-f305 = D und H sind gleich, aber I oder J ist ausgefüllt.
rule-f306 = H ist größer als D, aber I (mehr gezählte Stimmen) ist nicht H − D.
rule-f307 = H ist größer als D, aber J (weniger gezählte Stimmen) ist ausgefüllt.
rule-f308 = H ist kleiner als D, aber J (weniger gezählte Stimmen) ist nicht D − H.
rule-f309 = H ist kleiner als D, aber I (mehr gezählte Stimmen) ist ausgefüllt.
rule-f310 = D und H unterscheiden sich, aber bei „Unterschied erklärt“ ist nicht genau eine Antwort angekreuzt.
rule-f401 = Kandidaten einer Liste haben Stimmen, aber die Summe dieser Liste ist leer oder 0.
rule-f402 = Die Stimmen der Kandidaten einer Liste ergeben nicht die Summe dieser Liste.
rule-f403 = Die Summe einer Liste ist nicht gleich den Stimmen dieser Liste bei E.
rule-w201 = Die leeren Stimmen sind 3 % oder mehr der abgegebenen Stimmen.
rule-w202 = Die ungültigen Stimmen sind 3 % oder mehr der abgegebenen Stimmen.
rule-w203 = Der Unterschied zwischen zugelassenen Wählern (D) und abgegebenen Stimmen (H) beträgt 2 % oder mehr und 15 oder mehr.
rule-w204 = Die Gesamtzahl der abgegebenen Stimmen (H) ist leer oder 0.
rule-v201 = Die gültigen Stimmzettel je Liste, die leeren und die ungültigen Stimmzettel ergeben nicht die Zahl der Stimmzettel in der Wahlurne.
rule-v401 = Eine Liste hat mehr Stimmzettel mit nur einer Listenstimme als gültige Stimmzettel.
rule-v402 = Ein Kandidat hat mehr Vorzugsstimmen, als die Liste Stimmzettel mit Vorzugsstimmen hat.
rule-v403 = Die Vorzugsstimmen einer Liste sind weniger als ihre Stimmzettel mit Vorzugsstimmen: Jeder solche Stimmzettel hat mindestens eine.
rule-v404 = Eine Liste hat Stimmzettel mit Vorzugsstimmen, aber keine Vorzugsstimme, oder Vorzugsstimmen ohne Stimmzettel.

## Committee sessions and investigations
committee-no-location = Die Sitzung hat keinen Ort.
committee-no-members = Kein anwesendes Mitglied des Wahlausschusses ist genannt.
committee-member = Mitglied „{ $name }“ ist leer oder doppelt genannt.
committee-session-closed = Sitzung { $session } ist geschlossen: was darin festgehalten wurde, ändert sich nicht mehr.
committee-session-open = Sitzung { $session } ist noch offen; schließen Sie sie zuerst (indem Sie ihre Dokumente erstellen).
committee-investigated-already = Wahllokal { $station } wird in dieser Sitzung bereits untersucht.
committee-no-investigation = Wahllokal { $station } hat in dieser Sitzung keine laufende Untersuchung.
committee-empty-reason = Geben Sie den Grund der Untersuchung an.
committee-empty-findings = Geben Sie die Ergebnisse der Untersuchung an.
committee-unconcluded = Die Untersuchung von Wahllokal { $stations } ist noch nicht abgeschlossen.
committee-cause-unexplained-difference = ungeklärte Differenz zwischen zugelassenen Wählern und gezählten Stimmzetteln
committee-cause-other-reason = anderer Grund

## Counting method
committee-counting-central = zentrale Stimmenauszählung (der Gemeindewahlausschuss zählt die Stimmen je Kandidat)
committee-counting-decentralised = dezentrale Stimmenauszählung (die Wahllokale zählen die Stimmen je Kandidat)

## Imported first entries
entry-imported-not-sent-back = Die Erfassung aus { $file } kann nicht zurückgeschickt werden: die Datei ist, wie sie ist. Behalten Sie sie, oder verwerfen Sie beide (eine berichtigte Datei kommt von der Gemeinde).

## Municipality as reporting unit
station-kind-municipality = Gemeinde (Einheit des Zentralwahlausschusses)

## Empty count fields
field-empty = { $label } ist leer: geben Sie die Zahl ein, auch wenn sie 0 ist.
