# De opdrachtregel (urna …).

cli-result-totals = { $name }: { $admitted } toegelaten kiezers, { $valid } stemmen op kandidaten, { $blank } blanco, { $invalid } ongeldig, { $stations } stembureaus
cli-result-list = Lijst { $number } { $name }: { $votes } stemmen, { $seats } { $seats ->
        [one] zetel
       *[other] zetels
    }
cli-result-imported = { $count } stembureaus ingelezen uit { $file } (hashcode { $hash })
cli-result-empty-forms = { $count } lege processen-verbaal N 10-2 in { $dir }
cli-result-file-written = { $hash }  { $path }  (gemaakt { $at })
cli-result-in-package = In het pakket:
cli-result-lot-needed =
    Er moet eerst geloot worden ({ $article }): { $description }
    {"  "}tussen { $options }; leg de uitkomst vast met: urna result lot { $election } --lot { $lot } --order { $order }
cli-central-passphrase = Wachtwoordzin van de centrale autoriteit:{" "}
cli-central-whose-passphrase = de centrale autoriteit
cli-central-keys-made =
    sleutel om naar te verzegelen: { $transmission }
    sleutel van de ontvangstbewijzen: { $receipts }
    publicatiesleutel: { $publication }
    certificaatautoriteit van de ontvangstserver ({ $names }): { $authority }
cli-central-refused = { $file }: GEWEIGERD — { $reason }
cli-central-status-accepted = ontvangen
cli-central-status-already-received = al eerder ontvangen (hetzelfde ontvangstbewijs)
cli-central-status-new-version = NIEUWE VERSIE, ter beoordeling; de eerdere blijft staan
cli-central-serving =
    certificaatautoriteit (vergelijk op het verzendende apparaat): { $fingerprint }
    verkiezingen: { $elections }
cli-central-files-only = { $election }: geen certificaten van de ceremonie: alleen per bestand te ontvangen
cli-office-password = Wachtwoord van het bureau ({ $login }):{" "}
cli-central-no-certificate = { $package }: geen { $file }
cli-central-receipt-does-not-verify = { $file }: het ontvangstbewijs klopt niet met de sleutel van de centrale autoriteit of met dit bestand
cli-central-receipt-invalid = { $file }: ONGELDIG: de handtekening klopt niet met de sleutel van de centrale autoriteit
cli-central-receipt-other-file = { $file }: het ontvangstbewijs hoort bij een ander bestand
cli-central-receipt-valid = { $file }: geldig: { $election } { $office } v{ $version } ({ $status }), { $received }
cli-central-sealed = verzegeld voor de centrale autoriteit: { $file } (hashcode { $hash })
cli-publish-registered = geregistreerd: { $election } ({ $municipality }, provincie: { $province }; { $stations } stembureaus)
cli-publish-new-version = nieuwe versie { $version } ({ $municipalities_in }/{ $municipalities_expected } gemeenten binnen)
cli-publish-nothing-new = niets nieuws: de laatste versie blijft staan
cli-publish-site-written = site en feed: { $dir } ({ $files } bestanden)
cli-publish-empty = { $dir }: leeg
cli-publish-serving = uitslagensite op http://{ $address }/ ({ $files } bestanden, versie { $version })
cli-verify-ok = in orde:
cli-verify-discrepancy = AFWIJKING:
cli-verify-sound = De feed klopt: alle handtekeningen en alle cijfers.
cli-verify-discrepancies = { $count } afwijking(en) gevonden.

## Users, the audit log, files

cli-error = Fout: { $error }
cli-cannot-read-file = Kan bestand niet lezen: { $file }
cli-user-unknown-role = onbekende rol "{ $role }" (administrator, coordinator of typist)
cli-user-invalid-username = een gebruikersnaam heeft 1 tot 64 letters, cijfers, punten, streepjes of liggende streepjes
cli-user-created = Gebruiker aangemaakt: { $login } ({ $role })
cli-user-temporary-password = Tijdelijk wachtwoord: { $password }
    Geef het persoonlijk door; het moet bij de eerste keer inloggen worden vervangen.
cli-audit-intact = Auditlog intact: { $entries } regels
cli-audit-head = Hash van de laatste regel (de processen-verbaal van Urna dragen die van hun moment in de voettekst): { $hash }
cli-audit-broken-at = Auditlog VERBROKEN bij regel { $entry }: { $problem }
cli-audit-broken = Auditlog VERBROKEN: { $problem }
cli-booth-two-sticks = geef precies twee sticks (--stick A --stick B)

## Confirming a file's hash code

