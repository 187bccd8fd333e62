# Le bureau qui établit le résultat (bureau de vote communal néerlandais, bureau principal
# flamand) : saisie, bureaux de vote, le résultat et ses fichiers, le paquet de résultat scellé.

## Introuvable

office-missing-election = Introuvable : élection { $election }.
office-missing-station = Introuvable : bureau de vote { $station }.
office-missing-station-of = Introuvable : bureau de vote { $station } dans l'élection { $election }.
office-missing-contest = Introuvable : circonscription { $contest }.
office-missing-candidate = Introuvable : candidat { $position } de la liste { $list }.
office-missing-file = Introuvable : fichier { $kind }.
office-missing-stored = Introuvable : { $what }.

## Refusé ; rien n'a été modifié

office-stale = Cette saisie a été modifiée ailleurs entre-temps (par exemple dans une autre fenêtre). Rien n'a été enregistré ; rechargez la page.
office-store-failed = La base de données a refusé : { $detail }
office-station-numbers-taken = Numéro(s) de bureau de vote { $numbers } déjà utilisé(s) ; rien n'a été modifié.
office-entry-started = La saisie du bureau de vote { $station } a commencé ; son numéro ne peut plus changer.
office-not-definitive = Pas encore de dépouillement définitif pour le(s) bureau(x) de vote { $stations }.
office-lot-first = Un tirage au sort est nécessaire avant que le résultat puisse être établi.
office-no-lot-pending = Aucun tirage au sort n'est en attente.
office-other-lot-pending = Le tirage au sort en attente est { $pending }, pas { $given }.
office-lot-order = L'ordre tiré doit nommer chacun de { $options } exactement une fois.
office-result-fixed = Le résultat est établi et ses fichiers sont faits ; il ne peut plus changer.
office-deceased-twice = Le candidat { $position } de la liste { $list } est déjà enregistré.
office-contest-required = Cette élection compte plusieurs circonscriptions : choisissez la circonscription.
office-foreign-stations = { $file } : le(s) bureau(x) de vote { $stations } n'appartiennent pas à { $election }.
office-file-totals = { $file } : liste { $list } : les totaux du fichier ({ $stated }) diffèrent de la somme de ses bureaux de vote ({ $sum }).
office-import-started = La saisie du/des bureau(x) de vote { $stations } a commencé ; rien n'a été importé.
office-unreadable = { $file } : { $detail }
office-reader = Le fichier a été refusé : { $detail }
office-document-failed = Le document n'a pas pu être produit : { $detail }
office-not-main-office = ce n'est pas le paquet du bureau principal
office-wrong-password = le mot de passe ne correspond pas à la fiche d'accès de ce bureau
office-sealed-exists = { $file } : existe déjà ; choisissez un nouveau nom de fichier
office-no-such-moment = Ce n'est pas un moment où la participation est publiée.
office-not-positive = Indiquez un nombre supérieur à 0. Rien n'a été modifié.

## Committee
office-not-dutch = Les séances et les enquêtes relèvent du bureau électoral communal d'une élection néerlandaise.

## Counting method
office-counting-fixed = Le mode de dépouillement est fixé : la saisie du bureau { $stations } a commencé.
