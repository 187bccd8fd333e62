# Packages, ceremony records and sealed results (crate seal).

## Offices

seal-office-polling-station = Wahllokal { $number }
seal-office-named = { $office } ({ $name })
seal-office-main = Hauptwahlvorstand

## What is wrong with a package

seal-missing-manifest = das Manifest ({ $file }) fehlt
seal-unreadable-manifest = das Manifest ({ $file }) ist nicht lesbar: { $detail }
seal-missing-signature = die Signatur ({ $file }) fehlt
seal-unreadable-signature = die Signatur ({ $file }) ist nicht lesbar
seal-bad-signature = die Signatur stimmt nicht: das Manifest wurde geändert oder nicht mit dem Schlüssel der Wahlbehörde { $authority } signiert
seal-wrong-format = ein Paket anderer Art oder unbekannten Formats: „{ $found }“ (erwartet: { $expected })
seal-missing-file = die Datei { $file } fehlt
seal-altered-file = die Datei { $file } wurde geändert (SHA-256 oder Größe weicht vom Manifest ab)
seal-unlisted-file = die Datei { $file } gehört nicht zum Paket (nicht im Manifest)
seal-other-election = das Paket ist für die Wahl { $found }, nicht für { $expected }
seal-other-office = das Paket ist für { $found }, nicht für { $expected }
seal-problems = { $problems }

## The ceremony record

seal-record-unreadable-signature = die Signatur des Protokolls ist nicht lesbar
seal-record-bad-signature = die Signatur des Protokolls stimmt nicht: das Protokoll wurde geändert oder mit einem anderen Schlüssel signiert
seal-record-unreadable = das Protokoll ist nicht lesbar: { $detail }
seal-record-order = die Schritte des Protokolls stimmen nicht ({ $detail })
seal-keys-again = die Schlüssel dieser Zeremonie wurden bereits erzeugt; beginnen Sie für neue Schlüssel eine neue Zeremonie
seal-no-keys = erzeugen Sie zuerst die Schlüssel (urna ceremony keys)
seal-packages-again = die Pakete wurden bereits erstellt; ihre Passwörter sind gedruckt, eine zweite Serie ergäbe zwei gültige Blätter je Wahllokal
seal-no-packages = erstellen Sie zuerst die Pakete (urna ceremony packages)
seal-step-numbering = Schritt { $found } folgt auf Schritt { $previous }: das Protokoll wurde geändert
seal-record-format = kein Zeremonieprotokoll im Format { $format }

## Why a sealed result is refused

seal-refusal-too-large = die Datei ist größer als jedes Ergebnispaket ({ $bytes } Bytes)
seal-refusal-undecryptable = die Datei lässt sich mit dem Schlüssel der Zentralbehörde nicht entschlüsseln: unterwegs geändert oder nicht für diese Zentralbehörde bestimmt
seal-refusal-malformed = die Datei ist kein Ergebnispaket: { $detail }
seal-refusal-unknown-sender = { $office } hat keinen bei der Zeremonie registrierten Schlüssel

## Hash codes

seal-hash-invalid-character = ein Hashcode besteht aus den Hexadezimalziffern 0-9 und a-f; Zeichen { $position } ist „{ $character }“
seal-hash-wrong-length = ein Hashcode hat 64 Hexadezimalziffern (16 Gruppen zu 4); dieser hat { $digits }
seal-hash-wrong-group = Gruppe { $group } des Hashcodes stimmt nicht: eingetippt „{ $typed }“
seal-hash-mismatch = der Hashcode { $actual } der Datei weicht vom offiziellen Hashcode { $official } ab
