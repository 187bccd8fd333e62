# De opdrachtregel (urna …).

cli-result-totals = { $name }: { $admitted } toegelaten kiezers, { $valid } stemmen op kandidaten, { $blank } blanco, { $invalid } ongeldig, { $stations } stembureaus
cli-result-list = Lijst { $number } { $name }: { $votes } stemmen, { $seats } { $seats ->
        [one] zetel
       *[other] zetels
    }
cli-result-imported = { $count } stembureaus ingelezen uit { $file } (hashcode { $hash })
cli-result-empty-forms = { $count } lege processen-verbaal N 10-2 in { $dir }
cli-result-file-written = { $hash }  { $path }  (gemaakt { $at })
cli-result-in-package = In het pakket:
cli-result-lot-needed =
    Er moet eerst geloot worden ({ $article }): { $description }
    {"  "}tussen { $options }; leg de uitkomst vast met: urna result lot { $election } --lot { $lot } --order { $order }
