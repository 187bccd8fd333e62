# The public results site, the publication snapshot and the independent check of a feed (crate
# publish).

## The site

site-languages = Langue
site-skip = Aller au contenu
site-feed = Résultats sous forme de données
site-results = Résultats
site-all-results = Tous les résultats
site-progress = Avancement
site-municipalities-in = Communes reçues
site-stations-in = Bureaux de vote dépouillés
site-municipalities = Communes
site-municipality = Commune
site-province = Province
site-provinces = Provinces
site-district = Circonscription électorale provinciale
site-districts = Circonscriptions électorales provinciales
site-status = État
site-turnout = Participation
site-largest = Premier parti
site-eligible = Électeurs inscrits
site-admitted = Électeurs admis
site-valid = Votes valables
site-blank = Blancs
site-invalid = Nuls
site-stations-counted = Bureaux de vote
site-seats-heading = Répartition des sièges
site-votes-and-seats = Voix et sièges par liste
site-list = Liste
site-votes = Voix
site-votes-lower = voix
site-seats = Sièges
site-elected = Candidats élus
site-by-preference = par voix de préférence
site-source = Origine
site-package = Le paquet de résultats signé de la commune
site-awaited = Le résultat n'est pas encore arrivé.
site-status-in = reçu
site-status-awaited = pas encore reçu
site-status-problem = reçu, pas encore de résultat
site-party = Parti
site-parties-caption = Voix et sièges par parti, additionnés sur les communes reçues
site-version-label = Version
site-reload = Actualiser
site-footer = Tous les chiffres sous forme de données, signés par l'autorité centrale :
site-verify-hint = Chacun peut les vérifier avec
site-key = Clé
site-per-contest = Par district électoral
site-part-of-whole = { $part } sur { $whole }
site-hemicycle-title = Répartition des sièges — { $election }
site-source-sentence = Paquet de résultats de { $office } (version { $version }), reçu le { $received }, empreinte { $package }.{ $newer ->
        [0] {""}
       *[other] {" "}Une version plus récente a été reçue et est en cours d'examen.
    }
site-deceased = { $name } (liste { $list }, n° { $position }) est décédé(e) et n'est pas élu(e) ; les voix restent à la liste (Kieswet P 19a).
site-lots-drawn = { $count ->
        [one] Un tirage au sort a départagé une égalité dans la répartition ; le résultat figure au procès-verbal.
       *[other] { $count } tirages au sort ont départagé des égalités dans la répartition ; les résultats figurent au procès-verbal.
    }

## Why a received package makes no result

publish-missing-election = le paquet ne contient pas de définition de l'élection ({ $file })
publish-no-count = le paquet ne contient pas de dépouillement : ni EML 510b ni fichier de résultats uitslag_<id>.json
publish-uncounted = le paquet ne contient pas de dépouillement pour la circonscription { $contest }
publish-lot-pending = la répartition des sièges exige un tirage au sort ({ $lot }) que le paquet n'enregistre pas
publish-unused-lot = { $file } : le tirage { $lot } ne départage aucune égalité de ce dépouillement
publish-definition-not-signed = la définition de l'élection dans le paquet (SHA-256 { $found }) n'est pas celle que la cérémonie a signée ({ $signed })
publish-definition-other-election = la définition dans le paquet est celle de { $election }
publish-snapshot-bad-signature = la signature ne correspond pas à la clé de l'autorité centrale { $key }
publish-snapshot-unreadable = pas un instantané de publication : { $detail }
publish-snapshot-not-canonical = l'instantané n'est pas sous sa forme canonique

## The check of a feed (urna verify)

