# The central authority: its keys, the registered elections, the intake of sealed result
# packages and the publication.

central-io = { $path } : { $detail }
central-keys-exist = { $path } : les clés existent déjà ; rien n'a été modifié
central-wrong-passphrase = { $path } : la phrase secrète n'ouvre pas ce fichier (phrase secrète erronée, ou fichier d'une autre personne)
central-no-publication-key = { $path } : pas de clé de publication (créée avant qu'elle n'existe, ou pas apportée sur cet ordinateur)
central-publication-key-mismatch = { $path } : ne correspond pas à la clé de publication verrouillée
central-no-tls-key = ces clés n'ont pas de clé TLS (créées avant que la réception par le réseau n'existe)
central-no-main-office = la cérémonie n'a (pas encore) créé de paquet pour le bureau principal
central-no-main-office-package = { $path } : pas de paquet du bureau principal dans le dossier de cérémonie
central-manifest-not-in-record = { $path } : n'est pas le manifeste du paquet du bureau principal que nomme le procès-verbal signé
central-definition-not-listed = { $path } : n'est pas la définition que liste le manifeste du paquet
central-no-area = l'élection n'a pas de territoire (commune)
central-registered = { $path } : déjà enregistrée ; rien n'a été modifié
central-foreign-intake-authority = { $path } : n'est pas l'autorité de certification que nomme le procès-verbal signé
central-no-elections = aucune élection enregistrée (urna central register)
central-no-elections-with-certificates = aucune élection enregistrée avec des certificats (urna central register)
central-round-needed = la première publication exige --round et --name

## Why a package was refused at the intake

central-unknown-election = l'élection { $election } n'est pas enregistrée auprès de cette autorité centrale
central-no-certificate = la connexion ne présente aucun certificat de bureau
central-stranger-connection = le certificat de la connexion n'appartient à aucun bureau de l'élection { $election }
central-other-office = le paquet a été signé par { $signed_by } mais envoyé par la connexion de { $connection }
central-foreign-definition = la définition de l'élection dans le paquet (SHA-256 { $found }) n'est pas celle que la cérémonie a signée (SHA-256 { $expected })
central-no-definition = la définition de l'élection dans le paquet (aucune) n'est pas celle que la cérémonie a signée (SHA-256 { $expected })
