# Das Ergebnis feststellen: von endgültigen Zählungen zu Sitzen und Gewählten, je Wahlkreis.

determine-no-rules = Urna kennt keine Regeln für die Sitzverteilung dieser Wahl
determine-no-contests = die Wahl hat keine Kandidatenlisten
determine-unknown-contest = der Wahlkreis { $contest } gehört nicht zur Wahl
determine-other-contest = das Wahlbüro { $station } gehört zum Wahlkreis { $defined }, seine Zählung zu { $counted }
determine-contest-unknown-for = das Wahlbüro { $station } steht nicht in der Definition, und diese hat mehrere Wahlkreise
determine-twice = das Wahlbüro { $station } ist zweimal gezählt
determine-count-shape = die Zählung des Wahlbüros { $station } passt nicht zu den Kandidatenlisten: { $detail }
determine-mixed-forms = Wahlbüro { $station }: die Zählung ist auf dem Formular eines anderen Landes
determine-totals-shape = die Summen des Wahlkreises { $contest } passen nicht zu seinen Listen: { $detail }
determine-combined-contests = die Sitze dieser Wahl werden über die Wahlkreise gemeinsam verteilt; das tut Urna nicht
determine-apportion = Sitzverteilung, Wahlkreis { $contest }: { $detail }

## Die Entscheidungen, die die Sitzverteilung als gegeben nimmt (decisions.json)

decisions-other-election = gilt für die Wahl { $found }, die Definition für { $expected }
decisions-contest-not-named = die Wahl hat { $contests } Wahlkreise: jede Entscheidung muss ihren Wahlkreis nennen
decisions-not-on-the-lists = der verstorbene Kandidat { $position } der Liste { $list } steht nicht auf den Listen
decisions-twice = der verstorbene Kandidat { $position } der Liste { $list } steht zweimal darin
