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
cli-central-authority-name = Urna central authority
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
