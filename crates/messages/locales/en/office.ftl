# The office that determines the result (municipal central polling station, Flemish main
# office): data entry, polling stations, the result and its files, the sealed result package.

## Not found

office-missing-election = Not found: election { $election }.
office-missing-station = Not found: polling station { $station }.
office-missing-station-of = Not found: polling station { $station } in election { $election }.
office-missing-contest = Not found: contest { $contest }.
office-missing-candidate = Not found: candidate { $position } of list { $list }.
office-missing-file = Not found: file { $kind }.
office-missing-stored = Not found: { $what }.

## Refused; nothing was changed

office-stale = This entry was changed elsewhere meanwhile (in another window, say). Nothing was saved; reload the page.
office-store-failed = The database refused: { $detail }
office-station-numbers-taken = polling station number(s) { $numbers } already in use; nothing was changed
office-entry-started = the data entry of polling station { $station } has started; its number cannot change
office-not-definitive = polling station(s) { $stations } have no definitive count yet
office-lot-first = a drawing of lots is needed before the result can be determined
office-no-lot-pending = no drawing of lots is pending
office-other-lot-pending = the pending drawing of lots is { $pending }, not { $given }
office-lot-order = the drawn order must name each of { $options } once
office-result-fixed = the result has been determined and its files made; it cannot change
office-deceased-twice = candidate { $position } of list { $list } is registered already
office-contest-required = this election has several contests: choose the contest
office-foreign-stations = { $file }: polling station(s) { $stations } are not polling stations of { $election }
office-file-totals = { $file }: list { $list }: the totals in the file ({ $stated }) differ from the sum of its polling stations ({ $sum })
office-import-started = the entry of polling station(s) { $stations } has started; nothing was imported
office-unreadable = { $file }: { $detail }
office-reader = The file was refused: { $detail }
office-document-failed = the document could not be made: { $detail }
office-not-main-office = this is not the main office's package
office-wrong-password = the password does not fit this office's credential sheet
office-sealed-exists = { $file }: exists already; choose a new file name
office-no-such-moment = Not a moment at which turnout is published.
office-not-positive = Fill in a number greater than 0. Nothing was changed.

## Committee
office-not-dutch = Sessions and investigations belong to the municipal electoral committee of a Dutch election.

## Counting method
office-counting-fixed = The counting method is fixed: the entry of polling station { $stations } has started.