cli-hash-invalid = { $option } is geen geldige hashcode: { $reason }
cli-hash-differs = Import geweigerd: de hashcode van { $file } ({ $what }) wijkt af van de officiële hashcode:
    {"  "}bestand:   { $found }
    {"  "}officieel: { $official }
cli-hash-not-given = Geen officiële hashcode opgegeven voor { $file } ({ $what }). Geef { $option } mee, of start de import op een terminal om twee groepen in te typen.
cli-hash-compare = Hashcode van { $file } ({ $what }):
      { $masked }
    Vergelijk met de officiële hashcode en typ de twee ontbrekende groepen.
cli-hash-group = Groep { $group }:{" "}
cli-hash-no-answer = geen antwoord op de vraag naar de hashcode
cli-hash-wrong-group = Import geweigerd: groep { $group } van de hashcode van { $file } ({ $what }) komt niet overeen met wat getypt is: "{ $typed }"
cli-hash-refused = Import geweigerd: { $reason }
cli-hash-confirmed = Hashcode bevestigd.

## Elections

cli-election-flemish-no-extra-files = Een Vlaams definitiebestand bevat zelf de lijsten en stembureaus: geef geen --candidates of --polling-stations mee.
cli-election-needs-candidates = Een EML-verkiezingsdefinitie (110a) wordt geladen met de kandidatenlijsten: geef --candidates mee (EML 230b).
cli-election-loaded = Geladen: { $name } ({ $election })
cli-election-size = { $seats } zetels, { $lists } lijsten, { $candidates } kandidaten, { $stations } stembureaus
cli-election-audit-entry = Auditlog: regel { $entry } (hash { $hash })
cli-election-none = Geen verkiezingen geladen.
cli-election-column-date = datum
cli-election-column-seats = zetels
cli-election-column-lists = lijsten
cli-election-column-candidates = kandidaten
cli-election-column-stations = stembureaus
cli-election-column-name = naam
cli-election-not-loaded = Verkiezing { $election } is niet geladen (zie urna election list)
cli-election-body = Orgaan:
cli-election-area = Gebied:
cli-election-day = Verkiezingsdag:
cli-election-nomination-day = Kandidaatstelling:
cli-election-seats = Zetels:
cli-election-preference-threshold = Voorkeurdrempel:
cli-election-percent-of-quota = { $percent }% van de kiesdeler
cli-election-law = Kiesregels:
cli-election-imported = Geladen:
cli-election-imported-at-by = { $at } door { $by }
cli-election-files = Bestanden en hashcodes:
cli-election-file = { $name } ({ $bytes } bytes)
cli-election-district = Kieskring/district { $name }
cli-election-lists = Lijsten
cli-election-n-seats = { $seats } zetels
cli-election-list-without-name = (zonder aanduiding)
cli-election-list = Lijst { $number }  { $name } — { $candidates } kandidaten
cli-election-stations = Stembureaus ({ $count }):
cli-election-n-voters = { $voters } kiezers
cli-election-no-stations-yet = (nog geen: laad ze met --polling-stations, EML 110b)

## The polling-station kiosk (urna booth run)

cli-booth-not-a-choice-again = Ongeldige keuze, probeer opnieuw.
cli-booth-not-a-choice = Ongeldige keuze.
cli-booth-invalid-choice = Ongeldige keuze: { $reason }
cli-booth-president-named = Voorzitterscomputer — stembureau { $station } ({ $name })
cli-booth-president = Voorzitterscomputer — stembureau { $station }
cli-booth-package-fingerprint = { $election }
    {"  "}Vingerafdruk van het pakket: { $fingerprint }
    {"  "}Vergelijk met uw inloggegevensblad.
