# The election model: bodies, law, the fields of a count, the checks on it, and double entry.

## Jurisdictions, bodies, law

jurisdiction-netherlands = the Netherlands
jurisdiction-flanders = Flanders
body-municipal-council = municipal council
body-district-council = district council
body-provincial-council = provincial council
body-water-board = water board
body-house-of-representatives = House of Representatives
body-senate = Senate
body-european-parliament = European Parliament
body-island-council = island council
body-borough-committee = borough committee
body-area-committee = area committee
law-nl-kieswet = Elections Act (Kieswet), chapter P
law-flanders-devolution = Local and Provincial Electoral Decree, list votes devolve (2006-2018)
law-flanders-preference = Local and Provincial Electoral Decree, preference votes only (from 2024)
station-kind-fixed-location = fixed location
station-kind-special = special
station-kind-mobile = mobile

## A polling station's count: sections and fields

section-voters = Admitted voters
section-votes = Votes cast
section-differences = Differences between voters and votes cast
section-ballots = Ballots
section-list = List { $number }: { $name }
field-voters-a = Poll cards
field-voters-b = Proxy certificates
field-voters-c = Voter cards
field-voters-d = Total admitted voters
field-votes-list = Votes for list { $number } { $name }
field-votes-e = Total votes for candidates
field-votes-f = Blank votes
field-votes-g = Invalid votes
field-votes-h = Total votes cast
field-d-equals-h = D and H are equal
field-h-greater-than-d = H is greater than D (more votes cast than voters admitted)
field-h-less-than-d = H is smaller than D (fewer votes cast than voters admitted)
field-differences-i = Ballots counted more
field-differences-j = Ballots counted fewer
field-explained-yes = Difference explained: yes
field-explained-no = Difference explained: no
field-explanation = Explanation of the difference
field-candidate = List { $list }, candidate { $position }: { $name }
field-list-total = Total list { $number }
field-ballots-total = Ballots in the ballot box
field-ballots-blank = Blank ballots
field-ballots-invalid = Invalid ballots
field-list-ballots = Valid ballots for list { $number }
field-list-only = of which a list vote only
field-unnamed = Field

## A form that cannot be read

field-not-a-number = { $label }: ‘{ $value }’ is not a whole number.
field-negative = { $label }: { $value } is negative; counts are 0 or more.
field-too-large = { $label }: { $value } is more than the highest possible count ({ $most }).
field-text-too-long = { $label }: the text is longer than { $most } characters.
field-missing = { $label } is missing.
field-unknown = Field { $key } does not exist on this form.
field-shape = The form has { $found } where the election has { $expected }; it belongs to another election.
form-shape-lists = { $lists } lists with { $candidates } candidates
form-shape-jurisdiction = the form of { $jurisdiction }

## Double entry

status-not-started = not started
status-first-entry-in-progress = first entry in progress
status-first-entry-has-errors = first entry has errors
status-second-entry-not-started = waiting for second entry
status-second-entry-in-progress = second entry in progress
status-entries-different = entries differ
status-definitive = definitive
status-imported = imported (510b)
entry-same-typist = { $typist } typed the first entry; the second entry must be typed by someone else.
entry-claimed-by-other = { $typist } is typing this entry.
entry-wrong-status = This is not possible while the polling station's entry is ‘{ $status }’.
entry-warnings-not-acknowledged = The entry has warnings that must be checked against the paper and acknowledged.
entry-errors-not-acknowledged = The entry has errors; correct the typing, or confirm that the paper report says so.

## The checks on a count (F = error, W = warning; V = Flanders)

rule-f201 = A + B + C is not D: poll cards, proxy certificates and voter cards do not add up to the total of admitted voters.
rule-f202 = E.1 to E.n do not add up to E: the votes per list do not add up to the total of votes for candidates.
rule-f203 = E + F + G is not H: votes for candidates, blank and invalid votes do not add up to the total of votes cast.
rule-f204 = The list totals of the candidates' section do not add up to E.
rule-f301 = 'D and H are equal' is ticked, but D and H differ.
rule-f302 = 'H is greater than D' is ticked, but H is not greater than D.
rule-f303 = 'H is smaller than D' is ticked, but H is not smaller than D.
rule-f304 = Not exactly one box of the comparison of D and H is ticked.
rule-f305 = D and H are equal, but I or J is filled in.
rule-f306 = H is greater than D, but I (ballots counted more) is not H − D.
rule-f307 = H is greater than D, but J (ballots counted fewer) is filled in.
rule-f308 = H is smaller than D, but J (ballots counted fewer) is not D − H.
rule-f309 = H is smaller than D, but I (ballots counted more) is filled in.
rule-f310 = D and H differ, but not exactly one answer to 'is the difference explained' is ticked.
rule-f401 = A list's candidates have votes, but the list total is empty or 0.
rule-f402 = The votes of a list's candidates do not add up to the list total.
rule-f403 = A list total is not the list's votes at E.
rule-w201 = Blank votes are 3% or more of the votes cast.
rule-w202 = Invalid votes are 3% or more of the votes cast.
rule-w203 = The difference between admitted voters (D) and votes cast (H) is 2% or more and 15 or more.
rule-w204 = The total of votes cast (H) is empty or 0.
rule-v201 = The valid ballots per list, blank and invalid ballots do not add up to the ballots in the ballot box.
rule-v401 = A list has more ballots with a list vote only than valid ballots.
rule-v402 = A candidate has more preference votes than the list has ballots with preference votes.
rule-v403 = A list's preference votes are fewer than its ballots with preference votes: each such ballot has at least one.
rule-v404 = A list has ballots with preference votes but no preference vote, or preference votes without ballots.

## Committee sessions and investigations
committee-no-location = The session has no place.
committee-no-members = No member of the committee is named as present.
committee-member = Member “{ $name }” is empty or named twice.
committee-session-closed = Session { $session } is closed: what was recorded in it never changes.
committee-session-open = Session { $session } is still open; close it first (by making its documents).
committee-investigated-already = Polling station { $station } is under investigation in this session already.
committee-no-investigation = Polling station { $station } has no open investigation in this session.
committee-empty-reason = Fill in the reason for the investigation.
committee-empty-findings = Fill in the findings of the investigation.
committee-unconcluded = The investigation of polling station { $stations } is not concluded yet.
committee-cause-unexplained-difference = unexplained difference between admitted voters and ballots counted
committee-cause-other-reason = another reason

## Counting method
committee-counting-central = central counting (the municipal electoral committee counts the votes per candidate)
committee-counting-decentralised = decentralised counting (the polling stations count the votes per candidate)

## Imported first entries
entry-imported-not-sent-back = The entry from { $file } cannot be sent back: the file is what it is. Keep it, or discard both (a corrected file comes from the municipality).

## Municipality as reporting unit
station-kind-municipality = municipality (a unit of the central committee)

## Empty count fields
field-empty = { $label } is empty: type the count, also when it is 0.
