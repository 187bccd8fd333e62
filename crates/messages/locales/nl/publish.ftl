# The public results site, the publication snapshot and the independent check of a feed (crate
# publish).

## The site

site-languages = Taal
site-skip = Naar de inhoud
site-feed = Uitslagen als gegevens
site-results = Uitslagen
site-all-results = Alle uitslagen
site-progress = Voortgang
site-municipalities-in = Gemeenten binnen
site-stations-in = Stembureaus geteld
site-municipalities = Gemeenten
site-municipality = Gemeente
site-province = Provincie
site-provinces = Provincies
site-district = Provinciale kieskring
site-districts = Provinciale kieskringen
site-status = Stand
site-turnout = Opkomst
site-largest = Grootste partij
site-eligible = Kiesgerechtigden
site-admitted = Toegelaten kiezers
site-valid = Geldige stemmen
site-blank = Blanco
site-invalid = Ongeldig
site-stations-counted = Stembureaus
site-seats-heading = Zetelverdeling
site-votes-and-seats = Stemmen en zetels per lijst
site-list = Lijst
site-votes = Stemmen
site-votes-lower = stemmen
site-seats = Zetels
site-elected = Gekozen kandidaten
site-by-preference = met voorkeurstemmen
site-source = Herkomst
site-package = Het ondertekende uitslagpakket van de gemeente
site-awaited = De uitslag is nog niet binnen.
site-status-in = binnen
site-status-awaited = nog niet binnen
site-status-problem = ontvangen, nog geen uitslag
site-party = Partij
site-parties-caption = Stemmen en zetels per partij, opgeteld over de gemeenten die binnen zijn
site-version-label = Versie
site-reload = Vernieuwen
site-footer = Alle cijfers als gegevens, ondertekend door de centrale autoriteit:
site-verify-hint = Iedereen kan ze nagaan met
site-key = Sleutel
site-per-contest = Per kiesdistrict
site-part-of-whole = { $part } van { $whole }
site-hemicycle-title = Zetelverdeling — { $election }
site-source-sentence = Uitslagpakket van { $office } (versie { $version }), ontvangen { $received }, vingerafdruk { $package }.{ $newer ->
        [0] {""}
       *[other] {" "}Er is een nieuwere versie ontvangen die wordt beoordeeld.
    }
site-deceased = { $name } (lijst { $list }, nr. { $position }) is overleden en niet gekozen; de stemmen blijven bij de lijst (Kieswet P 19a).
site-lots-drawn = { $count ->
        [one] Bij de zetelverdeling is één keer geloot; de uitkomst staat in het proces-verbaal.
       *[other] Bij de zetelverdeling is { $count } keer geloot; de uitkomsten staan in het proces-verbaal.
    }

## Why a received package makes no result

publish-missing-election = het pakket bevat geen verkiezingsdefinitie ({ $file })
publish-no-count = het pakket bevat geen telling: geen EML 510b en geen uitslagbestand uitslag_<id>.json
publish-uncounted = het pakket bevat geen telling voor kieskring { $contest }
publish-lot-pending = voor de zetelverdeling moet geloot worden ({ $lot }), en het pakket legt die loting niet vast
publish-unused-lot = { $file }: loting { $lot } beslist geen staking van stemmen in deze telling
publish-definition-not-signed = de verkiezingsdefinitie in het pakket (SHA-256 { $found }) is niet die welke de ceremonie ondertekende ({ $signed })
publish-definition-other-election = de definitie in het pakket is van { $election }
publish-snapshot-bad-signature = de handtekening past niet bij de sleutel van de centrale autoriteit { $key }
publish-snapshot-unreadable = geen publicatiesnapshot: { $detail }
publish-snapshot-not-canonical = de snapshot staat niet in zijn vaste vorm (canonical form)

## The check of a feed (urna verify)

