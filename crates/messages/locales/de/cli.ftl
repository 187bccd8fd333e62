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