cli-booth-login = Gebruikersnaam ({ $election }):{" "}
cli-booth-unknown-login = onbekende gebruikersnaam voor { $election }
cli-booth-password = Wachtwoord:{" "}
cli-booth-resuming = De stemming op deze sticks wordt hervat.
cli-booth-opened = De stemming is geopend.
cli-booth-closed-already = De stemming is al afgesloten.
cli-booth-enrolled = Stemcomputer { $number } ingeschreven, sleutel { $key }
cli-booth-menu-activate = Kiezerskaart activeren
cli-booth-menu-progress = Stand
cli-booth-menu-close = Stemming afsluiten
cli-booth-menu-pause = Pauzeren
cli-booth-printed = Uw stembiljet is afgedrukt. Laat de code scannen door de stembus.
cli-booth-recorded = Stembus: stembiljet geregistreerd ({ $ballots } in de stembus).
cli-booth-scan-refused = Stembus: GEWEIGERD: { $reason }
cli-booth-progress = Kiezerskaarten: { $cards }; stembiljetten in de stembus: { $ballots }
cli-booth-close-sure = Afsluiten? 1 = ja, 2 = nee:{" "}
cli-booth-paused = De stemming is gepauzeerd; start opnieuw om te hervatten.
cli-booth-choose-elections = Verkiezingen van deze kiezer (nummers, Enter = alle):{" "}
cli-booth-voting-computer = Stemcomputer — { $election }
cli-booth-vote-blank = Blanco stemmen
cli-booth-list = Lijst:{" "}
cli-booth-list-heading = Lijst { $list }: { $name }
cli-booth-candidates = Kandidaten (nummers met spaties), of Enter voor een lijststem:{" "}
cli-booth-check-vote = Controleer uw stem
cli-booth-confirm = 1 = bevestigen en afdrukken, 2 = opnieuw kiezen:{" "}
cli-booth-closed-election = { $election }: { $ballots } stembiljetten, { $cards } kiezerskaarten; proces-verbaal: { $report }
cli-booth-closed = De stemming is afgesloten; de resultaten staan ondertekend op beide sticks.

## Counting the sticks (urna count)

cli-count-station = stembureau { $station }: { $ballots } stembiljetten  ({ $sticks })
cli-count-not-totalled = NIET GETOTALISEERD: los eerst op:
cli-count-contest-totals = { $ballots } stembiljetten, { $valid } geldig, { $blank } blanco
cli-count-lot-needed = Er moet worden geloot; de zetelverdeling is nog niet af.
cli-count-list = lijst { $number } { $name } { $votes } stemmen  { $seats ->
        [one] { $seats } zetel{" "}
       *[other] { $seats } zetels
    }
cli-count-partial = LET OP: gedeeltelijke uitslag, { $counted } van { $expected } stembureaus geteld: dit is niet de uitslag van de verkiezing en wordt nooit als die gepubliceerd
cli-count-report = proces-verbaal: { $report } (met { $result })
cli-count-no-such-contest = kieskring { $contest } hoort niet bij de verkiezing
cli-count-decrypted = Stembureau { $station }: { $votes } stemmen ontsleuteld; { $tallies ->
        [1] ze kloppen met het getekende resultaat
       *[0] ze WIJKEN AF van het getekende resultaat
    }
cli-count-rescanned = { $ballots } stembiljetten opnieuw gescand: { $tallies ->
        [1] ze kloppen met het getekende resultaat
       *[0] ze WIJKEN AF
    }

## The key ceremony (urna ceremony)

cli-ceremony-no-keys = geen sleutels in deze ceremoniemap (eerst: urna ceremony keys)
cli-ceremony-record-refused = { $file }: het ceremonieverslag is geweigerd: { $reason }
cli-ceremony-authority-passphrase = Wachtwoordzin van de verkiezingsautoriteit:{" "}
cli-ceremony-authority-does-not-open = { $file }: de sleutel van de verkiezingsautoriteit gaat niet open
cli-ceremony-authority-other-key = { $file }: hoort niet bij authority.pub
cli-ceremony-new-passphrase = Nieuwe wachtwoordzin voor { $whose } (minstens { $minimum } tekens):{" "}
cli-ceremony-passphrase-too-short = De wachtwoordzin voor { $whose } moet minstens { $minimum } tekens hebben
cli-ceremony-passphrase-again = Nogmaals:{" "}
cli-ceremony-passphrases-differ = De twee wachtwoordzinnen verschillen; er is niets gemaakt.
cli-ceremony-keys-exist = { $folder }: deze ceremoniemap heeft al sleutels; begin een nieuwe ceremonie in een lege map
cli-ceremony-holder-names = Elke sleutelhouder heeft een eigen, niet-lege naam nodig: "{ $holder }"
cli-ceremony-threshold = Kies 2 ≤ k ≤ n: minstens twee sleutelhouders nodig om de verkiezingssleutel te herstellen (k = { $k }, n = { $n })
cli-ceremony-the-authority = de verkiezingsautoriteit
cli-ceremony-keys-made = Sleutels gemaakt voor { $election }:
cli-ceremony-authority-key = sleutel verkiezingsautoriteit:
cli-ceremony-election-key = verkiezingssleutel (publiek):
cli-ceremony-split = gedeeld: { $k } van { $n } sleutelhouders nodig om te ontsleutelen:
cli-ceremony-unknown-election = Onbekende verkiezing: { $election }
cli-ceremony-other-election = { $folder }: deze ceremonie is voor verkiezing { $election }
cli-ceremony-sheets-exist = { $file }: bestaat al; de inloggegevens komen alleen in een nieuw bestand
cli-ceremony-exists = { $file }: bestaat al
cli-ceremony-packages-made = { $packages } pakketten gemaakt ({ $bytes } bytes), vingerafdrukken:
cli-ceremony-sheets = Inloggegevens: { $file } — druk ze af en verwijder het bestand: de wachtwoorden staan nergens anders
cli-ceremony-package-not-intact = { $file }: het pakket is niet intact; er is niets gekopieerd
cli-ceremony-copies = Pakket { $office } ({ $fingerprint }), kopieën:
cli-ceremony-copy-identical = geschreven, teruggelezen, gelijk
cli-ceremony-copy-differs = WIJKT AF: { $files }
cli-ceremony-intact = INTACT
cli-ceremony-refused = GEWEIGERD
cli-ceremony-label-election = verkiezing:
cli-ceremony-label-for = voor:
cli-ceremony-label-fingerprint = vingerafdruk:
cli-ceremony-too-few-holders = Er zijn { $k } sleutelhouders nodig om de verkiezingssleutel te herstellen, opgegeven: { $given }
cli-ceremony-no-share = Geen deel van "{ $holder }" in { $folder }
cli-ceremony-holder-passphrase = Wachtwoordzin van { $holder }:{" "}
cli-ceremony-share-other-key = { $file }: dit deel hoort bij een andere verkiezingssleutel
cli-ceremony-shares-restore = { $shares } delen herstellen de verkiezingssleutel: { $fingerprint }
cli-ceremony-record = Ceremonieverslag { $name } ({ $election }), ondertekend met { $key }

