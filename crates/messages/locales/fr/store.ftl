# The store's refusals, for the person at the keyboard.

## Refusals of the store
store-no-data-dir = Il n'y a pas de dossier de données Urna à { $path } (importez d'abord une élection, ou indiquez --data-dir).
store-foreign = { $path } n'est pas une base de données Urna (application id { $found }) ; Urna n'y touche pas.
store-too-new = { $path } a été écrit par une version plus récente d'Urna ({ $detail }) ; utilisez cette version.
store-open = { $path } ne peut pas être ouvert : { $detail }
store-sqlite = erreur de base de données : { $detail }
store-election-exists = l'élection { $id } est déjà chargée (importée { $at }) ; rien n'a été modifié
store-commit = l'écriture n'a pas pu être validée, rien n'a été enregistré : { $detail }
store-writer-stopped = l'écriture dans la base de données s'est arrêtée
store-unaudited = { $what } refusé : aucune entrée n'a été écrite dans le journal d'audit
store-changed-after-audit = { $what } refusé : des données ont changé après son entrée dans le journal d'audit
store-stale = la saisie a été modifiée entre-temps (version { $found } ; cette modification partait de la version { $expected }) ; rechargez et réessayez
store-not-found = introuvable : { $what }
store-user-exists = l'utilisateur { $username } existe déjà
store-already-disabled = l'utilisateur { $username } est déjà désactivé
store-already-enabled = l'utilisateur { $username } est déjà activé
store-setup-done = l'administrateur a déjà été configuré
store-station-numbers-taken = numéro(s) de bureau de vote { $numbers } déjà utilisé(s) ; rien n'a été modifié
store-entry-started = la saisie du bureau de vote { $station } a commencé ; son numéro ne peut plus changer
store-corrupt = les données enregistrées sont corrompues : { $detail }
