# Voting computers, ballot-box sticks and the main office's reading of them (crate booth).

## The printed ballot

booth-ballot-blank = Blank vote
booth-ballot-list = List { $number }: { $name }
booth-ballot-list-vote = Vote for the list (list vote)

## What stops the totals of the sticks

booth-stick-problem = { $stick }: { $problem }
booth-no-stick = polling station { $station }: no stick read
booth-mirrors-differ = polling station { $station }: the two sticks ({ $sticks }) differ in { $files }
booth-single-copy = polling station { $station }: only stick { $stick } was read, its mirror is missing
booth-duplicate-poll = polling station { $station }: sticks of different polls ({ $sticks })
booth-not-a-ballot-box-stick = not a ballot-box stick (no package)
booth-other-election = a stick of another election ({ $elections })
booth-package-refused = package refused: { $problems }
booth-not-a-station-package = the package is not a polling station's
booth-unreadable = { $file } cannot be read
booth-unreadable-because = { $file } cannot be read: { $detail }
booth-missing-file = { $file } is missing
booth-no-poll = no poll was opened on this stick ({ $file } missing)
booth-poll-other-election = the poll on this stick is not for this election
booth-poll-bad-signature = the signature of { $file } is wrong (altered, or of another polling station)
booth-poll-other-package = { $file } does not belong to the package on the stick
booth-poll-not-closed = polling station { $station }: the poll was not closed (no result on the stick)
booth-result-bad-signature = the result's signature is wrong: the result was altered
booth-result-other-poll = the result does not belong to this poll or package
booth-ballot-box-altered = { $file } was altered after closing (its hash differs from the signed result)
booth-box-count-differs = the ballot box holds { $votes } votes, the result counts { $ballots } ballots
booth-station-not-of-office = polling station { $station } does not belong to this main office

## The recount

booth-recount-differs = { $field }: signed { $signed }, recounted { $found }
booth-recount-lists-differ = the number of lists differs
booth-field-ballots = ballots
booth-field-blank = blank
booth-field-invalid = invalid
booth-field-list-ballots = list { $list } ballots
booth-field-list-votes = list { $list } list votes
booth-field-candidate = list { $list } candidate { $position }

## The main office's package

booth-not-a-main-office-package = not a main office's package

## A ballot box's two sticks
booth-same-stick = polling station { $station }: { $sticks } are the same stick (or a copy of it): a ballot box writes its own identity on each of its two sticks
booth-stick-not-of-poll = { $file } is missing or is not one of the two sticks the signed poll names