## The polling-station app (urna station-app)

cli-file-missing = { $file } ontbreekt
cli-file-missing-or-unreadable = { $file } ontbreekt of is onleesbaar
cli-station-app-nothing-taken = Er is niets overgenomen.
cli-station-app-logins = { $stations } stembureaus loggen in de stembureau-app in met het inloggegevensblad van de ceremonie: { $name } ({ $election })
cli-station-app-served = stembureau-app (HTTPS) op { $url }
    {"  "}vingerafdruk certificaatautoriteit: { $fingerprint }
cli-station-app-turnout-reported = De voorzitter van stembureau { $station } ({ $login }) logt in met het inlogblad en geeft de opkomst door
    {"  "}toegelaten kiezers: { $admitted }
cli-station-app-turnout-published = De coördinator publiceert de opkomst; om { $moment }: { $reported } van { $stations } stembureaus gemeld, { $admitted } toegelaten kiezers
    {"  "}{ $json }, { $csv }
cli-station-app-count-helper = Telhulp: { $taps } tikken, één tik ongedaan gemaakt, één stembiljet gemist (H { $total }; definitieve telling H { $definitive })
cli-station-app-differences = De coördinator ziet het verschil met de definitieve telling: { $differences }
cli-station-app-difference = { $field } app { $app } / telling { $definitive }

## The web application (urna serve)

cli-serve-cannot-listen = kan niet luisteren op { $address }
cli-serve-results-entry = uitslagenomgeving op { $url } (database: { $database })
cli-serve-no-users = nog geen gebruikers: open de pagina om de beheerder aan te maken
cli-serve-development-mode = ONTWIKKELMODUS: de controle op een internetverbinding staat uit
cli-serve-station-app = stembureau-app (alleen HTTPS) op { $url }
cli-serve-station-app-fingerprint = vingerafdruk (SHA-256) van de certificaatautoriteit van de app: { $fingerprint }
cli-serve-not-a-moment = --turnout-moments: "{ $text }" is geen tijdstip (UU:MM)
cli-serve-new-authority = nieuwe certificaatautoriteit voor de stembureau-app gemaakt in { $folder }

## The demo's results entry

cli-demo-users = Gebruikers: { $users }
cli-demo-entries-differ = Stembureau { $station }: de tweede invoer verschilt van de eerste in { $fields }
cli-demo-sent-back = De coördinator vergelijkt met het papieren proces-verbaal en stuurt de tweede invoer terug; invoerder2 corrigeert.
cli-demo-definitive = { $definitive } / { $stations } stembureaus definitief, elk tweemaal ingevoerd door twee verschillende invoerders.
cli-demo-running-totals = Tussenstand: { $admitted } toegelaten kiezers, { $candidates } stemmen op kandidaten, { $blank } blanco, { $invalid } ongeldig
cli-demo-list-equal = Lijst { $number } { $name }: { $votes } (gelijk aan de som van de ingevoerde processen-verbaal, net als elke andere lijst)

