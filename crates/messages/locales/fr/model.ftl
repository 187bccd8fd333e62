# Le modèle électoral : organes, législation, les champs d'un dépouillement, leurs contrôles
# et la double saisie.

## Juridictions, organes, législation

jurisdiction-netherlands = les Pays-Bas
jurisdiction-flanders = la Flandre
body-municipal-council = conseil communal
body-district-council = conseil de district
body-provincial-council = conseil provincial
body-water-board = conseil d'un wateringue
body-house-of-representatives = Seconde Chambre des États généraux
body-senate = Première Chambre des États généraux
body-european-parliament = Parlement européen
body-island-council = conseil insulaire
body-borough-committee = commission d'arrondissement
body-area-committee = commission de quartier
law-nl-kieswet = Loi électorale néerlandaise (Kieswet), chapitre P
law-flanders-devolution = Décret électoral local et provincial, avec dévolution des votes de liste (2006-2018)
law-flanders-preference = Décret électoral local et provincial, votes de préférence uniquement (à partir de 2024)
station-kind-fixed-location = lieu fixe
station-kind-special = particulier
station-kind-mobile = mobile

## Le dépouillement d'un bureau de vote : rubriques et champs

section-voters = Électeurs admis
section-votes = Votes émis
section-differences = Différences entre le nombre d'électeurs et les votes émis
section-ballots = Bulletins de vote
section-list = Liste { $number } : { $name }
field-voters-a = Cartes d'appel
field-voters-b = Procurations
field-voters-c = Cartes d'électeur
field-voters-d = Total des électeurs admis
field-votes-list = Votes pour la liste { $number } { $name }
field-votes-e = Total des votes pour des candidats
field-votes-f = Votes blancs
field-votes-g = Votes nuls
field-votes-h = Total des votes émis
field-d-equals-h = D et H sont égaux
field-h-greater-than-d = H est supérieur à D (plus de votes émis que d'électeurs admis)
field-h-less-than-d = H est inférieur à D (moins de votes émis que d'électeurs admis)
field-differences-i = Nombre de votes comptés en plus
field-differences-j = Nombre de votes comptés en moins
field-explained-yes = Différence expliquée : oui
field-explained-no = Différence expliquée : non
field-explanation = Explication de la différence
field-candidate = Liste { $list }, candidat { $position } : { $name }
field-list-total = Total de la liste { $number }
field-ballots-total = Bulletins dans l'urne
field-ballots-blank = Bulletins blancs
field-ballots-invalid = Bulletins nuls
field-list-ballots = Bulletins valables pour la liste { $number }
field-list-only = dont un vote en case de tête uniquement
field-unnamed = Champ

## Un formulaire illisible

field-not-a-number = { $label } : « { $value } » n'est pas un nombre entier.
field-negative = { $label } : { $value } est négatif ; les nombres sont 0 ou plus.
field-too-large = { $label } : { $value } dépasse le plus grand nombre possible ({ $most }).
field-text-too-long = { $label } : le texte dépasse { $most } caractères.
field-missing = { $label } manque.
field-unknown = Le champ { $key } n'existe pas sur ce formulaire.
field-shape = Le formulaire a { $found }, l'élection { $expected } : il appartient à une autre élection.
form-shape-lists = { $lists } listes de { $candidates } candidats
form-shape-jurisdiction = le formulaire de { $jurisdiction }

## La double saisie

status-not-started = pas encore commencé
status-first-entry-in-progress = première saisie en cours
status-first-entry-has-errors = la première saisie contient des erreurs
status-second-entry-not-started = en attente de la seconde saisie
status-second-entry-in-progress = seconde saisie en cours
status-entries-different = les saisies diffèrent
status-definitive = définitif
status-imported = importé (510b)
entry-same-typist = { $typist } a fait la première saisie ; la seconde doit être faite par quelqu'un d'autre.
entry-claimed-by-other = { $typist } est en train de faire cette saisie.
entry-wrong-status = Impossible tant que la saisie de ce bureau de vote a le statut « { $status } ».
entry-warnings-not-acknowledged = Vérifiez les avertissements avec le procès-verbal papier et confirmez-le.
entry-errors-not-acknowledged = La saisie contient des erreurs. Corrigez la saisie, ou confirmez que le procès-verbal papier l'indique ainsi.

## Les contrôles d'un dépouillement (F = erreur, W = avertissement ; V = Flandre)

rule-f201 = A + B + C n'est pas égal à D : les cartes d'appel, procurations et cartes d'électeur ne totalisent pas le nombre d'électeurs admis.
rule-f202 = E.1 à E.n ne totalisent pas E : les votes par liste ne totalisent pas le total des votes pour des candidats.
rule-f203 = E + F + G n'est pas égal à H : les votes pour des candidats, les votes blancs et les votes nuls ne totalisent pas le total des votes émis.
rule-f204 = Les totaux des listes dans la partie des candidats ne totalisent pas E.
rule-f301 = « D et H sont égaux » est coché, mais D et H diffèrent.
rule-f302 = « H est supérieur à D » est coché, mais H n'est pas supérieur à D.
rule-f303 = « H est inférieur à D » est coché, mais H n'est pas inférieur à D.
rule-f304 = Dans la comparaison de D et H, il n'y a pas exactement une case cochée.
rule-f305 = D et H sont égaux, mais I ou J est rempli.
rule-f306 = H est supérieur à D, mais I (votes comptés en plus) n'est pas égal à H − D.
rule-f307 = H est supérieur à D, mais J (votes comptés en moins) est rempli.
rule-f308 = H est inférieur à D, mais J (votes comptés en moins) n'est pas égal à D − H.
rule-f309 = H est inférieur à D, mais I (votes comptés en plus) est rempli.
rule-f310 = D et H diffèrent, mais il n'y a pas exactement une réponse cochée à « la différence est-elle expliquée ».
rule-f401 = Des candidats d'une liste ont des votes, mais le total de cette liste est vide ou 0.
rule-f402 = Les votes des candidats d'une liste ne totalisent pas le total de cette liste.
rule-f403 = Le total d'une liste n'est pas égal aux votes de cette liste en E.
rule-w201 = Les votes blancs représentent 3 % ou plus des votes émis.
rule-w202 = Les votes nuls représentent 3 % ou plus des votes émis.
rule-w203 = La différence entre les électeurs admis (D) et les votes émis (H) est de 2 % ou plus et de 15 ou plus.
rule-w204 = Le total des votes émis (H) est vide ou 0.
rule-v201 = Les bulletins valables par liste, les bulletins blancs et les bulletins nuls ne totalisent pas le nombre de bulletins dans l'urne.
rule-v401 = Une liste a plus de bulletins avec uniquement un vote en case de tête que de bulletins valables.
rule-v402 = Un candidat a plus de votes de préférence que la liste n'a de bulletins avec des votes de préférence.
rule-v403 = Les votes de préférence d'une liste sont moins nombreux que ses bulletins avec des votes de préférence : chacun de ces bulletins en compte au moins un.
rule-v404 = Une liste a des bulletins avec des votes de préférence mais aucun vote de préférence, ou des votes de préférence sans bulletins.

## Committee sessions and investigations
committee-no-location = La séance n'a pas de lieu.
committee-no-members = Aucun membre présent du bureau n'est nommé.
committee-member = Le membre « { $name } » est vide ou nommé deux fois.
committee-session-closed = La séance { $session } est close : ce qui y a été consigné ne change plus.
committee-session-open = La séance { $session } est encore ouverte ; clôturez-la d'abord (en établissant ses documents).
committee-investigated-already = Le bureau de vote { $station } fait déjà l'objet d'une enquête dans cette séance.
committee-no-investigation = Le bureau de vote { $station } n'a pas d'enquête en cours dans cette séance.
committee-empty-reason = Indiquez le motif de l'enquête.
committee-empty-findings = Indiquez les constatations de l'enquête.
committee-unconcluded = L'enquête du bureau de vote { $stations } n'est pas encore terminée.
committee-cause-unexplained-difference = écart inexpliqué entre électeurs admis et bulletins comptés
committee-cause-other-reason = autre motif

## Counting method
committee-counting-central = dépouillement central (le bureau électoral communal compte les voix par candidat)
committee-counting-decentralised = dépouillement décentralisé (les bureaux de vote comptent les voix par candidat)

## Imported first entries
entry-imported-not-sent-back = La saisie issue de { $file } ne peut pas être renvoyée : le fichier est ce qu'il est. Conservez-la, ou rejetez les deux (un fichier corrigé vient de la commune).

## Municipality as reporting unit
station-kind-municipality = commune (unité du bureau central)

## Empty count fields
field-empty = { $label } est vide : saisissez le nombre, même s'il vaut 0.
