# The narrative of `urna demo`: the whole chain, step by step, on real elections.

demo-step-assen = Gemeenteraad Assen 2026 laden: de echte kandidatenlijsten (EML 230b) van de Kiesraad, met een door Urna samengestelde verkiezingsdefinitie (110a, 35 zetels zoals de gepubliceerde uitslag) en stembureaulijst (110b), gemarkeerd als "composed" (zie fixtures/README.md). De hashcodes worden gecontroleerd zoals een script dat doet (--definition-hash, --candidates-hash): die van de Kiesraad voor de kandidatenlijsten, de vastgelegde voor de samengestelde bestanden.
demo-step-refused = Een bestand met een andere hashcode dan de officiële wordt geweigerd, en de database blijft zoals ze was:
demo-step-lindeveld = Een Vlaamse gemeenteraadsverkiezing laden (Lindeveld 2024, een fictieve gemeente in het Vlaamse definitieformaat):
demo-step-ceremony = Sleutelceremonie in de beveiligde zone (Vlaamse praktijk), voor Lindeveld: de sleutel van de verkiezingsautoriteit, de verkiezingssleutel gedeeld onder drie sleutelhouders (twee nodig), een ondertekend pakket en inlogblad per stembureau, drie USB-sticks van stembureau 1 (FAT32-images), gecontroleerd. DEMO-wachtwoordzinnen: autoriteit demo-autoriteit-wachtwoordzin, sleutelhouders demo-an-/demo-bram-/demo-chloe-wachtwoordzin.
demo-step-voting = Stemmen in Vlaanderen, in de kiosk (urna booth run): in stembureaus 1, 2 en 3 van Lindeveld melden de voorzitters zich aan met hun inlogblad, kiezers stemmen op de stemcomputer (met toetsen, een vergissing en een herkeuze), het stembiljet wordt afgedrukt (PNG en PDF) en door de stembus gescand; afsluiten; dan leest het hoofdbureau de zes sticks (urna count import-sticks), verdeelt de zetels, verzegelt de uitslag voor de centrale autoriteit, die hem inneemt en een ondertekend ontvangstbewijs geeft (urna central; DEMO-wachtwoordzin demo-centrale-wachtwoordzin), en hertelt stembureau 1 met twee van de drie sleuteldelen en de papieren stembiljetten:
demo-step-entry = Resultaten invoeren: de processen-verbaal van alle stembureaus van Assen (de gepubliceerde telling, EML 510b) worden tweemaal ingevoerd, door twee verschillende invoerders, via dezelfde dienst als de webapplicatie (urna serve):
demo-entry-seats = Zetels en gekozen kandidaten uit deze definitieve tellingen (Kieswet hoofdstuk P; 35 zetels, gelijk aan de gepubliceerde uitslag van 18 maart 2026, zie fixtures/results/nl/nl-gr2026-assen-published.json):
demo-entry-eml = De uitslag als EML: de telling (510b) en OSV4-3-tabel, de totaaltelling (510d) en de gekozenen (520); eenmaal gemaakt en opgeslagen, elke download is gelijk:
demo-entry-reports = De processen-verbaal als PDF (Na 31-2 met Bijlage 1, P 22-2; in de voettekst de hashcode van het EML-bestand) en de lege processen-verbaal N 10-2 van alle stembureaus:
demo-entry-to-centre = De uitslag van Assen naar de centrale autoriteit en de publicatie: een sleutelceremonie voor Assen (inlogbladen per stembureau en voor het hoofdstembureau, elk met een clientcertificaat voor de ontvangstserver), de voorzitter van stembureau 1 gebruikt met zijn inlogblad de stembureau-app (opkomst en telhulp, over HTTPS), het hoofdstembureau verzegelt de uitslag (urna result seal), de centrale autoriteit registreert de verkiezing en ontvangt over TLS (urna central serve), het hoofdstembureau verstuurt met zijn certificaat (urna central send), en de publicatie krijgt versie 2 met Lindeveld en Assen:
demo-step-apportionment = Zetelverdeling en gekozen kandidaten volgens Kieswet hoofdstuk P, op de echte uitslag van Reusel-De Mierden 2022 (waar artikel P 9, absolute meerderheid, een zetel verschuift):
demo-title = Urna demo — een verkiezing voorbereiden zoals een gemeente dat doet
    Map: { $folder }
