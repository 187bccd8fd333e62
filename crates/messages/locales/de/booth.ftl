# Voting computers, ballot-box sticks and the main office's reading of them (crate booth).

## The printed ballot

booth-ballot-blank = Leere Stimme
booth-ballot-list = Liste { $number }: { $name }
booth-ballot-list-vote = Stimme für die Liste (Listenstimme)

## What stops the totals of the sticks

booth-stick-problem = { $stick }: { $problem }
booth-no-stick = Wahllokal { $station }: kein USB-Stick eingelesen
booth-mirrors-differ = Wahllokal { $station }: die beiden USB-Sticks ({ $sticks }) unterscheiden sich in { $files }
booth-single-copy = Wahllokal { $station }: nur USB-Stick { $stick } eingelesen, seine Spiegelkopie fehlt
booth-duplicate-poll = Wahllokal { $station }: USB-Sticks verschiedener Abstimmungen ({ $sticks })
booth-not-a-ballot-box-stick = kein Urnen-Stick (kein Paket)
booth-other-election = ein USB-Stick einer anderen Wahl ({ $elections })
booth-package-refused = Paket abgelehnt: { $problems }
booth-not-a-station-package = das Paket gehört zu keinem Wahllokal
booth-unreadable = { $file } ist nicht lesbar
booth-unreadable-because = { $file } ist nicht lesbar: { $detail }
booth-missing-file = { $file } fehlt
booth-no-poll = auf diesem USB-Stick wurde keine Abstimmung eröffnet ({ $file } fehlt)
booth-poll-other-election = die Abstimmung auf diesem USB-Stick gehört nicht zu dieser Wahl
booth-poll-bad-signature = die Signatur von { $file } stimmt nicht (geändert oder von einem anderen Wahllokal)
booth-poll-other-package = { $file } gehört nicht zum Paket auf dem USB-Stick
booth-poll-not-closed = Wahllokal { $station }: die Abstimmung wurde nicht geschlossen (kein Ergebnis auf dem USB-Stick)
booth-result-bad-signature = die Signatur des Ergebnisses stimmt nicht: das Ergebnis wurde geändert
booth-result-other-poll = das Ergebnis gehört nicht zu dieser Abstimmung oder diesem Paket
booth-ballot-box-altered = { $file } wurde nach dem Schließen geändert (der Hash weicht vom signierten Ergebnis ab)
booth-box-count-differs = die Urne enthält { $votes } Stimmen, das Ergebnis zählt { $ballots } Stimmzettel
booth-station-not-of-office = Wahllokal { $station } gehört nicht zu diesem Hauptwahlvorstand

## The recount

booth-recount-differs = { $field }: signiert { $signed }, nachgezählt { $found }
booth-recount-lists-differ = die Zahl der Listen weicht ab
booth-field-ballots = Stimmzettel
booth-field-blank = leer
booth-field-invalid = ungültig
booth-field-list-ballots = Liste { $list } Stimmzettel
booth-field-list-votes = Liste { $list } Listenstimmen
booth-field-candidate = Liste { $list } Kandidat { $position }

## The main office's package

booth-not-a-main-office-package = das Paket gehört zu keinem Hauptwahlvorstand

## A ballot box's two sticks
booth-same-stick = Wahllokal { $station }: { $sticks } sind derselbe USB-Stick (oder eine Kopie davon): eine Wahlurne schreibt auf jeden ihrer zwei Sticks eine eigene Identität
booth-stick-not-of-poll = { $file } fehlt oder ist keiner der zwei Sticks, die die signierte Abstimmung nennt
