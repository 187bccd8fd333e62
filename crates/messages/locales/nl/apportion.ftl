# The steps of a seat allocation as an official report prints them (crate apportion).

## Steps and result

apportion-no-list = geen lijst
apportion-lists = lijsten { $lists }
apportion-method-largest-remainder = grootste overschot
apportion-method-highest-average = grootste gemiddelde
apportion-method-highest-average-one-per-list = grootste gemiddelde, één per lijst
apportion-method-highest-quotient = hoogste quotiënt
apportion-by-threshold = voorkeurstemmen boven de drempel
apportion-by-list-order = volgorde van de lijst
apportion-by-preference-votes = voorkeurstemmen
apportion-by-preference-and-devolved = voorkeurstemmen en overgedragen lijststemmen
apportion-by-all-candidates = alle kandidaten van de lijst
apportion-quota = Kiesdeler ({ $article }): { $votes } / { $seats } = { $quota }
apportion-full-seats = Volle zetels ({ $article }):
apportion-full-seats-list = lijst { $list }: { $votes } stemmen  { $seats } volle zetels  overschot { $remainder }
apportion-residual-seats = Restzetels: { $seats }
apportion-remainder-threshold = Drempel voor een restzetel naar grootste overschot, ¾ van de kiesdeler ({ $article }): { $threshold }; daaronder: { $excluded }
apportion-electoral-threshold = Kiesdrempel 5 % ({ $article }): { $threshold }; uitgesloten: { $excluded }
apportion-seat = Zetel { $seat } ({ $article }, { $method }): lijst { $list } ({ $value })
apportion-standing = stand: { $standing }
apportion-list-exhausted = Lijstuitputting ({ $article }): lijst { $list } heeft { $candidates } kandidaten; { $seats } zetel(s) gaan naar andere lijsten
apportion-absolute-majority = Absolute meerderheid ({ $article }): lijst { $list } heeft { $votes } van de { $total } stemmen (meer dan de helft), maar { $before } van de { $seats } zetels.
apportion-majority-seat-moves = De laatste restzetel van lijst { $from } gaat naar lijst { $list }.
apportion-majority-no-candidates = De lijst heeft geen kandidaten meer (Kieswet P 10); er gaat geen zetel over.
apportion-majority-no-residual = Geen andere lijst kreeg een restzetel; er gaat geen zetel over.
apportion-seats-unfilled = NIET TOEGEWEZEN ZETELS ({ $article }): { $seats } — alle lijsten die een zetel konden krijgen hebben geen kandidaten meer
apportion-preference-threshold = Voorkeurdrempel ({ $article }): { $percent }% van de kiesdeler = { $threshold }
apportion-list-vote-pot = Lijst { $list } ({ $article }): lijststemmen { $ballots }; pot { $pot }; verkiesbaarheidscijfer { $figure }
apportion-devolved = lijst { $list } kandidaat { $position }: { $votes } + { $devolved } overgedragen lijststemmen{ $substitutes ->
        [1] {" "}(opvolgers)
       *[0] {""}
    }
apportion-elected = Gekozen ({ $article }): lijst { $list } kandidaat { $position } ({ $votes } stemmen; { $why })
apportion-next-in-line = Rangschikking van de niet-gekozenen ({ $article }), lijst { $list }: { $order }
apportion-lot-applied = Lot / beslissing ({ $article }) { $id }: { $order }
apportion-tie-lot = beslist door loting
apportion-tie-list-votes = hoogste stemcijfer
apportion-tie-candidate-votes = meeste voorkeurstemmen van de kandidaten in het geding
apportion-tie-age = oudste kandidaat
apportion-tie = gelijke stand tussen { $between }: { $criteria }
apportion-result = Uitslag ({ $rules }, { $seats } zetels):
apportion-result-elected = gekozen: { $elected }
apportion-result-list = lijst { $list } { $name } { $votes } stemmen { $seats } zetels
apportion-result-unfilled = Niet toegewezen zetels: { $seats }
apportion-warning = Let op: { $warning }
apportion-lot-required = LOTING NODIG ({ $article }):
apportion-oldest-required = BESLISSING NODIG: OUDSTE KANDIDAAT ({ $article }):
apportion-lot-candidates = { $seats } zetel(s) van lijst { $list } voor de kandidaten met gelijke stemmen: { $options }
apportion-lot-lists = { $seats } zetel(s) voor de gelijk staande lijsten: { $options }
apportion-lot-options = opties: { $options }; te verdelen: { $seats }
apportion-lot-how = Geef de getrokken volgorde mee in "lots": {"{"}"id": …, "order": […]{"}"} en reken opnieuw.