demo-inputs-written = Invoerbestanden geschreven naar { $folder }
demo-hash-on-terminal = Op een terminal ziet de ambtenaar de hashcode met twee groepen weggelaten en typt die over van de officiële publicatie:
demo-step-loaded = Geladen verkiezingen:
demo-step-audit = Het auditlog controleren:
demo-every-step = Alle stappen: { $file }
demo-intake-serving = { $url } (certificaatautoriteit: { $fingerprint })
demo-folder-not-a-demo = { $folder } bestaat al en is geen demomap van Urna; kies een andere map met --dir
demo-folder-earlier-demo = { $folder } bevat een eerdere demo; vervang die met --force
demo-round-name = Lokale verkiezingen 2024 (demo, fictieve gemeente Lindeveld)
demo-open-site = Open de uitslagensite: { $file }
demo-done = Klaar. Alles staat in { $folder }:
    {"   "}urna-data/urna.sqlite   de database (SQLite)
    {"   "}invoer/                 de geladen bestanden
    {"   "}uitslag/                de uitslag van Assen: EML 510b, 510d, 520, OSV4-3 (CSV), processen-verbaal (PDF)
    {"   "}ceremonie/              de sleutelceremonie van Lindeveld: sleutels, pakketten, USB-images, inlogbladen (PDF), ondertekend verslag
    {"   "}centraal/               de centrale autoriteit: haar sleutels en de ontvangen uitslag van het hoofdbureau, per versie
    {"   "}publicatie/             de uitslagensite en de feed voor de media (ondertekend; urna publish serve, urna verify)
    {"   "}zetelverdeling/         de zetelverdeling, stap voor stap (tekst en JSON)
    {""}
    Bekijk het resultaat:
    {"   "}urna --data-dir { $data } election show GR2026_Assen
    {"   "}urna --data-dir { $data } audit show
    {"   "}urna --data-dir { $data } result show GR2026_Assen
    {"   "}urna ceremony verify { $stick } --authority-key { $authority }
    {"   "}urna apportion --input { $input }
    {"   "}urna --data-dir { $data } serve --listen 127.0.0.1:8080 --app-listen 127.0.0.1:8443   (inloggen als invoerder1 / demo-wachtwoord-1, coordinator / demo-wachtwoord-3; de stembureau-app op https://127.0.0.1:8443/stembureau/ met een blad uit ceremonie-assen/inloggegevens-DEMO.pdf)

## Second session of the committee
demo-entry-miscounted = In de eerste zitting telt de demo bij stembureau { $stations } bewust tien stembiljetten van de grootste lijst bij de volgende lijst (door de demo samengesteld); de gedeeltelijke hertelling in de tweede zitting herstelt de gepubliceerde telling.
demo-step-second-session = Tweede zitting van het gemeentelijk stembureau van Assen: de stembureaus die het echte stembureau onderzocht (de vlaggen in Assens gepubliceerde 510b) worden onderzocht, de twee gedeeltelijk hertelde stembureaus krijgen een gecorrigeerde telling (tweemaal ingevoerd), en de zitting maakt haar corrigendum (Na 14-2 met Bijlage 1), een nieuwe 510b en de zetels opnieuw:
demo-session-location = Stadhuis Assen (plaats samengesteld door de demo)
demo-session-chair = Voorzitter (demo)
demo-session-member = Lid { $number } (demo)
demo-session-opened = Zitting { $session } geopend, met datum, plaats en aanwezige leden.
demo-investigation-reason = Reden samengesteld door de demo: het echte stembureau heeft dit stembureau onderzocht (volgens de gepubliceerde 510b).
demo-investigation-findings = Bevindingen samengesteld door de demo, in lijn met de vlaggen van de gepubliceerde 510b.
demo-session-investigated = { $count } stembureaus onderzocht en afgerond; gecorrigeerde telling tweemaal ingevoerd voor stembureau { $recounted }.
demo-session-history = De eerdere telling van { $count } stembureau(s) blijft bewaard in de geschiedenis van de database; niets is overschreven.

## Backup
demo-backup = Gecontroleerde reservekopie (integriteit en auditlog) in { $path }, auditlog t/m regel { $entry }; herstellen met urna restore.
