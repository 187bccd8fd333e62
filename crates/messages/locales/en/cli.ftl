# The command line (urna …).

cli-result-totals = { $name }: { $admitted } admitted voters, { $valid } votes for candidates, { $blank } blank, { $invalid } invalid, { $stations } polling stations
cli-result-list = List { $number } { $name }: { $votes } votes, { $seats } { $seats ->
        [one] seat
       *[other] seats
    }
cli-result-imported = { $count } polling stations imported from { $file } (hash code { $hash })
cli-result-empty-forms = { $count } empty N 10-2 count forms in { $dir }
cli-result-file-written = { $hash }  { $path }  (made { $at })
cli-result-in-package = In the package:
cli-result-lot-needed =
    A drawing of lots is needed first ({ $article }): { $description }
    {"  "}between { $options }; record the outcome with: urna result lot { $election } --lot { $lot } --order { $order }
cli-central-passphrase = Passphrase of the central authority:{" "}
cli-central-whose-passphrase = the central authority
cli-central-keys-made =
    key to seal to: { $transmission }
    receipts key: { $receipts }
    publication key: { $publication }
    certificate authority of the intake server ({ $names }): { $authority }
cli-central-refused = { $file }: REFUSED — { $reason }
cli-central-status-accepted = received
cli-central-status-already-received = received before (the same receipt)
cli-central-status-new-version = NEW VERSION, for review; the earlier one stays
cli-central-serving =
    certificate authority (compare on the sending machine): { $fingerprint }
    elections: { $elections }
cli-central-files-only = { $election }: no certificates from the ceremony: only files can be received
cli-office-password = Password of the office ({ $login }):{" "}
cli-central-no-certificate = { $package }: no { $file }
cli-central-receipt-does-not-verify = { $file }: the receipt does not verify with the central authority's key or is not for this file
cli-central-receipt-invalid = { $file }: INVALID: the signature does not match the central authority's key
cli-central-receipt-other-file = { $file }: the receipt is for another file
cli-central-receipt-valid = { $file }: valid: { $election } { $office } v{ $version } ({ $status }), { $received }
cli-central-sealed = sealed for the central authority: { $file } (hash code { $hash })
cli-publish-registered = registered: { $election } ({ $municipality }, province: { $province }; { $stations } polling stations)
cli-publish-new-version = new version { $version } ({ $municipalities_in }/{ $municipalities_expected } municipalities in)
cli-publish-nothing-new = nothing new: the latest version stands
cli-publish-site-written = site and feed: { $dir } ({ $files } files)
cli-publish-empty = { $dir }: empty
cli-publish-serving = results site at http://{ $address }/ ({ $files } files, version { $version })
cli-verify-ok = ok:
cli-verify-discrepancy = DISCREPANCY:
cli-verify-sound = The feed is sound: every signature and every number.
cli-verify-discrepancies = { $count } discrepancies found.

## Users, the audit log, files

cli-error = Error: { $error }
cli-cannot-read-file = Cannot read file: { $file }
cli-user-unknown-role = unknown role "{ $role }" (administrator, coordinator or typist)
cli-user-invalid-username = a username has 1 to 64 letters, digits, dots, hyphens or underscores
cli-user-created = User created: { $login } ({ $role })
cli-user-temporary-password = Temporary password: { $password }
    Hand it over in person; it must be replaced at the first login.
