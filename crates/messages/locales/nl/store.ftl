# The store's refusals, for the person at the keyboard.

## Refusals of the store
store-no-data-dir = Er is geen Urna-gegevensmap op { $path } (importeer eerst een verkiezing, of geef --data-dir).
store-foreign = { $path } is geen Urna-database (application id { $found }); Urna raakt het bestand niet aan.
store-too-new = { $path } is geschreven door een nieuwere versie van Urna ({ $detail }); gebruik die versie.
store-open = { $path } kan niet worden geopend: { $detail }
store-sqlite = databasefout: { $detail }
store-election-exists = verkiezing { $id } is al geladen (geïmporteerd { $at }); er is niets gewijzigd
store-commit = de wijziging kon niet worden vastgelegd, er is niets opgeslagen: { $detail }
store-writer-stopped = het schrijven naar de database is gestopt
store-unaudited = { $what } geweigerd: er is geen regel in het auditlog geschreven
store-changed-after-audit = { $what } geweigerd: er zijn gegevens gewijzigd na de regel in het auditlog
store-stale = de invoer is intussen gewijzigd (versie { $found }; deze wijziging ging uit van versie { $expected }); herlaad en probeer opnieuw
store-not-found = niet gevonden: { $what }
store-user-exists = gebruiker { $username } bestaat al
store-already-disabled = gebruiker { $username } is al uitgeschakeld
store-already-enabled = gebruiker { $username } is al ingeschakeld
store-setup-done = de beheerder is al ingesteld
store-station-numbers-taken = stembureaunummer(s) { $numbers } al in gebruik; er is niets gewijzigd
store-entry-started = de invoer van stembureau { $station } is begonnen; het nummer kan niet meer veranderen
store-corrupt = opgeslagen gegevens zijn beschadigd: { $detail }
