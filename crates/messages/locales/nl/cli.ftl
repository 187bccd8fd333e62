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
cli-central-authority-name = Urna centrale autoriteit
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