verify-missing = { $file }: ontbreekt
verify-missing-or-unreadable = { $file }: ontbreekt of is onleesbaar
verify-not-utf8 = { $file }: geen UTF-8-tekst
verify-not-a-public-key = { $file }: geen publieke sleutel
verify-central-key-unexpected = { $file }: de vingerafdruk van de sleutel is { $found }, niet de verwachte { $expected }
verify-central-key-expected = de sleutel van de centrale autoriteit is de verwachte: { $key }
verify-central-key-compare = de sleutel van de centrale autoriteit (vergelijk met de gepubliceerde vingerafdruk): { $key }
verify-snapshot-refused = { $file }: { $reason }
verify-wrong-version = { $file }: zegt versie { $version } te zijn
verify-broken-chain = { $file }: noemt { $named } als de versie ervoor, maar dat is { $previous }
verify-no-snapshot = { $file }: ontbreekt: de feed bevat geen snapshot
verify-not-latest = { $file }: is niet de laatste versie ({ $latest })
verify-versions-chained = { $versions } versies van de snapshot, elk ondertekend door de centrale autoriteit en geketend aan de vorige
verify-numbers-equal = versie { $version }: elk cijfer opnieuw berekend uit de pakketten is gelijk aan het gepubliceerde ({ $elections } verkiezingen, { $districts } kieskringen, { $provinces } provincies)
verify-in-election = { $election }: { $finding }
verify-registration-differs = { $file } verschilt van de registratie in de snapshot
verify-authority-unexpected = de autoriteitssleutel { $key } van de ceremonie is niet een van de verwachte sleutels
verify-record-refused = { $file }: { $reason }
verify-record-other-election = het ceremonieverslag is van verkiezing { $found }
verify-station-count-differs = geregistreerd met { $registered } stembureaus, de ceremonie maakte pakketten voor { $packages }
verify-record-no-office = het ceremonieverslag kent geen kantoor { $office }
verify-offices-no-key = { $file } heeft geen sleutel voor { $office }
verify-office-key-differs = de sleutel van { $office } in { $file } is niet die welke het ondertekende ceremonieverslag noemt
verify-manifest-not-recorded = { $file }: is niet het manifest van het pakket dat het ondertekende ceremonieverslag noemt
verify-definition-differs = de registratie noemt definitie { $registered }, het ceremoniepakket { $package }
verify-election-keys = { $election }: ceremonieverslag ondertekend door autoriteit { $authority }; sleutel van { $office } daarin: { $key }; verkiezingsdefinitie { $definition }
verify-result-package-refused = { $election }: uitslagpakket: { $reason }
verify-sent-by-other = het uitslagpakket is verstuurd door { $sender }, niet door { $office }
verify-other-package = de snapshot noemt pakket { $named }, de feed bevat { $found }
verify-result-package-intact = { $election }: uitslagpakket { $package } ondertekend door { $office } ({ $files } bestanden ongeschonden)
verify-list = lijst { $number } ({ $name })
verify-candidate = kandidaat { $position } ({ $name })
verify-missing-from-published = { $path }: ontbreekt in de gepubliceerde snapshot
verify-count-differs = { $path }: { $published } gepubliceerd, { $computed } berekend uit de pakketten
verify-value-differs = { $path }: gepubliceerd { $published }, berekend uit de pakketten { $computed }

## Every published file against the signed file list

verify-file-removed = { $file }: staat in de ondertekende bestandslijst, maar ontbreekt
verify-file-added = { $file }: staat niet in de ondertekende bestandslijst (na de export toegevoegd)
verify-file-changed = { $file }: wijkt af van de ondertekende bestandslijst (na de export gewijzigd)
verify-files-other-snapshot = { $file }: hoort bij versie { $version }, niet bij de snapshot.json die hier staat
verify-files-intact = { $files } bestanden, elk zoals de ondertekende bestandslijst ze noemt

## Partial results
publish-partial = gedeeltelijke uitslag: { $counted } van { $expected } stembureaus geteld; een gedeeltelijke uitslag wordt nooit als de uitslag gepubliceerd

## Committee record
publish-committee = { $file }: het verslag van de zittingen past niet bij de telling: { $detail }

## The committee's work on the site
site-committee = Zittingen, onderzoeken en correcties
site-committee-session = Zitting { $session } van het gemeentelijk stembureau: { $started }, { $place }.
site-committee-session-unrecorded = Zitting { $session } van het gemeentelijk stembureau.
site-committee-investigation = Stembureau { $station } onderzocht in zitting { $session } ({ $cause }{ $requested }). Toegelaten kiezers opnieuw vastgesteld: { $admitted }; stembiljetten herteld: { $recounted }; telling gecorrigeerd: { $corrected }.
site-committee-other-reason = andere reden
site-committee-unexplained-difference = onverklaard verschil
site-committee-requested = , op verzoek van het centraal stembureau
site-committee-correction = De telling van stembureau { $station } is gecorrigeerd in zitting { $session }; het corrigendum (Na 14-2) zit in het pakket.
site-yes = ja
site-no = nee

## verify: the committee
verify-committee = { $election }: { $sessions } zittingen, { $investigations } onderzoeken en { $corrections } correcties van het gemeentelijk stembureau opnieuw afgeleid uit het pakket en getoetst aan de vlaggen van de 510b; elke correctie noemt haar zitting

## Seats the law moved
site-seat-shift-majority = Lijst { $list } kreeg meer dan de helft van de stemmen maar niet meer dan de helft van de zetels; daarom ging één zetel van lijst { $from } naar lijst { $list } ({ $article }).
site-seat-shift-exhausted = Lijst { $list } had minder kandidaten dan zetels; { $seats } zetel(s) gingen daarom naar andere lijsten ({ $article }).