## The audit log against the hash code on paper
cli-audit-paper-head-found = De hashcode op papier is regel { $entry } van het auditlog ({ $at }): het log bevat alles tot en met die regel, ongewijzigd.
cli-audit-paper-head-missing = GEEN regel van het auditlog heeft de hashcode op papier ({ $hash }): het log is ingekort of opnieuw opgebouwd nadat dat document werd gemaakt.

## Which software this is
cli-version-commit = broncode (commit): { $commit }
cli-version-built = gebouwd: { $built }
cli-version-hash = hashcode van dit programma (SHA-256): { $hash }

## urna committee
cli-yes = ja
cli-no = nee
cli-committee-start = „{ $start }” is geen datum en tijd; schrijf bijvoorbeeld 2026-03-25 10:00.
cli-committee-open = open
cli-committee-closed = gesloten
cli-committee-session = Zitting { $session } ({ $state }): { $start }, { $place }; aanwezig: { $members }
cli-committee-session-unrecorded = Zitting { $session } ({ $state }): datum, plaats en leden niet vastgelegd
cli-committee-investigation = Onderzoek stembureau { $station } (zitting { $session }): { $cause } — { $reason }; op verzoek van het centraal stembureau: { $requested }
cli-committee-concluded = afgerond: { $findings } Toegelaten kiezers opnieuw vastgesteld: { $admitted }; herteld: { $recounted }; telling gecorrigeerd: { $corrected }
cli-committee-not-concluded = nog niet afgerond
cli-committee-replaced = Telling van stembureau { $station } vervangen in zitting { $session }: { $reason } (door { $by }, { $at }); de vervangen telling blijft bewaard
cli-committee-type-again = Stembureau { $station } wordt opnieuw tweemaal ingevoerd, door twee verschillende invoerders (urna serve).

## urna committee counting
cli-committee-counting = Stemopneming: { $method }
cli-committee-counting-unknown = „{ $method }” is geen manier van stemopneming; kies central of decentralised.

## urna result import-municipality
cli-result-municipality-imported = { $municipality } ({ $code }) ingelezen als eerste invoer van eenheid { $unit } uit { $file } (hashcode { $hash }); typ nu de totalen van het papieren proces-verbaal als tweede invoer (urna serve).

## publish serve: the software
cli-publish-software = Programma Urna { $version } (broncode { $commit }), hashcode { $hash }

## Backups
cli-backup-line = { $path } ({ $size } bytes), auditlog t/m regel { $entry }: { $hash }, gecontroleerd
cli-backup-made = Reservekopie gemaakt en gecontroleerd (integriteit en auditlog):
cli-backup-none = Geen reservekopieën in { $dir }.
cli-backup-refused = { $path }: GEEN bruikbare reservekopie: { $error }
cli-backup-failed = reservekopie mislukt, wordt bij de volgende wijziging opnieuw geprobeerd: { $error }
cli-restore-done = Database hersteld uit de gecontroleerde reservekopie (vastgelegd in het auditlog):
cli-restore-kept = De vervangen database is bewaard als { $path }.
cli-serve-backups = reservekopieën na elke wijziging naar { $dir }

## serve over HTTPS
cli-serve-plain-not-loopback = Gewone HTTP alleen op een loopbackadres (127.0.0.1, ::1), niet op { $address }: wachtwoorden en tellingen gaan niet onversleuteld over het netwerk. Laat --plain-http weg voor HTTPS.
cli-serve-entry-fingerprint = vingerafdruk van de certificaatautoriteit van de resultateninvoer (zet hem op het blad van de coördinator; invoerders vergelijken hem in hun browser): { $fingerprint }

## serve over HTTPS: the authority
cli-serve-new-entry-authority = nieuwe certificaatautoriteit voor de resultateninvoer gemaakt in { $folder } (installeer ca.pem in de browsers van de invoerders)

## The connection sheet
cli-serve-connection-sheet = verbindingsblad voor de invoerders (adres en vingerafdruk, om te printen): { $file }

## Stopped at a question
cli-interrupted = Afgebroken met Ctrl-C bij een vraag; de terminal is hersteld.

## A mistyped command line
cli-args-unknown = onbekende optie of argument { $argument }
cli-args-unknown-command = onbekende opdracht { $command }
cli-args-missing = verplicht maar niet gegeven: { $argument }
cli-args-missing-command = geef een opdracht
cli-args-invalid-value = { $value } is geen geldige waarde voor { $argument }
cli-args-conflict = { $argument } gaat niet samen met { $other }
cli-args-values = verkeerd aantal waarden voor { $argument }
cli-args-no-equals = { $argument } vraagt om een = met de waarde
cli-args-see-help = Zie urna --help (of urna OPDRACHT --help).
