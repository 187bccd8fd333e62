# The steps of a seat allocation as an official report prints them (crate apportion).

## Steps and result

apportion-no-list = aucune liste
apportion-lists = listes { $lists }
apportion-method-largest-remainder = plus grand reste
apportion-method-highest-average = plus forte moyenne
apportion-method-highest-average-one-per-list = plus forte moyenne, une par liste
apportion-method-highest-quotient = plus haut quotient
apportion-by-threshold = voix de préférence au-dessus du seuil
apportion-by-list-order = ordre de la liste
apportion-by-preference-votes = voix de préférence
apportion-by-preference-and-devolved = voix de préférence et votes de liste dévolus
apportion-by-all-candidates = tous les candidats de la liste
apportion-quota = Diviseur électoral ({ $article }) : { $votes } / { $seats } = { $quota }
apportion-full-seats = Sièges pleins ({ $article }) :
apportion-full-seats-list = liste { $list } : { $votes } voix  { $seats } sièges pleins  reste { $remainder }
apportion-residual-seats = Sièges restants : { $seats }
apportion-remainder-threshold = Seuil pour un siège au plus grand reste, ¾ du diviseur électoral ({ $article }) : { $threshold } ; en dessous : { $excluded }
apportion-electoral-threshold = Seuil électoral 5 % ({ $article }) : { $threshold } ; exclues : { $excluded }
apportion-seat = Siège { $seat } ({ $article }, { $method }) : liste { $list } ({ $value })
apportion-standing = classement : { $standing }
apportion-list-exhausted = Liste épuisée ({ $article }) : la liste { $list } a { $candidates } candidats ; { $seats } siège(s) passent à d'autres listes
apportion-absolute-majority = Majorité absolue ({ $article }) : la liste { $list } a { $votes } des { $total } voix (plus de la moitié), mais { $before } des { $seats } sièges.
apportion-majority-seat-moves = Le dernier siège restant de la liste { $from } passe à la liste { $list }.
apportion-majority-no-candidates = La liste n'a plus de candidats (Kieswet P 10) ; aucun siège ne passe.
apportion-majority-no-residual = Aucune autre liste n'a reçu de siège restant ; aucun siège ne passe.
apportion-seats-unfilled = SIÈGES NON ATTRIBUÉS ({ $article }) : { $seats } — toutes les listes qui pouvaient obtenir un siège n'ont plus de candidats
apportion-preference-threshold = Seuil de préférence ({ $article }) : { $percent } % du diviseur électoral = { $threshold }
apportion-list-vote-pot = Liste { $list } ({ $article }) : votes en tête de liste { $ballots } ; masse { $pot } ; chiffre d'éligibilité { $figure }
apportion-devolved = liste { $list } candidat { $position } : { $votes } + { $devolved } votes de liste dévolus{ $substitutes ->
        [1] {" "}(suppléants)
       *[0] {""}
    }
apportion-elected = Élu ({ $article }) : liste { $list } candidat { $position } ({ $votes } voix ; { $why })
apportion-next-in-line = Classement des non-élus ({ $article }), liste { $list } : { $order }
apportion-lot-applied = Tirage au sort / décision ({ $article }) { $id } : { $order }
apportion-tie-lot = départagé par tirage au sort
apportion-tie-list-votes = plus grand nombre de voix de la liste
apportion-tie-candidate-votes = plus de voix de préférence des candidats concernés
apportion-tie-age = candidat le plus âgé
apportion-tie = égalité entre { $between } : { $criteria }
apportion-result = Résultat ({ $rules }, { $seats } sièges) :
apportion-result-elected = élus : { $elected }
apportion-result-list = liste { $list } { $name } { $votes } voix { $seats } sièges
apportion-result-unfilled = Sièges non attribués : { $seats }
apportion-warning = Attention : { $warning }
apportion-lot-required = TIRAGE AU SORT NÉCESSAIRE ({ $article }) :
apportion-oldest-required = DÉCISION NÉCESSAIRE : CANDIDAT LE PLUS ÂGÉ ({ $article }) :
apportion-lot-candidates = { $seats } siège(s) de la liste { $list } pour les candidats à égalité de voix : { $options }
apportion-lot-lists = { $seats } siège(s) pour les listes à égalité : { $options }
apportion-lot-options = options : { $options } ; à attribuer : { $seats }
apportion-lot-how = Indiquez l'ordre tiré dans "lots" : {"{"}"id": …, "order": […]{"}"} et relancez le calcul.
