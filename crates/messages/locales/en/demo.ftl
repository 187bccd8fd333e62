# The narrative of `urna demo`: the whole chain, step by step, on real elections.

demo-step-assen = Loading the municipal council election of Assen 2026: the Electoral Council's real candidate lists (EML 230b), with an election definition (110a, 35 seats as in the published outcome) and polling stations (110b) that Urna composed, marked "composed" (see fixtures/README.md). The hash codes are checked as a script does (--definition-hash, --candidates-hash): the Electoral Council's for the candidate lists, the recorded ones for the composed files.
demo-step-refused = A file whose hash code differs from the official one is refused, and the database stays as it was:
demo-step-lindeveld = Loading a Flemish municipal election (Lindeveld 2024, a fictional municipality in the Flemish definition format):
demo-step-ceremony = Key ceremony in the secured zone (Flemish practice), for Lindeveld: the authority's key, the election key split among three holders (two needed), a signed package and credential sheet per polling station, three USB sticks of polling station 1 (FAT32 images), checked. DEMO passphrases: authority demo-autoriteit-wachtwoordzin, holders demo-an-/demo-bram-/demo-chloe-wachtwoordzin.
demo-step-voting = Voting in Flanders, in the kiosk (urna booth run): in polling stations 1, 2 and 3 of Lindeveld the chairs log in with their credential sheets, voters vote on the voting computer (keys only, with a mistake and a second thought), the ballot is printed (PNG and PDF) and scanned by the ballot box; closing; then the main office reads the six sticks (urna count import-sticks), allocates the seats, seals the result for the central authority, which takes it in and gives a signed receipt (urna central; DEMO passphrase demo-centrale-wachtwoordzin), and recounts polling station 1 with two of the three key shares and the paper ballots:
demo-step-entry = Results entry: the reports of every polling station of Assen (the published count, EML 510b) are typed twice, by two different typists, through the same service as the web application (urna serve):
demo-entry-seats = Seats and elected candidates from these definitive counts (Kieswet chapter P; 35 seats, equal to the published outcome of 18 March 2026, see fixtures/results/nl/nl-gr2026-assen-published.json):
demo-entry-eml = The result as EML: the count (510b) and OSV4-3 table, the central totals (510d) and the elected (520); made once and stored, every download is the same:
demo-entry-reports = The official reports as PDF (Na 31-2 with Bijlage 1, P 22-2; the footer carries the EML file's hash code) and the empty N 10-2 count forms of every polling station:
demo-entry-to-centre = Assen's result to the central authority and into the publication: a key ceremony for Assen (credential sheets per polling station and for the main office, each with a client certificate for the intake server), the chair of polling station 1 uses the polling-station app with that sheet (turnout and count helper, over HTTPS), the main office seals the result (urna result seal), the central authority registers the election and takes it in over TLS (urna central serve), the main office sends it with its certificate (urna central send), and the publication gets version 2 with Lindeveld and Assen:
demo-step-apportionment = Seats and elected candidates under Kieswet chapter P, on the real result of Reusel-De Mierden 2022 (where article P 9, absolute majority, moves a seat):
demo-title = Urna demo — preparing an election as a municipality does
    Folder: { $folder }
demo-inputs-written = Input files written to { $folder }
demo-hash-on-terminal = On a terminal the official sees the hash code with two groups blanked out and types them from the official publication:
demo-step-loaded = Loaded elections:
demo-step-audit = Checking the audit log:
demo-every-step = Every step: { $file }
demo-intake-serving = { $url } (certificate authority: { $fingerprint })
demo-folder-not-a-demo = { $folder } exists and is not an Urna demo folder; choose another folder with --dir
demo-folder-earlier-demo = { $folder } holds an earlier demo; replace it with --force
demo-round-name = Local elections 2024 (demo, fictional municipality Lindeveld)
demo-open-site = Open the results site: { $file }
demo-done = Done. Everything is in { $folder }:
    {"   "}urna-data/urna.sqlite   the database (SQLite)
    {"   "}invoer/                 the files that were loaded
    {"   "}uitslag/                the result of Assen: EML 510b, 510d, 520, OSV4-3 (CSV), official reports (PDF)
    {"   "}ceremonie/              the key ceremony of Lindeveld: keys, packages, USB images, credential sheets (PDF), signed record
    {"   "}centraal/               the central authority: its keys and the main office's result as received, by version
    {"   "}publicatie/             the results site and the media feed (signed; urna publish serve, urna verify)
    {"   "}zetelverdeling/         the seat allocation, step by step (text and JSON)
    {""}
    Look at the result:
    {"   "}urna --data-dir { $data } election show GR2026_Assen
    {"   "}urna --data-dir { $data } audit show
    {"   "}urna --data-dir { $data } result show GR2026_Assen
    {"   "}urna ceremony verify { $stick } --authority-key { $authority }
    {"   "}urna apportion --input { $input }
    {"   "}urna --data-dir { $data } serve --listen 127.0.0.1:8080 --app-listen 127.0.0.1:8443   (log in as invoerder1 / demo-wachtwoord-1, coordinator / demo-wachtwoord-3; the polling-station app at https://127.0.0.1:8443/stembureau/ with a sheet of ceremonie-assen/inloggegevens-DEMO.pdf)

## Second session of the committee
demo-entry-miscounted = In the first session the demo deliberately counts ten ballots of the largest list for the next list at polling station { $stations } (composed by the demo); the partial recount in the second session restores the published count.
demo-step-second-session = Second session of Assen's municipal electoral committee: the polling stations the real committee investigated (the flags in Assen's published 510b) are investigated, the two partly recounted ones get a corrected count (typed twice), and the session makes its corrigendum (Na 14-2 with Bijlage 1), a new 510b and the seats again:
demo-session-location = Assen town hall (place composed by the demo)
demo-session-chair = Chair (demo)
demo-session-member = Member { $number } (demo)
demo-session-opened = Session { $session } opened, with its date, place and members present.
demo-investigation-reason = Reason composed by the demo: the real committee investigated this polling station (by the published 510b).
demo-investigation-findings = Findings composed by the demo, in line with the flags of the published 510b.
demo-session-investigated = { $count } polling stations investigated and concluded; corrected count typed twice for polling station { $recounted }.
demo-session-history = The previous count of { $count } polling station(s) stays in the database's history; nothing was overwritten.

## Backup
demo-backup = Checked backup (integrity and audit log) in { $path }, audit log up to entry { $entry }; restore with urna restore.
