# Het bureau dat de uitslag vaststelt (gemeentelijk stembureau, hoofdbureau): invoer,
# stembureaus, de uitslag en de bestanden, het verzegelde uitslagpakket.

## Niet gevonden

office-missing-election = Niet gevonden: verkiezing { $election }.
office-missing-station = Niet gevonden: stembureau { $station }.
office-missing-station-of = Niet gevonden: stembureau { $station } in verkiezing { $election }.
office-missing-contest = Niet gevonden: kieskring { $contest }.
office-missing-candidate = Niet gevonden: kandidaat { $position } van lijst { $list }.
office-missing-file = Niet gevonden: bestand { $kind }.
office-missing-stored = Niet gevonden: { $what }.

## Geweigerd; er is niets gewijzigd

office-stale = Deze invoer is intussen elders gewijzigd (bijvoorbeeld in een ander venster). Er is niets opgeslagen; laad de pagina opnieuw.
office-store-failed = De database weigerde: { $detail }
office-station-numbers-taken = Stembureaunummer(s) { $numbers } zijn al in gebruik; er is niets gewijzigd.
office-entry-started = De invoer van stembureau { $station } is begonnen; het nummer kan niet meer wijzigen.
office-not-definitive = Nog geen definitieve telling voor stembureau(s) { $stations }.
office-lot-first = Er moet eerst geloot worden voordat de uitslag kan worden vastgesteld.
office-no-lot-pending = Er hoeft niet geloot te worden.
office-other-lot-pending = De loting die openstaat is { $pending }, niet { $given }.
office-lot-order = De getrokken volgorde moet elk van { $options } precies één keer noemen.
office-result-fixed = De uitslag is vastgesteld en de bestanden zijn gemaakt; die kan niet meer veranderen.
office-deceased-twice = Kandidaat { $position } van lijst { $list } is al geregistreerd.
office-contest-required = Deze verkiezing heeft meerdere kieskringen: kies de kieskring.
office-foreign-stations = { $file }: stembureau(s) { $stations } horen niet bij { $election }.
office-file-totals = { $file }: lijst { $list }: de totalen in het bestand ({ $stated }) wijken af van de som van de stembureaus ({ $sum }).
office-import-started = De invoer van stembureau(s) { $stations } is begonnen; er is niets ingelezen.
office-unreadable = { $file }: { $detail }
office-reader = Het bestand is geweigerd: { $detail }
office-document-failed = Het document kon niet worden gemaakt: { $detail }
office-not-main-office = dit is niet het pakket van het hoofdstembureau
office-wrong-password = het wachtwoord past niet bij het inloggegevensblad van dit bureau
office-sealed-exists = { $file }: bestaat al; kies een nieuwe bestandsnaam
office-no-such-moment = Geen tijdstip waarop de opkomst wordt gepubliceerd.
office-not-positive = Vul een aantal in dat groter is dan 0. Er is niets gewijzigd.

## Committee
office-not-dutch = Zittingen en onderzoeken horen bij het gemeentelijk stembureau van een Nederlandse verkiezing.

## Counting method
office-counting-fixed = De manier van stemopneming ligt vast: de invoer van stembureau { $stations } is al begonnen.
