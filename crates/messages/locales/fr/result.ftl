# Établir le résultat : des dépouillements définitifs aux sièges et aux élus, par circonscription.

determine-no-rules = Urna ne connaît pas de règles de répartition des sièges pour cette élection
determine-no-contests = l'élection n'a pas de listes de candidats
determine-unknown-contest = la circonscription { $contest } n'appartient pas à l'élection
determine-other-contest = le bureau de vote { $station } appartient à la circonscription { $defined }, son dépouillement à { $counted }
determine-contest-unknown-for = le bureau de vote { $station } ne figure pas dans la définition, qui compte plusieurs circonscriptions
determine-twice = le bureau de vote { $station } est compté deux fois
determine-count-shape = le dépouillement du bureau de vote { $station } ne correspond pas aux listes de candidats : { $detail }
determine-mixed-forms = bureau de vote { $station } : le dépouillement est sur le formulaire d'un autre pays
determine-totals-shape = les totaux de la circonscription { $contest } ne correspondent pas à ses listes : { $detail }
determine-combined-contests = les sièges de cette élection sont répartis sur l'ensemble des circonscriptions ; Urna ne le fait pas
determine-apportion = répartition des sièges, circonscription { $contest } : { $detail }

## Les décisions que la répartition prend comme données (decisions.json)

decisions-other-election = concerne l'élection { $found }, la définition l'élection { $expected }
decisions-contest-not-named = l'élection compte { $contests } circonscriptions : chaque décision doit nommer la sienne
decisions-not-on-the-lists = le candidat décédé { $position } de la liste { $list } ne figure pas sur les listes
decisions-twice = le candidat décédé { $position } de la liste { $list } y figure deux fois