verify-missing = { $file } : manquant
verify-missing-or-unreadable = { $file } : manquant ou illisible
verify-not-utf8 = { $file } : pas du texte UTF-8
verify-not-a-public-key = { $file } : pas une clé publique
verify-central-key-unexpected = { $file } : l'empreinte de la clé est { $found }, pas celle attendue { $expected }
verify-central-key-expected = la clé de l'autorité centrale est celle attendue : { $key }
verify-central-key-compare = la clé de l'autorité centrale (comparez avec l'empreinte publiée) : { $key }
verify-snapshot-refused = { $file } : { $reason }
verify-wrong-version = { $file } : se dit version { $version }
verify-broken-chain = { $file } : désigne { $named } comme version précédente, mais c'est { $previous }
verify-no-snapshot = { $file } : manquant : le flux ne contient aucun instantané
verify-not-latest = { $file } : n'est pas la dernière version ({ $latest })
verify-versions-chained = { $versions } versions de l'instantané, chacune signée par l'autorité centrale et chaînée à la précédente
verify-numbers-equal = version { $version } : chaque chiffre recalculé à partir des paquets est égal au chiffre publié ({ $elections } élections, { $districts } circonscriptions, { $provinces } provinces)
verify-in-election = { $election } : { $finding }
verify-registration-differs = { $file } diffère de l'enregistrement dans l'instantané
verify-authority-unexpected = la clé d'autorité { $key } de la cérémonie n'est pas l'une des clés attendues
verify-record-refused = { $file } : { $reason }
verify-record-other-election = le procès-verbal de cérémonie concerne l'élection { $found }
verify-station-count-differs = enregistré avec { $registered } bureaux de vote, la cérémonie a créé des paquets pour { $packages }
verify-record-no-office = le procès-verbal de cérémonie ne connaît pas de bureau { $office }
verify-offices-no-key = { $file } n'a pas de clé pour { $office }
verify-office-key-differs = la clé de { $office } dans { $file } n'est pas celle que nomme le procès-verbal signé
verify-manifest-not-recorded = { $file } : n'est pas le manifeste du paquet que nomme le procès-verbal signé
verify-definition-differs = l'enregistrement nomme la définition { $registered }, le paquet de cérémonie { $package }
verify-election-keys = { $election } : procès-verbal signé par l'autorité { $authority } ; clé de { $office } : { $key } ; définition de l'élection { $definition }
verify-result-package-refused = { $election } : paquet de résultats : { $reason }
verify-sent-by-other = le paquet de résultats a été envoyé par { $sender }, pas par { $office }
verify-other-package = l'instantané nomme le paquet { $named }, le flux contient { $found }
verify-result-package-intact = { $election } : paquet de résultats { $package } signé par { $office } ({ $files } fichiers intacts)
verify-list = liste { $number } ({ $name })
verify-candidate = candidat { $position } ({ $name })
verify-missing-from-published = { $path } : absent de l'instantané publié
verify-count-differs = { $path } : { $published } publiés, { $computed } recalculés à partir des paquets
verify-value-differs = { $path } : publié { $published }, recalculé à partir des paquets { $computed }

## Every published file against the signed file list

verify-file-removed = { $file } : dans la liste signée des fichiers, mais absent
verify-file-added = { $file } : absent de la liste signée des fichiers (ajouté après l'export)
verify-file-changed = { $file } : diffère de la liste signée des fichiers (modifié après l'export)
verify-files-other-snapshot = { $file } : appartient à la version { $version }, pas au snapshot.json présent ici
verify-files-intact = { $files } fichiers, chacun tel que la liste signée le nomme

## Partial results
publish-partial = résultat partiel : { $counted } bureaux de vote sur { $expected } dépouillés ; un résultat partiel n'est jamais publié comme le résultat

## Committee record
publish-committee = { $file } : le registre des séances ne correspond pas au résultat : { $detail }

## The committee's work on the site
site-committee = Séances, enquêtes et corrections
site-committee-session = Séance { $session } du bureau électoral communal : { $started }, { $place }.
site-committee-session-unrecorded = Séance { $session } du bureau électoral communal.
site-committee-investigation = Bureau { $station } examiné lors de la séance { $session } ({ $cause }{ $requested }). Électeurs admis établis à nouveau : { $admitted } ; bulletins recomptés : { $recounted } ; résultat corrigé : { $corrected }.
site-committee-other-reason = autre motif
site-committee-unexplained-difference = écart inexpliqué
site-committee-requested = , à la demande du bureau central
site-committee-correction = Le résultat du bureau { $station } a été corrigé lors de la séance { $session } ; le rectificatif (Na 14-2) est dans le paquet.
site-yes = oui
site-no = non

## verify: the committee
verify-committee = { $election } : { $sessions } séances, { $investigations } enquêtes et { $corrections } corrections du bureau communal dérivées à nouveau du paquet et vérifiées contre les indicateurs du 510b ; chaque correction nomme sa séance

## Seats the law moved
site-seat-shift-majority = La liste { $list } a obtenu plus de la moitié des voix mais pas plus de la moitié des sièges ; un siège est donc passé de la liste { $from } à la liste { $list } ({ $article }).
site-seat-shift-exhausted = La liste { $list } avait moins de candidats que de sièges ; { $seats } siège(s) sont donc passés à d'autres listes ({ $article }).
