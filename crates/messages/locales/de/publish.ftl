# The public results site, the publication snapshot and the independent check of a feed (crate
# publish).

## The site

site-languages = Sprache
site-skip = Zum Inhalt
site-feed = Ergebnisse als Daten
site-results = Ergebnisse
site-all-results = Alle Ergebnisse
site-progress = Fortschritt
site-municipalities-in = Gemeinden eingegangen
site-stations-in = Wahllokale ausgezählt
site-municipalities = Gemeinden
site-municipality = Gemeinde
site-province = Provinz
site-provinces = Provinzen
site-district = Provinzialer Wahlkreis
site-districts = Provinziale Wahlkreise
site-status = Stand
site-turnout = Wahlbeteiligung
site-largest = Stärkste Partei
site-eligible = Wahlberechtigte
site-admitted = Zugelassene Wähler
site-valid = Gültige Stimmen
site-blank = Leer
site-invalid = Ungültig
site-stations-counted = Wahllokale
site-seats-heading = Sitzverteilung
site-votes-and-seats = Stimmen und Sitze je Liste
site-list = Liste
site-votes = Stimmen
site-votes-lower = Stimmen
site-seats = Sitze
site-elected = Gewählte Kandidaten
site-by-preference = durch Vorzugsstimmen
site-source = Herkunft
site-package = Das signierte Ergebnispaket der Gemeinde
site-awaited = Das Ergebnis liegt noch nicht vor.
site-status-in = eingegangen
site-status-awaited = noch nicht eingegangen
site-status-problem = eingegangen, noch kein Ergebnis
site-party = Partei
site-parties-caption = Stimmen und Sitze je Partei, summiert über die eingegangenen Gemeinden
site-version-label = Version
site-reload = Neu laden
site-footer = Alle Zahlen als Daten, signiert von der Zentralbehörde:
site-verify-hint = Jeder kann sie prüfen mit
site-key = Schlüssel
site-per-contest = Je Wahldistrikt
site-part-of-whole = { $part } von { $whole }
site-hemicycle-title = Sitzverteilung — { $election }
site-source-sentence = Ergebnispaket von { $office } (Version { $version }), eingegangen { $received }, Fingerabdruck { $package }.{ $newer ->
        [0] {""}
       *[other] {" "}Eine neuere Version ist eingegangen und wird geprüft.
    }
site-deceased = { $name } (Liste { $list }, Nr. { $position }) ist verstorben und nicht gewählt; die Stimmen bleiben bei der Liste (Kieswet P 19a).
site-lots-drawn = { $count ->
        [one] Bei der Sitzverteilung wurde einmal gelost; das Ergebnis steht im Protokoll.
       *[other] Bei der Sitzverteilung wurde { $count } Mal gelost; die Ergebnisse stehen im Protokoll.
    }

## Why a received package makes no result

publish-missing-election = das Paket enthält keine Wahldefinition ({ $file })
publish-no-count = das Paket enthält keine Zählung: weder ein EML 510b noch eine Ergebnisdatei uitslag_<id>.json
publish-uncounted = das Paket enthält keine Zählung für den Wahlkreis { $contest }
publish-lot-pending = die Sitzverteilung erfordert einen Losentscheid ({ $lot }), den das Paket nicht festhält
publish-unused-lot = { $file }: der Losentscheid { $lot } entscheidet keine Stimmengleichheit dieser Zählung
publish-definition-not-signed = die Wahldefinition im Paket (SHA-256 { $found }) ist nicht die, welche die Zeremonie signiert hat ({ $signed })
publish-definition-other-election = die Definition im Paket gehört zu { $election }
publish-snapshot-bad-signature = die Signatur passt nicht zum Schlüssel der Zentralbehörde { $key }
publish-snapshot-unreadable = kein Veröffentlichungs-Snapshot: { $detail }
publish-snapshot-not-canonical = der Snapshot liegt nicht in seiner kanonischen Form vor

## The check of a feed (urna verify)

