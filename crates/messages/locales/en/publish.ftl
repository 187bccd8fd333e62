# The public results site, the publication snapshot and the independent check of a feed (crate
# publish).

## The site

site-languages = Language
site-skip = Skip to content
site-feed = Results as data
site-results = Results
site-all-results = All results
site-progress = Progress
site-municipalities-in = Municipalities in
site-stations-in = Polling stations counted
site-municipalities = Municipalities
site-municipality = Municipality
site-province = Province
site-provinces = Provinces
site-district = Provincial electoral district
site-districts = Provincial electoral districts
site-status = Status
site-turnout = Turnout
site-largest = Largest party
site-eligible = Eligible voters
site-admitted = Admitted voters
site-valid = Valid votes
site-blank = Blank
site-invalid = Invalid
site-stations-counted = Polling stations
site-seats-heading = Seats
site-votes-and-seats = Votes and seats per list
site-list = List
site-votes = Votes
site-votes-lower = votes
site-seats = Seats
site-elected = Elected candidates
site-by-preference = on preference votes
site-source = Source
site-package = The municipality's signed result package
site-awaited = The result is not in yet.
site-status-in = in
site-status-awaited = not in yet
site-status-problem = received, no result yet
site-party = Party
site-parties-caption = Votes and seats per party, summed over the municipalities that are in
site-version-label = Version
site-reload = Reload
site-footer = Every figure as data, signed by the central authority:
site-verify-hint = Anyone can check them with
site-key = Key
site-per-contest = Per electoral district
site-part-of-whole = { $part } of { $whole }
site-hemicycle-title = Seats — { $election }
site-source-sentence = Result package of { $office } (version { $version }), received { $received }, fingerprint { $package }.{ $newer ->
        [0] {""}
       *[other] {" "}A newer version was received and is under review.
    }
site-deceased = { $name } (list { $list }, no. { $position }) died before the result was determined and is not elected; the votes stay with the list (Kieswet P 19a).
site-lots-drawn = { $count ->
        [one] One tie in the allocation was decided by drawing lots; the outcome is in the official report.
       *[other] { $count } ties in the allocation were decided by drawing lots; the outcomes are in the official report.
    }

## Why a received package makes no result

publish-missing-election = the package has no election definition ({ $file })
publish-no-count = the package holds no count: neither an EML 510b nor a result file uitslag_<id>.json
publish-uncounted = the package has no count for contest { $contest }
publish-lot-pending = the seat allocation needs a drawing of lots ({ $lot }) that the package does not record
publish-unused-lot = { $file }: lot { $lot } decides no tie of this count
publish-definition-not-signed = the election definition in the package (SHA-256 { $found }) is not the one the ceremony signed ({ $signed })
publish-definition-other-election = the definition in the package is for { $election }
publish-snapshot-bad-signature = the signature does not match the central authority's key { $key }
publish-snapshot-unreadable = not a publication snapshot: { $detail }
publish-snapshot-not-canonical = the snapshot is not in its canonical form

## The check of a feed (urna verify)

verify-missing = { $file }: missing
verify-missing-or-unreadable = { $file }: missing or unreadable
verify-not-utf8 = { $file }: not UTF-8 text
verify-not-a-public-key = { $file }: not a public key
verify-central-key-unexpected = { $file }: the key's fingerprint is { $found }, not the expected { $expected }
verify-central-key-expected = the central authority's key is the expected one: { $key }
verify-central-key-compare = the central authority's key (compare with the published fingerprint): { $key }
verify-snapshot-refused = { $file }: { $reason }
verify-wrong-version = { $file }: says it is version { $version }
verify-broken-chain = { $file }: names { $named } as the version before it, but that is { $previous }
verify-no-snapshot = { $file }: missing: the feed holds no snapshot
verify-not-latest = { $file }: is not the latest version ({ $latest })
verify-versions-chained = { $versions } snapshot versions, each signed by the central authority and chained to the one before
verify-numbers-equal = version { $version }: every number computed again from the packages equals the published one ({ $elections } elections, { $districts } districts, { $provinces } provinces)
verify-in-election = { $election }: { $finding }
verify-registration-differs = { $file } differs from the registration in the snapshot
verify-authority-unexpected = the ceremony's authority key { $key } is not one of the expected keys
verify-record-refused = { $file }: { $reason }
verify-record-other-election = the ceremony record is for election { $found }
verify-station-count-differs = registered with { $registered } polling stations, the ceremony made packages for { $packages }
verify-record-no-office = the ceremony record has no office { $office }
verify-offices-no-key = { $file } has no key for { $office }
verify-office-key-differs = the key of { $office } in { $file } is not the one the signed ceremony record names
verify-manifest-not-recorded = { $file }: is not the manifest of the package the signed ceremony record names
verify-definition-differs = the registration names definition { $registered }, the ceremony package { $package }
verify-election-keys = { $election }: ceremony record signed by authority { $authority }; { $office } key { $key } in it; election definition { $definition }
verify-result-package-refused = { $election }: result package: { $reason }
verify-sent-by-other = the result package was sent by { $sender }, not { $office }
verify-other-package = the snapshot names package { $named }, the feed holds { $found }
verify-result-package-intact = { $election }: result package { $package } signed by { $office } ({ $files } files intact)
verify-list = list { $number } ({ $name })
verify-candidate = candidate { $position } ({ $name })
verify-missing-from-published = { $path }: missing from the published snapshot
verify-count-differs = { $path }: { $published } published, { $computed } computed from the packages
verify-value-differs = { $path }: published { $published }, computed from the packages { $computed }

## Every published file against the signed file list

verify-file-removed = { $file }: in the signed file list, but missing
verify-file-added = { $file }: not in the signed file list (added after the export)
verify-file-changed = { $file }: differs from the signed file list (changed after the export)
verify-files-other-snapshot = { $file }: belongs to version { $version }, not to the snapshot.json here
verify-files-intact = { $files } files, each as the signed file list names it

## Partial results
publish-partial = partial result: { $counted } of { $expected } polling stations counted; a partial result is never published as the result

## Committee record
publish-committee = { $file }: the record of the sessions does not fit the count: { $detail }

## The committee's work on the site
site-committee = Sessions, investigations and corrections
site-committee-session = Session { $session } of the municipal electoral committee: { $started }, { $place }.
site-committee-session-unrecorded = Session { $session } of the municipal electoral committee.
site-committee-investigation = Polling station { $station } investigated in session { $session } ({ $cause }{ $requested }). Admitted voters established again: { $admitted }; ballots recounted: { $recounted }; count corrected: { $corrected }.
site-committee-other-reason = another reason
site-committee-unexplained-difference = unexplained difference
site-committee-requested = , at the central committee's request
site-committee-correction = The count of polling station { $station } was corrected in session { $session }; the corrigendum (Na 14-2) is in the package.
site-yes = yes
site-no = no

## verify: the committee
verify-committee = { $election }: { $sessions } sessions, { $investigations } investigations and { $corrections } corrections of the municipal committee derived again from the package and checked against the 510b's flags; every correction names its session

## Seats the law moved
site-seat-shift-majority = List { $list } won more than half of the votes but not more than half of the seats; so one seat went from list { $from } to list { $list } ({ $article }).
site-seat-shift-exhausted = List { $list } had fewer candidates than seats; so { $seats } seat(s) went to other lists ({ $article }).
