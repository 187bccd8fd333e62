# De centrale autoriteit: haar sleutels, de geregistreerde verkiezingen, de ontvangst van
# verzegelde uitslagpakketten en de publicatie.

central-io = { $path }: { $detail }
central-keys-exist = { $path }: er zijn al sleutels; er is niets veranderd
central-wrong-passphrase = { $path }: de wachtwoordzin opent dit bestand niet (verkeerde wachtwoordzin, of het bestand van iemand anders)
central-no-publication-key = { $path }: geen publicatiesleutel (gemaakt voor die bestond, of niet naar deze computer gebracht)
central-publication-key-mismatch = { $path }: hoort niet bij de vergrendelde publicatiesleutel
central-no-tls-key = deze sleutels hebben geen TLS-sleutel (gemaakt voor de ontvangst over het netwerk bestond)
central-no-main-office = de ceremonie heeft (nog) geen pakket voor het hoofdstembureau gemaakt
central-no-main-office-package = { $path }: geen pakket van het hoofdstembureau in de ceremoniemap
central-manifest-not-in-record = { $path }: is niet het manifest van het pakket van het hoofdstembureau dat het ondertekende verslag noemt
central-definition-not-listed = { $path }: is niet de definitie die het manifest van het pakket noemt
central-no-area = de verkiezing heeft geen gebied (gemeente)
central-registered = { $path }: al geregistreerd; er is niets veranderd
central-foreign-intake-authority = { $path }: is niet de certificaatautoriteit die het ondertekende verslag noemt
central-no-elections = geen verkiezingen geregistreerd (urna central register)
central-no-elections-with-certificates = geen verkiezingen geregistreerd met certificaten (urna central register)
central-round-needed = de eerste publicatie heeft --round en --name nodig

## Waarom een pakket bij de ontvangst is geweigerd

central-unknown-election = verkiezing { $election } is niet geregistreerd bij deze centrale autoriteit
central-no-certificate = de verbinding toont geen certificaat van een bureau
central-stranger-connection = het certificaat van de verbinding hoort bij geen enkel bureau van verkiezing { $election }
central-other-office = het pakket is ondertekend door { $signed_by } maar verstuurd over de verbinding van { $connection }
central-foreign-definition = de verkiezingsdefinitie in het pakket (SHA-256 { $found }) is niet die welke de ceremonie ondertekende (SHA-256 { $expected })
central-no-definition = de verkiezingsdefinitie in het pakket (geen) is niet die welke de ceremonie ondertekende (SHA-256 { $expected })
