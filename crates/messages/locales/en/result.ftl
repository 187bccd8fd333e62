# Determining the result: from definitive counts to seats and elected candidates, per contest.

determine-no-rules = Urna has no seat-allocation rules for this election
determine-no-contests = the election has no candidate lists
determine-unknown-contest = contest { $contest } is not in the election
determine-other-contest = polling station { $station } votes in contest { $defined }, its count is for { $counted }
determine-contest-unknown-for = polling station { $station } is not in the definition, which has several contests
determine-twice = polling station { $station } is counted twice
determine-count-shape = the count of polling station { $station } does not fit the candidate lists: { $detail }
determine-mixed-forms = polling station { $station }: the count is of another jurisdiction's form
determine-totals-shape = the totals of contest { $contest } do not fit its lists: { $detail }
determine-combined-contests = the seats of this election are allocated over its contests together; Urna does not
determine-apportion = seat allocation, contest { $contest }: { $detail }

## The decisions the allocation takes as given (decisions.json)

decisions-other-election = is for election { $found }, the definition for { $expected }
decisions-contest-not-named = the election has { $contests } contests: every decision must name its contest
decisions-not-on-the-lists = deceased candidate { $position } of list { $list } is not on the lists
decisions-twice = deceased candidate { $position } of list { $list } is recorded twice
