# Packages, ceremony records and sealed results (crate seal).

## Offices

seal-office-polling-station = stembureau { $number }
seal-office-named = { $office } ({ $name })
seal-office-main = hoofdstembureau

## What is wrong with a package

seal-missing-manifest = het manifest ({ $file }) ontbreekt
seal-unreadable-manifest = het manifest ({ $file }) is onleesbaar: { $detail }
seal-missing-signature = de handtekening ({ $file }) ontbreekt
seal-unreadable-signature = de handtekening ({ $file }) is onleesbaar
seal-bad-signature = de handtekening klopt niet: het manifest is gewijzigd, of niet ondertekend met de sleutel van de verkiezingsautoriteit { $authority }
seal-wrong-format = een pakket van een andere soort of onbekend formaat: "{ $found }" (verwacht: { $expected })
seal-missing-file = bestand { $file } ontbreekt
seal-altered-file = bestand { $file } is gewijzigd (SHA-256 of grootte wijkt af van het manifest)
seal-unlisted-file = bestand { $file } hoort niet bij het pakket (staat niet in het manifest)
seal-other-election = het pakket is voor verkiezing { $found }, niet voor { $expected }
seal-other-office = het pakket is voor { $found }, niet voor { $expected }
seal-problems = { $problems }

## The ceremony record

seal-record-unreadable-signature = de handtekening van het verslag is onleesbaar
seal-record-bad-signature = de handtekening van het verslag klopt niet: het verslag is gewijzigd of met een andere sleutel ondertekend
seal-record-unreadable = het verslag is onleesbaar: { $detail }
seal-record-order = de stappen van het verslag kloppen niet ({ $detail })
seal-keys-again = de sleutels van deze ceremonie zijn al gemaakt; begin een nieuwe ceremonie voor nieuwe sleutels
seal-no-keys = maak eerst de sleutels (urna ceremony keys)
seal-packages-again = de pakketten zijn al gemaakt; hun wachtwoorden zijn afgedrukt, dus een tweede reeks zou twee geldige vellen per bureau opleveren
seal-no-packages = maak eerst de pakketten (urna ceremony packages)
seal-step-numbering = stap { $found } volgt op stap { $previous }: het verslag is gewijzigd
seal-record-format = geen ceremonieverslag in formaat { $format }

## Why a sealed result is refused

seal-refusal-too-large = het bestand is groter dan elk uitslagpakket ({ $bytes } bytes)
seal-refusal-undecryptable = het bestand gaat niet open met de sleutel van de centrale autoriteit: onderweg gewijzigd, of niet voor deze centrale autoriteit bestemd
seal-refusal-malformed = het bestand is geen uitslagpakket: { $detail }
seal-refusal-unknown-sender = { $office } heeft geen sleutel die bij de ceremonie is geregistreerd

## Hash codes

seal-hash-invalid-character = een hashcode bestaat uit de hexadecimale cijfers 0-9 en a-f; teken { $position } is "{ $character }"
seal-hash-wrong-length = een hashcode heeft 64 hexadecimale cijfers (16 groepen van 4); deze heeft er { $digits }
seal-hash-wrong-group = groep { $group } van de hashcode klopt niet: getypt "{ $typed }"
seal-hash-mismatch = de hashcode { $actual } van het bestand wijkt af van de officiële hashcode { $official }
