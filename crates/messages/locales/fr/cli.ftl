# The command line (urna …).

cli-result-totals = { $name } : { $admitted } électeurs admis, { $valid } voix pour des candidats, { $blank } blancs, { $invalid } nuls, { $stations } bureaux de vote
cli-result-list = Liste { $number } { $name } : { $votes } voix, { $seats } { $seats ->
        [one] siège
       *[other] sièges
    }
cli-result-imported = { $count } bureaux de vote importés de { $file } (empreinte { $hash })
cli-result-empty-forms = { $count } procès-verbaux vierges N 10-2 dans { $dir }
cli-result-file-written = { $hash }  { $path }  (créé le { $at })
cli-result-in-package = Dans le paquet :
cli-result-lot-needed =
    Un tirage au sort est d'abord nécessaire ({ $article }) : { $description }
    {"  "}entre { $options } ; enregistrez le résultat avec : urna result lot { $election } --lot { $lot } --order { $order }
cli-central-passphrase = Phrase secrète de l'autorité centrale :{" "}
cli-central-whose-passphrase = l'autorité centrale
cli-central-keys-made =
    clé de scellement : { $transmission }
    clé des accusés de réception : { $receipts }
    clé de publication : { $publication }
    autorité de certification du serveur de réception ({ $names }) : { $authority }
cli-central-refused = { $file } : REFUSÉ — { $reason }
cli-central-status-accepted = reçu
cli-central-status-already-received = déjà reçu (le même accusé de réception)
cli-central-status-new-version = NOUVELLE VERSION, à examiner ; la précédente reste
cli-central-serving =
    autorité de certification (à comparer sur la machine émettrice) : { $fingerprint }
    élections : { $elections }
cli-central-files-only = { $election } : pas de certificats de la cérémonie : seuls des fichiers peuvent être reçus
cli-office-password = Mot de passe du bureau ({ $login }) :{" "}
cli-central-no-certificate = { $package } : pas de { $file }
cli-central-receipt-does-not-verify = { $file } : l'accusé de réception ne se vérifie pas avec la clé de l'autorité centrale ou ne concerne pas ce fichier
cli-central-receipt-invalid = { $file } : NON VALABLE : la signature ne correspond pas à la clé de l'autorité centrale
cli-central-receipt-other-file = { $file } : l'accusé de réception concerne un autre fichier
cli-central-receipt-valid = { $file } : valable : { $election } { $office } v{ $version } ({ $status }), { $received }
cli-central-sealed = scellé pour l'autorité centrale : { $file } (empreinte { $hash })
cli-publish-registered = enregistrée : { $election } ({ $municipality }, province : { $province } ; { $stations } bureaux de vote)
cli-publish-new-version = nouvelle version { $version } ({ $municipalities_in }/{ $municipalities_expected } communes reçues)
cli-publish-nothing-new = rien de nouveau : la dernière version reste
cli-publish-site-written = site et flux : { $dir } ({ $files } fichiers)
cli-publish-empty = { $dir } : vide
cli-publish-serving = site des résultats sur http://{ $address }/ ({ $files } fichiers, version { $version })
cli-verify-ok = ok :
cli-verify-discrepancy = ÉCART :
cli-verify-sound = Le flux est sain : chaque signature et chaque chiffre.
cli-verify-discrepancies = { $count } écarts trouvés.

## Users, the audit log, files

cli-error = Erreur : { $error }
cli-cannot-read-file = Impossible de lire le fichier : { $file }
cli-user-unknown-role = rôle inconnu « { $role } » (administrator, coordinator ou typist)
cli-user-invalid-username = un nom d'utilisateur compte de 1 à 64 lettres, chiffres, points, traits d'union ou tirets bas
cli-user-created = Utilisateur créé : { $login } ({ $role })
cli-user-temporary-password = Mot de passe temporaire : { $password }
    Remettez-le en personne ; il doit être remplacé à la première connexion.
