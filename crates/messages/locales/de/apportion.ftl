# The steps of a seat allocation as an official report prints them (crate apportion).

## Steps and result

apportion-no-list = keine Liste
apportion-lists = Listen { $lists }
apportion-method-largest-remainder = größter Rest
apportion-method-highest-average = höchster Durchschnitt
apportion-method-highest-average-one-per-list = höchster Durchschnitt, einer je Liste
apportion-method-highest-quotient = höchster Quotient
apportion-by-threshold = Vorzugsstimmen über der Schwelle
apportion-by-list-order = Reihenfolge der Liste
apportion-by-preference-votes = Vorzugsstimmen
apportion-by-preference-and-devolved = Vorzugsstimmen und übertragene Listenstimmen
apportion-by-all-candidates = alle Kandidaten der Liste
apportion-quota = Wahlzahl ({ $article }): { $votes } / { $seats } = { $quota }
apportion-full-seats = Volle Sitze ({ $article }):
apportion-full-seats-list = Liste { $list }: { $votes } Stimmen  { $seats } volle Sitze  Rest { $remainder }
apportion-residual-seats = Restsitze: { $seats }
apportion-remainder-threshold = Schwelle für einen Restsitz nach größtem Rest, ¾ der Wahlzahl ({ $article }): { $threshold }; darunter: { $excluded }
apportion-electoral-threshold = Sperrklausel 5 % ({ $article }): { $threshold }; ausgeschlossen: { $excluded }
apportion-seat = Sitz { $seat } ({ $article }, { $method }): Liste { $list } ({ $value })
apportion-standing = Stand: { $standing }
apportion-list-exhausted = Liste erschöpft ({ $article }): Liste { $list } hat { $candidates } Kandidaten; { $seats } Sitz(e) gehen an andere Listen
apportion-absolute-majority = Absolute Mehrheit ({ $article }): Liste { $list } hat { $votes } der { $total } Stimmen (mehr als die Hälfte), aber { $before } der { $seats } Sitze.
apportion-majority-seat-moves = Der letzte Restsitz von Liste { $from } geht an Liste { $list }.
apportion-majority-no-candidates = Die Liste hat keine Kandidaten mehr (Kieswet P 10); kein Sitz wechselt.
apportion-majority-no-residual = Keine andere Liste erhielt einen Restsitz; kein Sitz wechselt.
apportion-seats-unfilled = NICHT VERGEBENE SITZE ({ $article }): { $seats } — alle Listen, die einen Sitz erhalten konnten, haben keine Kandidaten mehr
apportion-preference-threshold = Vorzugsschwelle ({ $article }): { $percent } % der Wahlzahl = { $threshold }
apportion-list-vote-pot = Liste { $list } ({ $article }): Listenstimmzettel { $ballots }; Topf { $pot }; Wählbarkeitsziffer { $figure }
apportion-devolved = Liste { $list } Kandidat { $position }: { $votes } + { $devolved } übertragene Listenstimmen{ $substitutes ->
        [1] {" "}(Ersatzleute)
       *[0] {""}
    }
apportion-elected = Gewählt ({ $article }): Liste { $list } Kandidat { $position } ({ $votes } Stimmen; { $why })
apportion-next-in-line = Rangfolge der Nichtgewählten ({ $article }), Liste { $list }: { $order }
apportion-lot-applied = Los / Entscheidung ({ $article }) { $id }: { $order }
apportion-tie-lot = durch Los entschieden
apportion-tie-list-votes = höchste Stimmenzahl der Liste
apportion-tie-candidate-votes = meiste Vorzugsstimmen der betroffenen Kandidaten
apportion-tie-age = ältester Kandidat
apportion-tie = Gleichstand zwischen { $between }: { $criteria }
apportion-result = Ergebnis ({ $rules }, { $seats } Sitze):
apportion-result-elected = gewählt: { $elected }
apportion-result-list = Liste { $list } { $name } { $votes } Stimmen { $seats } Sitze
apportion-result-unfilled = Nicht vergebene Sitze: { $seats }
apportion-warning = Achtung: { $warning }
apportion-lot-required = LOSENTSCHEID ERFORDERLICH ({ $article }):
apportion-oldest-required = ENTSCHEIDUNG ERFORDERLICH: ÄLTESTER KANDIDAT ({ $article }):
apportion-lot-candidates = { $seats } Sitz(e) der Liste { $list } für die Kandidaten mit gleicher Stimmenzahl: { $options }
apportion-lot-lists = { $seats } Sitz(e) für die gleichauf liegenden Listen: { $options }
apportion-lot-options = Optionen: { $options }; zu vergeben: { $seats }
apportion-lot-how = Geben Sie die gezogene Reihenfolge in "lots" an: {"{"}"id": …, "order": […]{"}"} und rechnen Sie erneut.
