# Voting computers, ballot-box sticks and the main office's reading of them (crate booth).

## The printed ballot

booth-ballot-blank = Blanco stem
booth-ballot-list = Lijst { $number }: { $name }
booth-ballot-list-vote = Stem voor de lijst (lijststem)

## What stops the totals of the sticks

booth-stick-problem = { $stick }: { $problem }
booth-no-stick = stembureau { $station }: geen stick ingelezen
booth-mirrors-differ = stembureau { $station }: de twee sticks ({ $sticks }) verschillen in { $files }
booth-single-copy = stembureau { $station }: alleen stick { $stick } ingelezen, de tweede (spiegel) ontbreekt
booth-duplicate-poll = stembureau { $station }: sticks van verschillende stemmingen ({ $sticks })
booth-not-a-ballot-box-stick = geen stembus-stick (geen pakket)
booth-other-election = stick van een andere verkiezing ({ $elections })
booth-package-refused = pakket geweigerd: { $problems }
booth-not-a-station-package = het pakket is niet van een stembureau
booth-unreadable = { $file } is onleesbaar
booth-unreadable-because = { $file } is onleesbaar: { $detail }
booth-missing-file = { $file } ontbreekt
booth-no-poll = geen stemming geopend op deze stick ({ $file } ontbreekt)
booth-poll-other-election = de stemming op deze stick is niet voor deze verkiezing
booth-poll-bad-signature = de handtekening van { $file } klopt niet (gewijzigd of van een ander stembureau)
booth-poll-other-package = { $file } hoort niet bij het pakket op de stick
booth-poll-not-closed = stembureau { $station }: de stemming is niet afgesloten (geen resultaat op de stick)
booth-result-bad-signature = de handtekening van het resultaat klopt niet: het resultaat is gewijzigd
booth-result-other-poll = het resultaat hoort niet bij deze stemming of dit pakket
booth-ballot-box-altered = { $file } is gewijzigd na het afsluiten (hash wijkt af van het getekende resultaat)
booth-box-count-differs = de stembus bevat { $votes } stemmen, het resultaat telt { $ballots } stembiljetten
booth-station-not-of-office = stembureau { $station } hoort niet bij dit hoofdbureau

## The recount

booth-recount-differs = { $field }: getekend { $signed }, nageteld { $found }
booth-recount-lists-differ = het aantal lijsten verschilt
booth-field-ballots = stembiljetten
booth-field-blank = blanco
booth-field-invalid = ongeldig
booth-field-list-ballots = lijst { $list } stembiljetten
booth-field-list-votes = lijst { $list } lijststemmen
booth-field-candidate = lijst { $list } kandidaat { $position }

## The main office's package

booth-not-a-main-office-package = het pakket is niet van een hoofdbureau

## A ballot box's two sticks
booth-same-stick = stembureau { $station }: { $sticks } zijn dezelfde stick (of een kopie ervan): een stembus schrijft op elk van haar twee sticks een eigen identiteit
booth-stick-not-of-poll = { $file } ontbreekt of is niet een van de twee sticks die de ondertekende stemming noemt
