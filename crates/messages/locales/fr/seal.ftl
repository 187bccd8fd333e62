# Packages, ceremony records and sealed results (crate seal).

## Offices

seal-office-polling-station = bureau de vote { $number }
seal-office-named = { $office } ({ $name })
seal-office-main = bureau principal

## What is wrong with a package

seal-missing-manifest = le manifeste ({ $file }) manque
seal-unreadable-manifest = le manifeste ({ $file }) est illisible : { $detail }
seal-missing-signature = la signature ({ $file }) manque
seal-unreadable-signature = la signature ({ $file }) est illisible
seal-bad-signature = la signature est incorrecte : le manifeste a été modifié, ou n'a pas été signé avec la clé de l'autorité électorale { $authority }
seal-wrong-format = un paquet d'un autre type ou d'un format inconnu : « { $found } » (attendu : { $expected })
seal-missing-file = le fichier { $file } manque
seal-altered-file = le fichier { $file } a été modifié (son SHA-256 ou sa taille diffère du manifeste)
seal-unlisted-file = le fichier { $file } n'appartient pas au paquet (absent du manifeste)
seal-other-election = le paquet est destiné à l'élection { $found }, pas à { $expected }
seal-other-office = le paquet est destiné à { $found }, pas à { $expected }
seal-problems = { $problems }

## The ceremony record

seal-record-unreadable-signature = la signature du procès-verbal est illisible
seal-record-bad-signature = la signature du procès-verbal est incorrecte : il a été modifié ou signé avec une autre clé
seal-record-unreadable = le procès-verbal est illisible : { $detail }
seal-record-order = les étapes du procès-verbal ne se suivent pas ({ $detail })
seal-keys-again = les clés de cette cérémonie ont déjà été créées ; commencez une nouvelle cérémonie pour de nouvelles clés
seal-no-keys = créez d'abord les clés (urna ceremony keys)
seal-packages-again = les paquets ont déjà été créés ; leurs mots de passe sont imprimés, une deuxième série laisserait deux feuilles valables par bureau
seal-no-packages = créez d'abord les paquets (urna ceremony packages)
seal-step-numbering = l'étape { $found } suit l'étape { $previous } : le procès-verbal a été modifié
seal-record-format = pas un procès-verbal de cérémonie au format { $format }

## Why a sealed result is refused

seal-refusal-too-large = le fichier est plus grand que tout paquet de résultats ({ $bytes } octets)
seal-refusal-undecryptable = le fichier ne se déchiffre pas avec la clé de l'autorité centrale : modifié en route, ou pas destiné à cette autorité centrale
seal-refusal-malformed = le fichier n'est pas un paquet de résultats : { $detail }
seal-refusal-unknown-sender = { $office } n'a pas de clé enregistrée lors de la cérémonie

## Hash codes

seal-hash-invalid-character = une empreinte se compose des chiffres hexadécimaux 0-9 et a-f ; le caractère { $position } est « { $character } »
seal-hash-wrong-length = une empreinte compte 64 chiffres hexadécimaux (16 groupes de 4) ; celle-ci en a { $digits }
seal-hash-wrong-group = le groupe { $group } de l'empreinte ne correspond pas : saisi « { $typed } »
seal-hash-mismatch = l'empreinte { $actual } du fichier diffère de l'empreinte officielle { $official }
