# De uitslag bepalen: van definitieve tellingen naar zetels en gekozenen, per kieskring.

determine-no-rules = Urna kent geen regels voor de zetelverdeling van deze verkiezing
determine-no-contests = de verkiezing heeft geen kandidatenlijsten
determine-unknown-contest = kieskring { $contest } hoort niet bij de verkiezing
determine-other-contest = stembureau { $station } hoort bij kieskring { $defined }, zijn telling bij { $counted }
determine-contest-unknown-for = stembureau { $station } staat niet in de definitie, en die heeft meerdere kieskringen
determine-twice = stembureau { $station } is twee keer geteld
determine-count-shape = de telling van stembureau { $station } past niet bij de kandidatenlijsten: { $detail }
determine-mixed-forms = stembureau { $station }: de telling is op het formulier van een ander land
determine-totals-shape = de totalen van kieskring { $contest } passen niet bij de lijsten: { $detail }
determine-combined-contests = de zetels van deze verkiezing worden over de kieskringen samen verdeeld; dat doet Urna niet
determine-apportion = zetelverdeling, kieskring { $contest }: { $detail }

## De beslissingen die de zetelverdeling als gegeven neemt (decisions.json)

decisions-other-election = is van verkiezing { $found }, de definitie van { $expected }
decisions-contest-not-named = de verkiezing heeft { $contests } kieskringen: elke beslissing moet haar kieskring noemen
decisions-not-on-the-lists = overleden kandidaat { $position } van lijst { $list } staat niet op de lijsten
decisions-twice = overleden kandidaat { $position } van lijst { $list } staat er twee keer in