verify-missing = { $file }: fehlt
verify-missing-or-unreadable = { $file }: fehlt oder ist nicht lesbar
verify-not-utf8 = { $file }: kein UTF-8-Text
verify-not-a-public-key = { $file }: kein öffentlicher Schlüssel
verify-central-key-unexpected = { $file }: der Fingerabdruck des Schlüssels ist { $found }, nicht der erwartete { $expected }
verify-central-key-expected = der Schlüssel der Zentralbehörde ist der erwartete: { $key }
verify-central-key-compare = der Schlüssel der Zentralbehörde (mit dem veröffentlichten Fingerabdruck vergleichen): { $key }
verify-snapshot-refused = { $file }: { $reason }
verify-wrong-version = { $file }: gibt an, Version { $version } zu sein
verify-broken-chain = { $file }: nennt { $named } als Vorgängerversion, diese ist aber { $previous }
verify-no-snapshot = { $file }: fehlt: der Feed enthält keinen Snapshot
verify-not-latest = { $file }: ist nicht die neueste Version ({ $latest })
verify-versions-chained = { $versions } Versionen des Snapshots, jede von der Zentralbehörde signiert und mit der vorigen verkettet
verify-numbers-equal = Version { $version }: jede aus den Paketen neu berechnete Zahl gleicht der veröffentlichten ({ $elections } Wahlen, { $districts } Wahlkreise, { $provinces } Provinzen)
verify-in-election = { $election }: { $finding }
verify-registration-differs = { $file } weicht von der Registrierung im Snapshot ab
verify-authority-unexpected = der Behördenschlüssel { $key } der Zeremonie ist keiner der erwarteten Schlüssel
verify-record-refused = { $file }: { $reason }
verify-record-other-election = das Zeremonieprotokoll gehört zur Wahl { $found }
verify-station-count-differs = registriert mit { $registered } Wahllokalen, die Zeremonie erstellte Pakete für { $packages }
verify-record-no-office = das Zeremonieprotokoll kennt kein Büro { $office }
verify-offices-no-key = { $file } hat keinen Schlüssel für { $office }
verify-office-key-differs = der Schlüssel von { $office } in { $file } ist nicht der, den das signierte Zeremonieprotokoll nennt
verify-manifest-not-recorded = { $file }: ist nicht das Manifest des Pakets, das das signierte Zeremonieprotokoll nennt
verify-definition-differs = die Registrierung nennt Definition { $registered }, das Zeremoniepaket { $package }
verify-election-keys = { $election }: Zeremonieprotokoll signiert von Behörde { $authority }; Schlüssel von { $office } darin: { $key }; Wahldefinition { $definition }
verify-result-package-refused = { $election }: Ergebnispaket: { $reason }
verify-sent-by-other = das Ergebnispaket wurde von { $sender } gesendet, nicht von { $office }
verify-other-package = der Snapshot nennt Paket { $named }, der Feed enthält { $found }
verify-result-package-intact = { $election }: Ergebnispaket { $package } signiert von { $office } ({ $files } Dateien unversehrt)
verify-list = Liste { $number } ({ $name })
verify-candidate = Kandidat { $position } ({ $name })
verify-missing-from-published = { $path }: fehlt im veröffentlichten Snapshot
verify-count-differs = { $path }: { $published } veröffentlicht, { $computed } aus den Paketen berechnet
verify-value-differs = { $path }: veröffentlicht { $published }, aus den Paketen berechnet { $computed }

## Every published file against the signed file list

verify-file-removed = { $file }: in der signierten Dateiliste, fehlt aber
verify-file-added = { $file }: nicht in der signierten Dateiliste (nach dem Export hinzugefügt)
verify-file-changed = { $file }: weicht von der signierten Dateiliste ab (nach dem Export geändert)
verify-files-other-snapshot = { $file }: gehört zu Version { $version }, nicht zur hier liegenden snapshot.json
verify-files-intact = { $files } Dateien, jede so, wie die signierte Dateiliste sie nennt

## Partial results
publish-partial = Teilergebnis: { $counted } von { $expected } Wahllokalen ausgezählt; ein Teilergebnis wird nie als das Ergebnis veröffentlicht

## Committee record
publish-committee = { $file }: das Protokoll der Sitzungen passt nicht zum Zählergebnis: { $detail }

## The committee's work on the site
site-committee = Sitzungen, Untersuchungen und Berichtigungen
site-committee-session = Sitzung { $session } des Gemeindewahlausschusses: { $started }, { $place }.
site-committee-session-unrecorded = Sitzung { $session } des Gemeindewahlausschusses.
site-committee-investigation = Wahllokal { $station } in Sitzung { $session } untersucht ({ $cause }{ $requested }). Zugelassene Wähler neu festgestellt: { $admitted }; Stimmzettel neu gezählt: { $recounted }; Ergebnis berichtigt: { $corrected }.
site-committee-other-reason = anderer Grund
site-committee-unexplained-difference = ungeklärte Differenz
site-committee-requested = , auf Ersuchen des Zentralwahlausschusses
site-committee-correction = Das Ergebnis von Wahllokal { $station } wurde in Sitzung { $session } berichtigt; die Berichtigung (Na 14-2) liegt im Paket.
site-yes = ja
site-no = nein

## verify: the committee
verify-committee = { $election }: { $sessions } Sitzungen, { $investigations } Untersuchungen und { $corrections } Berichtigungen des Gemeindewahlausschusses erneut aus dem Paket abgeleitet und gegen die Kennzeichen der 510b geprüft; jede Berichtigung nennt ihre Sitzung

## Seats the law moved
site-seat-shift-majority = Liste { $list } erhielt mehr als die Hälfte der Stimmen, aber nicht mehr als die Hälfte der Sitze; deshalb ging ein Sitz von Liste { $from } an Liste { $list } ({ $article }).
site-seat-shift-exhausted = Liste { $list } hatte weniger Kandidaten als Sitze; deshalb gingen { $seats } Sitz(e) an andere Listen ({ $article }).