cli-audit-intact = Audit log intact: { $entries } entries
cli-audit-head = Hash of the last entry (Urna's official documents carry the one of their moment in the footer): { $hash }
cli-audit-broken-at = Audit log BROKEN at entry { $entry }: { $problem }
cli-audit-broken = Audit log BROKEN: { $problem }
cli-booth-two-sticks = give exactly two sticks (--stick A --stick B)

## Confirming a file's hash code

cli-hash-invalid = { $option } is not a valid hash code: { $reason }
cli-hash-differs = Import refused: the hash code of { $file } ({ $what }) differs from the official hash code:
    {"  "}file:      { $found }
    {"  "}official:  { $official }
cli-hash-not-given = No official hash code given for { $file } ({ $what }). Pass { $option } or run the import on a terminal to type two groups.
cli-hash-compare = Hash code of { $file } ({ $what }):
      { $masked }
    Compare with the official hash code and type the two missing groups.
cli-hash-group = Group { $group }:{" "}
cli-hash-no-answer = no answer to the hash code question
cli-hash-wrong-group = Import refused: group { $group } of the hash code of { $file } ({ $what }) does not match what was typed: "{ $typed }"
cli-hash-refused = Import refused: { $reason }
cli-hash-confirmed = Hash code confirmed.

## Elections

cli-election-flemish-no-extra-files = A Flemish definition file holds its lists and polling stations itself: do not pass --candidates or --polling-stations.
cli-election-needs-candidates = An EML election definition (110a) is loaded with its candidate lists: pass --candidates (EML 230b).
cli-election-loaded = Loaded: { $name } ({ $election })
cli-election-size = { $seats } seats, { $lists } lists, { $candidates } candidates, { $stations } polling stations
cli-election-audit-entry = Audit log: entry { $entry } (hash { $hash })
cli-election-none = No elections loaded.
cli-election-column-date = date
cli-election-column-seats = seats
cli-election-column-lists = lists
cli-election-column-candidates = candidates
cli-election-column-stations = stations
cli-election-column-name = name
cli-election-not-loaded = Election { $election } is not loaded (see urna election list)
cli-election-body = Body:
cli-election-area = Area:
cli-election-day = Election day:
cli-election-nomination-day = Nomination day:
cli-election-seats = Seats:
cli-election-preference-threshold = Preference threshold:
cli-election-percent-of-quota = { $percent }% of the quota
cli-election-law = Electoral law:
cli-election-imported = Loaded:
cli-election-imported-at-by = { $at } by { $by }
cli-election-files = Files and hash codes:
cli-election-file = { $name } ({ $bytes } bytes)
cli-election-district = District { $name }
cli-election-lists = Lists
cli-election-n-seats = { $seats } seats
cli-election-list-without-name = (no name)
cli-election-list = List { $number }  { $name } — { $candidates } candidates
cli-election-stations = Polling stations ({ $count }):
cli-election-n-voters = { $voters } voters
cli-election-no-stations-yet = (none yet: load them with --polling-stations, EML 110b)

## The polling-station kiosk (urna booth run)

cli-booth-not-a-choice-again = Not a choice, try again.
cli-booth-not-a-choice = Not a choice.
cli-booth-invalid-choice = Not a valid choice: { $reason }
cli-booth-president-named = President's computer — polling station { $station } ({ $name })
cli-booth-president = President's computer — polling station { $station }
cli-booth-package-fingerprint = { $election }
    {"  "}Package fingerprint: { $fingerprint }
    {"  "}Compare with your credential sheet.
cli-booth-login = Login ({ $election }):{" "}
cli-booth-unknown-login = unknown login for { $election }
cli-booth-password = Password:{" "}
cli-booth-resuming = Resuming the poll on these sticks.
cli-booth-opened = The poll is open.
cli-booth-closed-already = The poll is closed already.
cli-booth-enrolled = Voting computer { $number } enrolled, key { $key }
cli-booth-menu-activate = Activate a voter's card
cli-booth-menu-progress = Progress
cli-booth-menu-close = Close the poll
cli-booth-menu-pause = Pause
cli-booth-printed = Your ballot is printed. Let the ballot box scan its code.
cli-booth-recorded = Ballot box: ballot recorded ({ $ballots } in the box).
cli-booth-scan-refused = Ballot box: REFUSED: { $reason }
cli-booth-progress = Voter cards: { $cards }; ballots in the box: { $ballots }
cli-booth-close-sure = Close? 1 = yes, 2 = no:{" "}
cli-booth-paused = The poll is paused; run again to resume.
cli-booth-choose-elections = This voter's elections (numbers, Enter = all):{" "}
cli-booth-voting-computer = Voting computer — { $election }
cli-booth-vote-blank = Vote blank
cli-booth-list = List:{" "}
cli-booth-list-heading = List { $list }: { $name }
cli-booth-candidates = Candidates (numbers with spaces), or Enter for a list vote:{" "}
cli-booth-check-vote = Check your vote
cli-booth-confirm = 1 = confirm and print, 2 = choose again:{" "}
cli-booth-closed-election = { $election }: { $ballots } ballots, { $cards } cards; report: { $report }
cli-booth-closed = The poll is closed; the results are signed on both sticks.

## Counting the sticks (urna count)

cli-count-station = polling station { $station }: { $ballots } ballots  ({ $sticks })
cli-count-not-totalled = NOT TOTALLED: resolve first:
cli-count-contest-totals = { $ballots } ballots, { $valid } valid, { $blank } blank
cli-count-lot-needed = A drawing of lots is needed; the allocation is not complete.
cli-count-list = list { $number } { $name } { $votes } votes  { $seats ->
        [one] { $seats } seat{" "}
       *[other] { $seats } seats
    }
cli-count-partial = NOTE: partial result, { $counted } of { $expected } polling stations counted: this is not the result of the election and is never published as such
cli-count-report = report: { $report } (with { $result })
cli-count-no-such-contest = contest { $contest } is not in the election
cli-count-decrypted = Polling station { $station }: { $votes } votes decrypted; { $tallies ->
        [1] they tally to the signed result
       *[0] they DIFFER from the signed result
    }
cli-count-rescanned = { $ballots } paper ballots rescanned: { $tallies ->
        [1] they tally to the signed result
       *[0] they DIFFER
    }

## The key ceremony (urna ceremony)

cli-ceremony-no-keys = no keys in this ceremony folder (first: urna ceremony keys)
cli-ceremony-record-refused = { $file }: the ceremony record is refused: { $reason }
cli-ceremony-authority-passphrase = Passphrase of the election authority:{" "}
cli-ceremony-authority-does-not-open = { $file }: the authority key does not open
cli-ceremony-authority-other-key = { $file }: does not belong to authority.pub
cli-ceremony-new-passphrase = New passphrase for { $whose } (at least { $minimum } characters):{" "}
cli-ceremony-passphrase-too-short = The passphrase for { $whose } must have at least { $minimum } characters
cli-ceremony-passphrase-again = Again:{" "}
cli-ceremony-passphrases-differ = The two passphrases differ; nothing was made.
cli-ceremony-keys-exist = { $folder }: this ceremony folder already has keys; start a new ceremony in an empty folder
cli-ceremony-holder-names = Every key holder needs a name of their own: "{ $holder }"
cli-ceremony-threshold = Choose 2 ≤ k ≤ n: at least two holders needed to restore the election key (k = { $k }, n = { $n })
cli-ceremony-the-authority = the election authority
cli-ceremony-keys-made = Keys made for { $election }:
cli-ceremony-authority-key = authority key:
cli-ceremony-election-key = election key (public):
cli-ceremony-split = split: { $k } of { $n } holders needed to decrypt:
cli-ceremony-unknown-election = Unknown election: { $election }
cli-ceremony-other-election = { $folder }: this ceremony is for election { $election }
cli-ceremony-sheets-exist = { $file }: exists already; credentials go only into a new file
cli-ceremony-exists = { $file }: exists already
cli-ceremony-packages-made = { $packages } packages made ({ $bytes } bytes), fingerprints:
cli-ceremony-sheets = Credential sheets: { $file } — print them and delete the file: the passwords are nowhere else
cli-ceremony-package-not-intact = { $file }: the package is not intact; nothing was copied
cli-ceremony-copies = Package { $office } ({ $fingerprint }), copies:
cli-ceremony-copy-identical = written, read back, identical
cli-ceremony-copy-differs = DIFFERS: { $files }
cli-ceremony-intact = INTACT
cli-ceremony-refused = REFUSED
cli-ceremony-label-election = election:
cli-ceremony-label-for = for:
cli-ceremony-label-fingerprint = fingerprint:
cli-ceremony-too-few-holders = It takes { $k } holders to restore the election key, given: { $given }
cli-ceremony-no-share = No share of "{ $holder }" in { $folder }
cli-ceremony-holder-passphrase = Passphrase of { $holder }:{" "}
cli-ceremony-share-other-key = { $file }: this share belongs to another election key
cli-ceremony-shares-restore = { $shares } shares restore the election key: { $fingerprint }
cli-ceremony-record = Ceremony record { $name } ({ $election }), signed with { $key }

## The polling-station app (urna station-app)

cli-file-missing = { $file } is missing
cli-file-missing-or-unreadable = { $file } is missing or unreadable
cli-station-app-nothing-taken = Nothing was taken over.
cli-station-app-logins = { $stations } polling stations log in to the polling-station app with the ceremony's credential sheet: { $name } ({ $election })
cli-station-app-served = polling-station app (HTTPS) at { $url }
    {"  "}certificate authority fingerprint: { $fingerprint }
cli-station-app-turnout-reported = The chair of polling station { $station } ({ $login }) logs in with the credential sheet and reports turnout
    {"  "}admitted voters: { $admitted }
cli-station-app-turnout-published = The coordinator publishes turnout; at { $moment }: { $reported } of { $stations } polling stations reported, { $admitted } admitted voters
    {"  "}{ $json }, { $csv }
cli-station-app-count-helper = Count helper: { $taps } taps, one tap undone, one ballot missed (H { $total }; definitive count H { $definitive })
cli-station-app-differences = The coordinator sees the difference with the definitive count: { $differences }
cli-station-app-difference = { $field } app { $app } / count { $definitive }

## The web application (urna serve)

cli-serve-cannot-listen = cannot listen on { $address }
cli-serve-results-entry = results entry at { $url } (database: { $database })
cli-serve-no-users = no users yet: open the page to create the administrator
cli-serve-development-mode = DEVELOPMENT MODE: the internet-connection check is off
cli-serve-station-app = polling-station app (HTTPS only) at { $url }
cli-serve-station-app-fingerprint = fingerprint (SHA-256) of the app's certificate authority: { $fingerprint }
cli-serve-not-a-moment = --turnout-moments: "{ $text }" is not a time (HH:MM)
cli-serve-new-authority = new certificate authority for the polling-station app made in { $folder }

## The demo's results entry

cli-demo-users = Users: { $users }
cli-demo-entries-differ = Polling station { $station }: the second entry differs from the first in { $fields }
cli-demo-sent-back = The coordinator compares with the paper report and sends the second entry back; invoerder2 corrects it.
cli-demo-definitive = { $definitive } / { $stations } polling stations definitive, each typed twice by two different typists.
cli-demo-running-totals = Running totals: { $admitted } admitted voters, { $candidates } votes for candidates, { $blank } blank, { $invalid } invalid
cli-demo-list-equal = List { $number } { $name }: { $votes } (equal to the sum of the reports typed, as is every other list)

## The audit log against the hash code on paper
cli-audit-paper-head-found = The hash code on paper is entry { $entry } of the audit log ({ $at }): the log holds everything up to that entry, unchanged.
cli-audit-paper-head-missing = NO entry of the audit log has the hash code on paper ({ $hash }): the log was cut short or rebuilt after that document was made.

## Which software this is
cli-version-commit = source (commit): { $commit }
cli-version-built = built: { $built }
cli-version-hash = hash code of this program (SHA-256): { $hash }

## urna committee
cli-yes = yes
cli-no = no
cli-committee-start = “{ $start }” is not a date and time; write for example 2026-03-25 10:00.
cli-committee-open = open
cli-committee-closed = closed
cli-committee-session = Session { $session } ({ $state }): { $start }, { $place }; present: { $members }
cli-committee-session-unrecorded = Session { $session } ({ $state }): date, place and members not recorded
cli-committee-investigation = Investigation of polling station { $station } (session { $session }): { $cause } — { $reason }; at the central committee's request: { $requested }
cli-committee-concluded = concluded: { $findings } Admitted voters established again: { $admitted }; recounted: { $recounted }; count corrected: { $corrected }
cli-committee-not-concluded = not concluded yet
cli-committee-replaced = Count of polling station { $station } replaced in session { $session }: { $reason } (by { $by }, { $at }); the replaced count is kept
cli-committee-type-again = Polling station { $station } is typed twice again, by two different typists (urna serve).

## urna committee counting
cli-committee-counting = Counting: { $method }
cli-committee-counting-unknown = “{ $method }” is not a counting method; choose central or decentralised.

## urna result import-municipality
cli-result-municipality-imported = { $municipality } ({ $code }) taken in as the first entry of unit { $unit } from { $file } (hash code { $hash }); now type the totals of its paper report as the second entry (urna serve).

## publish serve: the software
cli-publish-software = Program Urna { $version } (source { $commit }), hash code { $hash }

## Backups
cli-backup-line = { $path } ({ $size } bytes), audit log up to entry { $entry }: { $hash }, checked
cli-backup-made = Backup made and checked (integrity and audit log):
cli-backup-none = No backups in { $dir }.
cli-backup-refused = { $path }: NOT a usable backup: { $error }
cli-backup-failed = backup failed, tried again at the next change: { $error }
cli-restore-done = Database restored from the checked backup (recorded in the audit log):
cli-restore-kept = The replaced database is kept as { $path }.
cli-serve-backups = backups after every change to { $dir }

## serve over HTTPS
cli-serve-plain-not-loopback = Plain HTTP only on a loopback address (127.0.0.1, ::1), not on { $address }: passwords and counts do not cross the network in the clear. Leave out --plain-http for HTTPS.
cli-serve-entry-fingerprint = fingerprint of results entry's certificate authority (put it on the coordinator's sheet; typists compare it in their browser): { $fingerprint }

## serve over HTTPS: the authority
cli-serve-new-entry-authority = new certificate authority for results entry made in { $folder } (install ca.pem in the typists' browsers)

## The connection sheet
cli-serve-connection-sheet = connection sheet for the typists (address and fingerprint, to print): { $file }

## Stopped at a question
cli-interrupted = Stopped with Ctrl-C at a question; the terminal is as it was.

## A mistyped command line
cli-args-unknown = unknown option or argument { $argument }
cli-args-unknown-command = unknown command { $command }
cli-args-missing = required but not given: { $argument }
cli-args-missing-command = give a command
cli-args-invalid-value = { $value } is not a valid value for { $argument }
cli-args-conflict = { $argument } cannot be used with { $other }
cli-args-values = wrong number of values for { $argument }
cli-args-no-equals = { $argument } needs an = with its value
cli-args-see-help = See urna --help (or urna COMMAND --help).
