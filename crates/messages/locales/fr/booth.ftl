# Voting computers, ballot-box sticks and the main office's reading of them (crate booth).

## The printed ballot

booth-ballot-blank = Vote blanc
booth-ballot-list = Liste { $number } : { $name }
booth-ballot-list-vote = Vote pour la liste (vote de liste)

## What stops the totals of the sticks

booth-stick-problem = { $stick } : { $problem }
booth-no-stick = bureau de vote { $station } : aucune clé USB lue
booth-mirrors-differ = bureau de vote { $station } : les deux clés USB ({ $sticks }) diffèrent dans { $files }
booth-single-copy = bureau de vote { $station } : seule la clé { $stick } a été lue, son miroir manque
booth-duplicate-poll = bureau de vote { $station } : clés USB de scrutins différents ({ $sticks })
booth-not-a-ballot-box-stick = pas une clé d'urne (aucun paquet)
booth-other-election = une clé USB d'une autre élection ({ $elections })
booth-package-refused = paquet refusé : { $problems }
booth-not-a-station-package = le paquet n'est pas celui d'un bureau de vote
booth-unreadable = { $file } est illisible
booth-unreadable-because = { $file } est illisible : { $detail }
booth-missing-file = { $file } manque
booth-no-poll = aucun scrutin n'a été ouvert sur cette clé ({ $file } manque)
booth-poll-other-election = le scrutin sur cette clé n'est pas destiné à cette élection
booth-poll-bad-signature = la signature de { $file } est incorrecte (modifié, ou d'un autre bureau de vote)
booth-poll-other-package = { $file } n'appartient pas au paquet de la clé
booth-poll-not-closed = bureau de vote { $station } : le scrutin n'a pas été clôturé (aucun résultat sur la clé)
booth-result-bad-signature = la signature du résultat est incorrecte : le résultat a été modifié
booth-result-other-poll = le résultat n'appartient pas à ce scrutin ou à ce paquet
booth-ballot-box-altered = { $file } a été modifié après la clôture (son empreinte diffère du résultat signé)
booth-box-count-differs = l'urne contient { $votes } votes, le résultat compte { $ballots } bulletins
booth-station-not-of-office = le bureau de vote { $station } ne relève pas de ce bureau principal

## The recount

booth-recount-differs = { $field } : signé { $signed }, recompté { $found }
booth-recount-lists-differ = le nombre de listes diffère
booth-field-ballots = bulletins
booth-field-blank = blancs
booth-field-invalid = nuls
booth-field-list-ballots = liste { $list } bulletins
booth-field-list-votes = liste { $list } votes de liste
booth-field-candidate = liste { $list } candidat { $position }

## The main office's package

booth-not-a-main-office-package = le paquet n'est pas celui d'un bureau principal

## A ballot box's two sticks
booth-same-stick = bureau de vote { $station } : { $sticks } sont la même clé (ou une copie) : une urne écrit une identité propre sur chacune de ses deux clés
booth-stick-not-of-poll = { $file } manque ou n'est pas l'une des deux clés que nomme le scrutin signé
