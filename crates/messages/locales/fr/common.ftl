# Words used everywhere.

## Roles of the people who use the result software

role-administrator = administrateur
role-coordinator = coordinateur
role-typist = encodeur

## The audit log

audit-altered = l'entrée { $entry } a été modifiée : son contenu ne correspond pas à son empreinte
audit-unlinked = l'entrée { $entry } ne suit pas l'entrée { $previous } : une entrée a été supprimée, insérée ou remplacée
audit-missing = l'entrée { $entry } manque (l'entrée suivante est { $next })
audit-trigger-removed = la protection { $trigger } contre la modification a été retirée de la base de données

## Imported files and their hash codes

file-election-definition = définition de l'élection
file-candidate-lists = listes de candidats
file-polling-stations = bureaux de vote
hash-check-typed-groups = confirmé : deux groupes saisis
hash-check-full-hash-code = confirmé : empreinte officielle complète
hash-check-not-applicable = pas d'empreinte officielle (fichier propre à la commune)

## Files that may not be read (a stick, a package, a folder)

read-not-a-file = { $path } : { $kind }, pas un fichier ordinaire ; refusé
read-too-large = { $path } : { $size } octets, plus que les { $max } octets qu'un tel fichier peut avoir ; refusé
read-changed = { $path } : modifié pendant la lecture ; refusé
read-too-deep = { $path } : dossiers imbriqués sur plus de { $max } niveaux (ou une boucle) ; refusé
read-too-many = { $path } : plus de { $max } fichiers et dossiers ; refusé
read-not-text = { $path } : pas du texte UTF-8
read-io = { $path } : { $detail }
read-kind-symbolic-link = un lien symbolique
read-kind-directory = un dossier
read-kind-fifo = une FIFO (tube nommé)
read-kind-socket = une socket
read-kind-character-device = un périphérique caractère
read-kind-block-device = un périphérique bloc
read-kind-other = autre chose qu'un fichier

## The audit log and the data it vouches for
audit-data-changed = table { $table }, ligne { $row } : modifiée hors d'Urna après que l'entrée { $entry } ({ $action }) l'a consignée
audit-data-added = table { $table }, ligne { $row } : ajoutée hors d'Urna, aucune entrée du journal ne l'a consignée
audit-data-removed = table { $table }, ligne { $row } : supprimée hors d'Urna après que l'entrée { $entry } ({ $action }) l'a consignée

## System file errors in words of our own
io-not-found = fichier ou dossier introuvable
io-permission-denied = accès refusé (droits insuffisants)
io-already-exists = existe déjà
io-is-a-directory = est un dossier, pas un fichier
io-not-a-directory = n'est pas un dossier
io-directory-not-empty = le dossier n'est pas vide
io-storage-full = le disque est plein
io-read-only = le disque est en lecture seule
io-unexpected-end = le fichier s'arrête de manière inattendue