cli-audit-intact = Journal d'audit intact : { $entries } entrées
cli-audit-head = Empreinte de la dernière entrée (les procès-verbaux d'Urna portent celle de leur moment en pied de page) : { $hash }
cli-audit-broken-at = Journal d'audit ROMPU à l'entrée { $entry } : { $problem }
cli-audit-broken = Journal d'audit ROMPU : { $problem }
cli-booth-two-sticks = indiquez exactement deux clés USB (--stick A --stick B)

## Confirming a file's hash code

cli-hash-invalid = { $option } n'est pas une empreinte valable : { $reason }
cli-hash-differs = Import refusé : l'empreinte de { $file } ({ $what }) diffère de l'empreinte officielle :
    {"  "}fichier :  { $found }
    {"  "}officielle : { $official }
cli-hash-not-given = Aucune empreinte officielle indiquée pour { $file } ({ $what }). Passez { $option }, ou lancez l'import dans un terminal pour saisir deux groupes.
cli-hash-compare = Empreinte de { $file } ({ $what }) :
      { $masked }
    Comparez avec l'empreinte officielle et saisissez les deux groupes manquants.
cli-hash-group = Groupe { $group } :{" "}
cli-hash-no-answer = aucune réponse à la question sur l'empreinte
cli-hash-wrong-group = Import refusé : le groupe { $group } de l'empreinte de { $file } ({ $what }) ne correspond pas à la saisie : « { $typed } »
cli-hash-refused = Import refusé : { $reason }
cli-hash-confirmed = Empreinte confirmée.

## Elections

cli-election-flemish-no-extra-files = Un fichier de définition flamand contient lui-même ses listes et ses bureaux de vote : ne passez pas --candidates ni --polling-stations.
cli-election-needs-candidates = Une définition d'élection EML (110a) se charge avec ses listes de candidats : passez --candidates (EML 230b).
cli-election-loaded = Chargée : { $name } ({ $election })
cli-election-size = { $seats } sièges, { $lists } listes, { $candidates } candidats, { $stations } bureaux de vote
cli-election-audit-entry = Journal d'audit : entrée { $entry } (empreinte { $hash })
cli-election-none = Aucune élection chargée.
cli-election-column-date = date
cli-election-column-seats = sièges
cli-election-column-lists = listes
cli-election-column-candidates = candidats
cli-election-column-stations = bureaux
cli-election-column-name = nom
cli-election-not-loaded = L'élection { $election } n'est pas chargée (voir urna election list)
cli-election-body = Organe :
cli-election-area = Territoire :
cli-election-day = Jour de l'élection :
cli-election-nomination-day = Dépôt des candidatures :
cli-election-seats = Sièges :
cli-election-preference-threshold = Seuil de préférence :
cli-election-percent-of-quota = { $percent } % du diviseur électoral
cli-election-law = Loi électorale :
cli-election-imported = Chargée :
cli-election-imported-at-by = { $at } par { $by }
cli-election-files = Fichiers et empreintes :
cli-election-file = { $name } ({ $bytes } octets)
cli-election-district = Circonscription/district { $name }
cli-election-lists = Listes
cli-election-n-seats = { $seats } sièges
cli-election-list-without-name = (sans dénomination)
cli-election-list = Liste { $number }  { $name } — { $candidates } candidats
cli-election-stations = Bureaux de vote ({ $count }) :
cli-election-n-voters = { $voters } électeurs
cli-election-no-stations-yet = (aucun pour l'instant : chargez-les avec --polling-stations, EML 110b)

## The polling-station kiosk (urna booth run)

cli-booth-not-a-choice-again = Choix non valable, réessayez.
cli-booth-not-a-choice = Choix non valable.
cli-booth-invalid-choice = Choix non valable : { $reason }
cli-booth-president-named = Ordinateur du président — bureau de vote { $station } ({ $name })
cli-booth-president = Ordinateur du président — bureau de vote { $station }
cli-booth-package-fingerprint = { $election }
    {"  "}Empreinte du paquet : { $fingerprint }
    {"  "}Comparez avec votre feuille d'identifiants.
cli-booth-login = Identifiant ({ $election }) :{" "}
cli-booth-unknown-login = identifiant inconnu pour { $election }
cli-booth-password = Mot de passe :{" "}
cli-booth-resuming = Reprise du scrutin sur ces clés USB.
cli-booth-opened = Le scrutin est ouvert.
cli-booth-closed-already = Le scrutin est déjà clôturé.
cli-booth-enrolled = Ordinateur de vote { $number } inscrit, clé { $key }
cli-booth-menu-activate = Activer une carte d'électeur
cli-booth-menu-progress = Avancement
cli-booth-menu-close = Clôturer le scrutin
cli-booth-menu-pause = Pause
cli-booth-printed = Votre bulletin est imprimé. Faites scanner son code par l'urne.
cli-booth-recorded = Urne : bulletin enregistré ({ $ballots } dans l'urne).
cli-booth-scan-refused = Urne : REFUSÉ : { $reason }
cli-booth-progress = Cartes d'électeur : { $cards } ; bulletins dans l'urne : { $ballots }
cli-booth-close-sure = Clôturer ? 1 = oui, 2 = non :{" "}
cli-booth-paused = Le scrutin est en pause ; relancez pour reprendre.
cli-booth-choose-elections = Élections de cet électeur (numéros, Entrée = toutes) :{" "}
cli-booth-voting-computer = Ordinateur de vote — { $election }
cli-booth-vote-blank = Voter blanc
cli-booth-list = Liste :{" "}
cli-booth-list-heading = Liste { $list } : { $name }
cli-booth-candidates = Candidats (numéros séparés par des espaces), ou Entrée pour un vote de liste :{" "}
cli-booth-check-vote = Vérifiez votre vote
cli-booth-confirm = 1 = confirmer et imprimer, 2 = choisir à nouveau :{" "}
cli-booth-closed-election = { $election } : { $ballots } bulletins, { $cards } cartes ; procès-verbal : { $report }
cli-booth-closed = Le scrutin est clôturé ; les résultats sont signés sur les deux clés USB.

## Counting the sticks (urna count)

cli-count-station = bureau de vote { $station } : { $ballots } bulletins  ({ $sticks })
cli-count-not-totalled = PAS TOTALISÉ : résolvez d'abord :
cli-count-contest-totals = { $ballots } bulletins, { $valid } valables, { $blank } blancs
cli-count-lot-needed = Un tirage au sort est nécessaire ; la répartition n'est pas terminée.
cli-count-list = liste { $number } { $name } { $votes } voix  { $seats ->
        [one] { $seats } siège{" "}
       *[other] { $seats } sièges
    }
cli-count-partial = ATTENTION : résultat partiel, { $counted } bureaux de vote sur { $expected } dépouillés : ce n'est pas le résultat de l'élection et il n'est jamais publié comme tel
cli-count-report = procès-verbal : { $report } (avec { $result })
cli-count-no-such-contest = la circonscription { $contest } ne fait pas partie de l'élection
cli-count-decrypted = Bureau de vote { $station } : { $votes } votes déchiffrés ; { $tallies ->
        [1] ils concordent avec le résultat signé
       *[0] ils DIFFÈRENT du résultat signé
    }
cli-count-rescanned = { $ballots } bulletins papier scannés à nouveau : { $tallies ->
        [1] ils concordent avec le résultat signé
       *[0] ils DIFFÈRENT
    }

## The key ceremony (urna ceremony)

cli-ceremony-no-keys = aucune clé dans ce dossier de cérémonie (d'abord : urna ceremony keys)
cli-ceremony-record-refused = { $file } : le procès-verbal de cérémonie est refusé : { $reason }
cli-ceremony-authority-passphrase = Phrase secrète de l'autorité électorale :{" "}
cli-ceremony-authority-does-not-open = { $file } : la clé de l'autorité électorale ne s'ouvre pas
cli-ceremony-authority-other-key = { $file } : ne correspond pas à authority.pub
cli-ceremony-new-passphrase = Nouvelle phrase secrète pour { $whose } (au moins { $minimum } caractères) :{" "}
cli-ceremony-passphrase-too-short = La phrase secrète pour { $whose } doit compter au moins { $minimum } caractères
cli-ceremony-passphrase-again = Encore une fois :{" "}
cli-ceremony-passphrases-differ = Les deux phrases secrètes diffèrent ; rien n'a été créé.
cli-ceremony-keys-exist = { $folder } : ce dossier de cérémonie contient déjà des clés ; commencez une nouvelle cérémonie dans un dossier vide
cli-ceremony-holder-names = Chaque détenteur de clé a besoin d'un nom propre, non vide : « { $holder } »
cli-ceremony-threshold = Choisissez 2 ≤ k ≤ n : au moins deux détenteurs nécessaires pour reconstituer la clé de l'élection (k = { $k }, n = { $n })
cli-ceremony-the-authority = l'autorité électorale
cli-ceremony-keys-made = Clés créées pour { $election } :
cli-ceremony-authority-key = clé de l'autorité électorale :
cli-ceremony-election-key = clé de l'élection (publique) :
cli-ceremony-split = partagée : { $k } détenteurs sur { $n } nécessaires pour déchiffrer :
cli-ceremony-unknown-election = Élection inconnue : { $election }
cli-ceremony-other-election = { $folder } : cette cérémonie concerne l'élection { $election }
cli-ceremony-sheets-exist = { $file } : existe déjà ; les identifiants ne vont que dans un nouveau fichier
cli-ceremony-exists = { $file } : existe déjà
cli-ceremony-packages-made = { $packages } paquets créés ({ $bytes } octets), empreintes :
cli-ceremony-sheets = Feuilles d'identifiants : { $file } — imprimez-les et supprimez le fichier : les mots de passe ne figurent nulle part ailleurs
cli-ceremony-package-not-intact = { $file } : le paquet n'est pas intact ; rien n'a été copié
cli-ceremony-copies = Paquet { $office } ({ $fingerprint }), copies :
cli-ceremony-copy-identical = écrit, relu, identique
cli-ceremony-copy-differs = DIFFÈRE : { $files }
cli-ceremony-intact = INTACT
cli-ceremony-refused = REFUSÉ
cli-ceremony-label-election = élection :
cli-ceremony-label-for = pour :
cli-ceremony-label-fingerprint = empreinte :
cli-ceremony-too-few-holders = Il faut { $k } détenteurs pour reconstituer la clé de l'élection ; indiqués : { $given }
cli-ceremony-no-share = Aucune part de « { $holder } » dans { $folder }
cli-ceremony-holder-passphrase = Phrase secrète de { $holder } :{" "}
cli-ceremony-share-other-key = { $file } : cette part appartient à une autre clé d'élection
cli-ceremony-shares-restore = { $shares } parts reconstituent la clé de l'élection : { $fingerprint }
cli-ceremony-record = Procès-verbal de cérémonie { $name } ({ $election }), signé avec { $key }

## The polling-station app (urna station-app)

cli-file-missing = { $file } manque
cli-file-missing-or-unreadable = { $file } manque ou est illisible
cli-station-app-nothing-taken = Rien n'a été repris.
cli-station-app-logins = { $stations } bureaux de vote se connectent à l'application du bureau de vote avec la feuille d'identifiants de la cérémonie : { $name } ({ $election })
cli-station-app-served = application du bureau de vote (HTTPS) sur { $url }
    {"  "}empreinte de l'autorité de certification : { $fingerprint }
cli-station-app-turnout-reported = Le président du bureau de vote { $station } ({ $login }) se connecte avec la feuille d'identifiants et transmet la participation
    {"  "}électeurs admis : { $admitted }
cli-station-app-turnout-published = Le coordinateur publie la participation ; à { $moment } : { $reported } bureaux de vote sur { $stations } ont transmis, { $admitted } électeurs admis
    {"  "}{ $json }, { $csv }
cli-station-app-count-helper = Aide au dépouillement : { $taps } touches, une touche annulée, un bulletin manqué (H { $total } ; dépouillement définitif H { $definitive })
cli-station-app-differences = Le coordinateur voit la différence avec le dépouillement définitif : { $differences }
cli-station-app-difference = { $field } appli { $app } / dépouillement { $definitive }

## The web application (urna serve)

cli-serve-cannot-listen = impossible d'écouter sur { $address }
cli-serve-results-entry = saisie des résultats sur { $url } (base de données : { $database })
cli-serve-no-users = aucun utilisateur pour l'instant : ouvrez la page pour créer l'administrateur
cli-serve-development-mode = MODE DÉVELOPPEMENT : le contrôle de connexion à internet est désactivé
cli-serve-station-app = application du bureau de vote (HTTPS uniquement) sur { $url }
cli-serve-station-app-fingerprint = empreinte (SHA-256) de l'autorité de certification de l'application : { $fingerprint }
cli-serve-not-a-moment = --turnout-moments : « { $text } » n'est pas une heure (HH:MM)
cli-serve-new-authority = nouvelle autorité de certification pour l'application du bureau de vote créée dans { $folder }

## The demo's results entry

cli-demo-users = Utilisateurs : { $users }
cli-demo-entries-differ = Bureau de vote { $station } : la deuxième saisie diffère de la première pour { $fields }
cli-demo-sent-back = Le coordinateur compare avec le procès-verbal papier et renvoie la deuxième saisie ; invoerder2 la corrige.
cli-demo-definitive = { $definitive } / { $stations } bureaux de vote définitifs, chacun saisi deux fois par deux encodeurs différents.
cli-demo-running-totals = Totaux provisoires : { $admitted } électeurs admis, { $candidates } voix pour des candidats, { $blank } blancs, { $invalid } nuls
cli-demo-list-equal = Liste { $number } { $name } : { $votes } (égal à la somme des procès-verbaux saisis, comme toute autre liste)

## The audit log against the hash code on paper
cli-audit-paper-head-found = L'empreinte sur papier est l'entrée { $entry } du journal d'audit ({ $at }) : le journal contient tout jusqu'à cette entrée, sans modification.
cli-audit-paper-head-missing = AUCUNE entrée du journal d'audit n'a l'empreinte sur papier ({ $hash }) : le journal a été tronqué ou reconstruit après l'établissement de ce document.

## Which software this is
cli-version-commit = code source (commit) : { $commit }
cli-version-built = compilé : { $built }
cli-version-hash = empreinte de ce programme (SHA-256) : { $hash }

## urna committee
cli-yes = oui
cli-no = non
cli-committee-start = « { $start } » n'est pas une date et une heure ; écrivez par exemple 2026-03-25 10:00.
cli-committee-open = ouverte
cli-committee-closed = close
cli-committee-session = Séance { $session } ({ $state }) : { $start }, { $place } ; présents : { $members }
cli-committee-session-unrecorded = Séance { $session } ({ $state }) : date, lieu et membres non consignés
cli-committee-investigation = Enquête du bureau { $station } (séance { $session }) : { $cause } — { $reason } ; à la demande du bureau central : { $requested }
cli-committee-concluded = clôturée : { $findings } Électeurs admis établis à nouveau : { $admitted } ; recompté : { $recounted } ; résultat corrigé : { $corrected }
cli-committee-not-concluded = pas encore clôturée
cli-committee-replaced = Résultat du bureau { $station } remplacé lors de la séance { $session } : { $reason } (par { $by }, { $at }) ; le résultat remplacé est conservé
cli-committee-type-again = Le bureau { $station } est à nouveau saisi deux fois, par deux personnes différentes (urna serve).

## urna committee counting
cli-committee-counting = Dépouillement : { $method }
cli-committee-counting-unknown = « { $method } » n'est pas un mode de dépouillement ; choisissez central ou decentralised.

## urna result import-municipality
cli-result-municipality-imported = { $municipality } ({ $code }) reprise comme première saisie de l'unité { $unit } depuis { $file } (empreinte { $hash }) ; saisissez maintenant les totaux du procès-verbal papier comme seconde saisie (urna serve).

## publish serve: the software
cli-publish-software = Programme Urna { $version } (source { $commit }), empreinte { $hash }

## Backups
cli-backup-line = { $path } ({ $size } octets), journal d'audit jusqu'à l'entrée { $entry } : { $hash }, vérifié
cli-backup-made = Copie de sauvegarde faite et vérifiée (intégrité et journal d'audit) :
cli-backup-none = Aucune copie de sauvegarde dans { $dir }.
cli-backup-refused = { $path } : PAS une copie utilisable : { $error }
cli-backup-failed = la sauvegarde a échoué, nouvel essai au prochain changement : { $error }
cli-restore-done = Base restaurée à partir de la copie vérifiée (consigné dans le journal d'audit) :
cli-restore-kept = La base remplacée est conservée sous { $path }.
cli-serve-backups = copies de sauvegarde après chaque changement dans { $dir }

## serve over HTTPS
cli-serve-plain-not-loopback = HTTP en clair uniquement sur une adresse de bouclage (127.0.0.1, ::1), pas sur { $address } : mots de passe et résultats ne circulent pas en clair sur le réseau. Omettez --plain-http pour HTTPS.
cli-serve-entry-fingerprint = empreinte de l'autorité de certification de la saisie des résultats (à reporter sur la feuille du coordinateur ; les opérateurs la comparent dans leur navigateur) : { $fingerprint }

## serve over HTTPS: the authority
cli-serve-new-entry-authority = nouvelle autorité de certification pour la saisie des résultats créée dans { $folder } (installez ca.pem dans les navigateurs des opérateurs)

## The connection sheet
cli-serve-connection-sheet = fiche de connexion pour les encodeurs (adresse et empreinte, à imprimer) : { $file }

## Stopped at a question
cli-interrupted = Interrompu par Ctrl-C à une question ; le terminal est rétabli.

## A mistyped command line
cli-args-unknown = option ou argument inconnu { $argument }
cli-args-unknown-command = commande inconnue { $command }
cli-args-missing = obligatoire mais absent : { $argument }
cli-args-missing-command = indiquez une commande
cli-args-invalid-value = { $value } n'est pas une valeur valable pour { $argument }
cli-args-conflict = { $argument } ne peut pas être utilisé avec { $other }
cli-args-values = nombre de valeurs incorrect pour { $argument }
cli-args-no-equals = { $argument } demande un = avec sa valeur
cli-args-see-help = Voir urna --help (ou urna COMMANDE --help).
