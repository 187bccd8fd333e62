# The narrative of `urna demo`: the whole chain, step by step, on real elections.

demo-step-assen = Chargement de l'élection du conseil communal d'Assen 2026 : les vraies listes de candidats (EML 230b) du Conseil électoral néerlandais, avec une définition de l'élection (110a, 35 sièges comme dans le résultat publié) et des bureaux de vote (110b) composés par Urna, marqués « composed » (voir fixtures/README.md). Les empreintes sont vérifiées comme le fait un script (--definition-hash, --candidates-hash) : celles du Conseil électoral pour les listes, celles consignées pour les fichiers composés.
demo-step-refused = Un fichier dont l'empreinte diffère de l'empreinte officielle est refusé, et la base de données reste telle qu'elle était :
demo-step-lindeveld = Chargement d'une élection communale flamande (Lindeveld 2024, une commune fictive au format de définition flamand) :
demo-step-ceremony = Cérémonie des clés dans la zone sécurisée (pratique flamande), pour Lindeveld : la clé de l'autorité électorale, la clé de l'élection partagée entre trois détenteurs (deux nécessaires), un paquet signé et une feuille d'identifiants par bureau de vote, trois clés USB du bureau de vote 1 (images FAT32), vérifiées. Phrases secrètes DEMO : autorité demo-autoriteit-wachtwoordzin, détenteurs demo-an-/demo-bram-/demo-chloe-wachtwoordzin.
demo-step-voting = Voter en Flandre, au kiosque (urna booth run) : dans les bureaux de vote 1, 2 et 3 de Lindeveld, les présidents se connectent avec leur feuille d'identifiants, les électeurs votent sur l'ordinateur de vote (au clavier, avec une erreur et un second choix), le bulletin est imprimé (PNG et PDF) et scanné par l'urne ; clôture ; puis le bureau principal lit les six clés USB (urna count import-sticks), répartit les sièges, scelle le résultat pour l'autorité centrale, qui le reçoit et remet un accusé de réception signé (urna central ; phrase secrète DEMO demo-centrale-wachtwoordzin), et recompte le bureau de vote 1 avec deux des trois parts de clé et les bulletins papier :
demo-step-entry = Saisie des résultats : les procès-verbaux de tous les bureaux de vote d'Assen (le dépouillement publié, EML 510b) sont saisis deux fois, par deux encodeurs différents, via le même service que l'application web (urna serve) :
demo-entry-seats = Sièges et candidats élus à partir de ces dépouillements définitifs (Kieswet chapitre P ; 35 sièges, égaux au résultat publié du 18 mars 2026, voir fixtures/results/nl/nl-gr2026-assen-published.json) :
demo-entry-eml = Le résultat en EML : le dépouillement (510b) et le tableau OSV4-3, le total (510d) et les élus (520) ; créé une fois et conservé, chaque téléchargement est identique :
demo-entry-reports = Les procès-verbaux en PDF (Na 31-2 avec Bijlage 1, P 22-2 ; en pied de page l'empreinte du fichier EML) et les procès-verbaux vierges N 10-2 de tous les bureaux de vote :
demo-entry-to-centre = Le résultat d'Assen vers l'autorité centrale et dans la publication : une cérémonie des clés pour Assen (feuilles d'identifiants par bureau de vote et pour le bureau principal, chacune avec un certificat client pour le serveur de réception), le président du bureau de vote 1 utilise avec sa feuille l'application du bureau de vote (participation et aide au dépouillement, en HTTPS), le bureau principal scelle le résultat (urna result seal), l'autorité centrale enregistre l'élection et la reçoit via TLS (urna central serve), le bureau principal l'envoie avec son certificat (urna central send), et la publication passe à la version 2 avec Lindeveld et Assen :
demo-step-apportionment = Sièges et candidats élus selon la Kieswet chapitre P, sur le vrai résultat de Reusel-De Mierden 2022 (où l'article P 9, majorité absolue, déplace un siège) :
demo-title = Démo Urna — préparer une élection comme le fait une commune
    Dossier : { $folder }
demo-inputs-written = Fichiers d'entrée écrits dans { $folder }
demo-hash-on-terminal = Dans un terminal, l'agent voit l'empreinte avec deux groupes masqués et les recopie depuis la publication officielle :
demo-step-loaded = Élections chargées :
demo-step-audit = Vérification du journal d'audit :
demo-every-step = Toutes les étapes : { $file }
demo-intake-serving = { $url } (autorité de certification : { $fingerprint })
demo-folder-not-a-demo = { $folder } existe et n'est pas un dossier de démo Urna ; choisissez un autre dossier avec --dir
demo-folder-earlier-demo = { $folder } contient une démo précédente ; remplacez-la avec --force
demo-round-name = Élections locales 2024 (démo, commune fictive de Lindeveld)
demo-open-site = Ouvrez le site des résultats : { $file }
demo-done = Terminé. Tout se trouve dans { $folder }:
    {"   "}urna-data/urna.sqlite   la base de données (SQLite)
    {"   "}invoer/                 les fichiers chargés
    {"   "}uitslag/                le résultat d'Assen : EML 510b, 510d, 520, OSV4-3 (CSV), procès-verbaux (PDF)
    {"   "}ceremonie/              la cérémonie des clés de Lindeveld : clés, paquets, images USB, feuilles d'identifiants (PDF), procès-verbal signé
    {"   "}centraal/               l'autorité centrale : ses clés et le résultat reçu du bureau principal, par version
    {"   "}publicatie/             le site des résultats et le flux pour les médias (signés ; urna publish serve, urna verify)
    {"   "}zetelverdeling/         la répartition des sièges, étape par étape (texte et JSON)
    {""}
    Consultez le résultat :
    {"   "}urna --data-dir { $data } election show GR2026_Assen
    {"   "}urna --data-dir { $data } audit show
    {"   "}urna --data-dir { $data } result show GR2026_Assen
    {"   "}urna ceremony verify { $stick } --authority-key { $authority }
    {"   "}urna apportion --input { $input }
    {"   "}urna --data-dir { $data } serve --listen 127.0.0.1:8080 --app-listen 127.0.0.1:8443   (connexion en tant que invoerder1 / demo-wachtwoord-1, coordinator / demo-wachtwoord-3; l'application du bureau de vote sur https://127.0.0.1:8443/stembureau/ avec une feuille de ceremonie-assen/inloggegevens-DEMO.pdf)

## Second session of the committee
demo-entry-miscounted = Lors de la première séance, la démo compte volontairement dix bulletins de la plus grande liste pour la liste suivante au bureau { $stations } (composé par la démo) ; le recomptage partiel de la deuxième séance rétablit le résultat publié.
demo-step-second-session = Deuxième séance du bureau électoral communal d'Assen : les bureaux que le vrai bureau a examinés (les indicateurs du 510b publié d'Assen) sont examinés, les deux bureaux recomptés en partie reçoivent un résultat corrigé (saisi deux fois), et la séance établit son rectificatif (Na 14-2 avec annexe 1), un nouveau 510b et à nouveau les sièges :
demo-session-location = Hôtel de ville d'Assen (lieu composé par la démo)
demo-session-chair = Président (démo)
demo-session-member = Membre { $number } (démo)
demo-session-opened = Séance { $session } ouverte, avec sa date, son lieu et les membres présents.
demo-investigation-reason = Raison composée par la démo : le vrai bureau a examiné ce bureau de vote (selon le 510b publié).
demo-investigation-findings = Constatations composées par la démo, conformes aux indicateurs du 510b publié.
demo-session-investigated = { $count } bureaux de vote examinés et clôturés ; résultat corrigé saisi deux fois pour le bureau { $recounted }.
demo-session-history = Le résultat antérieur de { $count } bureau(x) de vote reste dans l'historique de la base ; rien n'a été écrasé.

## Backup
demo-backup = Copie de sauvegarde vérifiée (intégrité et journal d'audit) dans { $path }, journal jusqu'à l'entrée { $entry } ; restaurer avec urna restore.
