# The steps of a seat allocation as an official report prints them (crate apportion).

## Steps and result

apportion-no-list = no list
apportion-lists = lists { $lists }
apportion-method-largest-remainder = largest remainder
apportion-method-highest-average = highest average
apportion-method-highest-average-one-per-list = highest average, one per list
apportion-method-highest-quotient = highest quotient
apportion-by-threshold = votes above the threshold
apportion-by-list-order = list order
apportion-by-preference-votes = preference votes
apportion-by-preference-and-devolved = preference and devolved list votes
apportion-by-all-candidates = all candidates of the list
apportion-quota = Quota ({ $article }): { $votes } / { $seats } = { $quota }
apportion-full-seats = Full seats ({ $article }):
apportion-full-seats-list = list { $list }: { $votes } votes  { $seats } full seats  remainder { $remainder }
apportion-residual-seats = Residual seats: { $seats }
apportion-remainder-threshold = Threshold for a largest-remainder seat, ¾ of the quota ({ $article }): { $threshold }; below it: { $excluded }
apportion-electoral-threshold = Electoral threshold 5 % ({ $article }): { $threshold }; excluded: { $excluded }
apportion-seat = Seat { $seat } ({ $article }, { $method }): list { $list } ({ $value })
apportion-standing = standing: { $standing }
apportion-list-exhausted = List exhausted ({ $article }): list { $list } has { $candidates } candidates; { $seats } seat(s) pass to other lists
apportion-absolute-majority = Absolute majority ({ $article }): list { $list } has { $votes } of the { $total } votes (more than half), but { $before } of the { $seats } seats.
apportion-majority-seat-moves = The last residual seat of list { $from } goes to list { $list }.
apportion-majority-no-candidates = The list has no candidates left (Kieswet P 10); no seat moves.
apportion-majority-no-residual = No other list received a residual seat; no seat moves.
apportion-seats-unfilled = SEATS LEFT EMPTY ({ $article }): { $seats } — every list that could take a seat has run out of candidates
apportion-preference-threshold = Preference threshold ({ $article }): { $percent }% of the quota = { $threshold }
apportion-list-vote-pot = List { $list } ({ $article }): list-only ballots { $ballots }; pot { $pot }; eligibility figure { $figure }
apportion-devolved = list { $list } candidate { $position }: { $votes } + { $devolved } devolved list votes{ $substitutes ->
        [1] {" "}(substitutes)
       *[0] {""}
    }
apportion-elected = Elected ({ $article }): list { $list } candidate { $position } ({ $votes } votes; { $why })
apportion-next-in-line = Ranking of those not elected ({ $article }), list { $list }: { $order }
apportion-lot-applied = Lot / decision ({ $article }) { $id }: { $order }
apportion-tie-lot = decided by lot
apportion-tie-list-votes = highest list votes
apportion-tie-candidate-votes = most preference votes of the candidates at stake
apportion-tie-age = oldest candidate
apportion-tie = tie between { $between }: { $criteria }
apportion-result = Result ({ $rules }, { $seats } seats):
apportion-result-elected = elected: { $elected }
apportion-result-list = list { $list } { $name } { $votes } votes { $seats } seats
apportion-result-unfilled = Seats left empty: { $seats }
apportion-warning = Warning: { $warning }
apportion-lot-required = DRAWING OF LOTS REQUIRED ({ $article }):
apportion-oldest-required = DECISION REQUIRED: OLDEST CANDIDATE ({ $article }):
apportion-lot-candidates = { $seats } seat(s) of list { $list } for the candidates with equal votes: { $options }
apportion-lot-lists = { $seats } seat(s) for the tied lists: { $options }
apportion-lot-options = options: { $options }; at stake: { $seats }
apportion-lot-how = Pass the drawn order in "lots": {"{"}"id": …, "order": […]{"}"} and run again.
