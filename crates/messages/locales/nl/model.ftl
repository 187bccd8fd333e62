# Het verkiezingsmodel: organen, wetgeving, de velden van een telling, de controles daarop
# en de dubbele invoer.

## Rechtsgebieden, organen, wetgeving

jurisdiction-netherlands = Nederland
jurisdiction-flanders = Vlaanderen
body-municipal-council = gemeenteraad
body-district-council = districtsraad
body-provincial-council = provinciale staten / provincieraad
body-water-board = algemeen bestuur waterschap
body-house-of-representatives = Tweede Kamer der Staten-Generaal
body-senate = Eerste Kamer der Staten-Generaal
body-european-parliament = Europees Parlement
body-island-council = eilandsraad
body-borough-committee = bestuurscommissie
body-area-committee = gebiedscommissie
law-nl-kieswet = Kieswet, hoofdstuk P
law-flanders-devolution = Lokaal en Provinciaal Kiesdecreet, met overdracht van lijststemmen (2006-2018)
law-flanders-preference = Lokaal en Provinciaal Kiesdecreet, alleen voorkeurstemmen (vanaf 2024)
station-kind-fixed-location = vaste locatie
station-kind-special = bijzonder
station-kind-mobile = mobiel

## De telling van een stembureau: rubrieken en velden

section-voters = Toegelaten kiezers
section-votes = Uitgebrachte stemmen
section-differences = Verschillen tussen aantal kiezers en uitgebrachte stemmen
section-ballots = Stembiljetten
# $number: lijstnummer; $name: naam van de lijst.
section-list = Lijst { $number }: { $name }
field-voters-a = Stempassen
field-voters-b = Volmachtbewijzen
field-voters-c = Kiezerspassen
field-voters-d = Totaal toegelaten kiezers
field-votes-list = Stemmen op lijst { $number } { $name }
field-votes-e = Totaal stemmen op kandidaten
field-votes-f = Blanco stemmen
field-votes-g = Ongeldige stemmen
field-votes-h = Totaal uitgebrachte stemmen
field-d-equals-h = D en H zijn gelijk
field-h-greater-than-d = H is groter dan D (meer uitgebrachte stemmen dan toegelaten kiezers)
field-h-less-than-d = H is kleiner dan D (minder uitgebrachte stemmen dan toegelaten kiezers)
field-differences-i = Aantal méér getelde stemmen
field-differences-j = Aantal minder getelde stemmen
field-explained-yes = Verschil verklaard: ja
field-explained-no = Verschil verklaard: nee
field-explanation = Verklaring van het verschil
# $list: lijstnummer; $position: plaats op de lijst; $name: naam van de kandidaat.
field-candidate = Lijst { $list }, kandidaat { $position }: { $name }
field-list-total = Totaal lijst { $number }
field-ballots-total = Stembiljetten in de stembus
field-ballots-blank = Blanco stembiljetten
field-ballots-invalid = Ongeldige stembiljetten
field-list-ballots = Geldige stembiljetten voor lijst { $number }
field-list-only = waarvan enkel een lijststem (kopstem)
# Een veld waarvan de naam niet bekend is.
field-unnamed = Veld

## Een formulier dat niet gelezen kan worden

field-not-a-number = { $label }: ‘{ $value }’ is geen geheel getal.
field-negative = { $label }: { $value } is negatief; aantallen zijn 0 of meer.
field-too-large = { $label }: { $value } is groter dan het hoogst mogelijke aantal ({ $most }).
field-text-too-long = { $label }: de tekst is langer dan { $most } tekens.
field-missing = { $label } ontbreekt.
field-unknown = Veld { $key } bestaat niet op dit formulier.
field-shape = Het formulier heeft { $found }, de verkiezing { $expected }: het hoort bij een andere verkiezing.
# $lists: aantal lijsten; $candidates: aantal kandidaten per lijst, zoals 3/2/5.
form-shape-lists = { $lists } lijsten met { $candidates } kandidaten
form-shape-jurisdiction = het formulier van { $jurisdiction }

## De dubbele invoer

status-not-started = nog niet begonnen
status-first-entry-in-progress = eerste invoer bezig
status-first-entry-has-errors = eerste invoer heeft fouten
status-second-entry-not-started = wacht op tweede invoer
status-second-entry-in-progress = tweede invoer bezig
status-entries-different = verschil tussen invoeren
status-definitive = definitief
status-imported = ingelezen (510b)
entry-same-typist = { $typist } heeft de eerste invoer gedaan; de tweede invoer moet door iemand anders gebeuren.
entry-claimed-by-other = { $typist } is met deze invoer bezig.
entry-wrong-status = Dit kan niet nu de invoer van dit stembureau de status ‘{ $status }’ heeft.
entry-warnings-not-acknowledged = Controleer de waarschuwingen met het papieren proces-verbaal en bevestig dat.
entry-errors-not-acknowledged = De invoer heeft fouten. Herstel de invoer, of bevestig dat het papieren proces-verbaal dit zo vermeldt.

## De controles op een telling (F = fout, W = waarschuwing; V = Vlaanderen)

rule-f201 = A + B + C is niet gelijk aan D: stempassen, volmachtbewijzen en kiezerspassen tellen niet op tot het totaal aantal toegelaten kiezers.
rule-f202 = E.1 tot en met E.n tellen niet op tot E: de stemmen op de lijsten tellen niet op tot het totaal aantal stemmen op kandidaten.
rule-f203 = E + F + G is niet gelijk aan H: stemmen op kandidaten, blanco en ongeldige stemmen tellen niet op tot het totaal aantal uitgebrachte stemmen.
rule-f204 = De totalen van de lijsten bij de kandidaten tellen niet op tot E.
rule-f301 = ‘D en H zijn gelijk’ is aangevinkt, maar D en H zijn niet gelijk.
rule-f302 = ‘H is groter dan D’ is aangevinkt, maar H is niet groter dan D.
rule-f303 = ‘H is kleiner dan D’ is aangevinkt, maar H is niet kleiner dan D.
rule-f304 = Bij de vergelijking van D en H is niet precies één vakje aangevinkt.
rule-f305 = D en H zijn gelijk, maar bij I of J is een aantal ingevuld.
rule-f306 = H is groter dan D, maar I (méér getelde stemmen) is niet gelijk aan H − D.
rule-f307 = H is groter dan D, maar J (minder getelde stemmen) is ingevuld.
rule-f308 = H is kleiner dan D, maar J (minder getelde stemmen) is niet gelijk aan D − H.
rule-f309 = H is kleiner dan D, maar I (méér getelde stemmen) is ingevuld.
rule-f310 = D en H verschillen, maar bij ‘verklaring voor het verschil’ is niet precies één antwoord aangevinkt.
rule-f401 = Er zijn stemmen op kandidaten van een lijst, maar het totaal van die lijst is leeg of 0.
rule-f402 = De stemmen op de kandidaten van een lijst tellen niet op tot het totaal van die lijst.
rule-f403 = Het totaal van een lijst is niet gelijk aan het aantal stemmen op die lijst bij E.
rule-w201 = Het aantal blanco stemmen is 3% of meer van het totaal aantal uitgebrachte stemmen.
rule-w202 = Het aantal ongeldige stemmen is 3% of meer van het totaal aantal uitgebrachte stemmen.
rule-w203 = Het verschil tussen het aantal toegelaten kiezers (D) en het aantal uitgebrachte stemmen (H) is 2% of meer én 15 of meer.
rule-w204 = Het totaal aantal uitgebrachte stemmen (H) is leeg of 0.
rule-v201 = De geldige stembiljetten per lijst, de blanco en de ongeldige stembiljetten tellen niet op tot het aantal stembiljetten in de stembus.
rule-v401 = Een lijst heeft meer stembiljetten met enkel een lijststem dan geldige stembiljetten.
rule-v402 = Een kandidaat heeft meer voorkeurstemmen dan de lijst stembiljetten met voorkeurstemmen heeft.
rule-v403 = De voorkeurstemmen van een lijst zijn minder dan haar stembiljetten met voorkeurstemmen: elk zo'n stembiljet telt minstens één voorkeurstem.
rule-v404 = Een lijst heeft stembiljetten met voorkeurstemmen maar geen enkele voorkeurstem, of voorkeurstemmen zonder stembiljetten.

## Committee sessions and investigations
committee-no-location = De zitting heeft geen plaats.
committee-no-members = Er is geen aanwezig lid van het stembureau genoemd.
committee-member = Lid „{ $name }” is leeg of tweemaal genoemd.
committee-session-closed = Zitting { $session } is gesloten: wat erin is vastgelegd, verandert niet meer.
committee-session-open = Zitting { $session } is nog open; sluit die eerst (door de documenten ervan te maken).
committee-investigated-already = Stembureau { $station } wordt in deze zitting al onderzocht.
committee-no-investigation = Stembureau { $station } heeft in deze zitting geen lopend onderzoek.
committee-empty-reason = Vul de reden van het onderzoek in.
committee-empty-findings = Vul de bevindingen van het onderzoek in.
committee-unconcluded = Het onderzoek van stembureau { $stations } is nog niet afgerond.
committee-cause-unexplained-difference = onverklaard verschil tussen toegelaten kiezers en getelde stembiljetten
committee-cause-other-reason = andere reden

## Counting method
committee-counting-central = centrale stemopneming (het gemeentelijk stembureau telt de stemmen per kandidaat)
committee-counting-decentralised = decentrale stemopneming (de stembureaus tellen de stemmen per kandidaat)

## Imported first entries
entry-imported-not-sent-back = De invoer uit { $file } kan niet worden teruggestuurd: het bestand is wat het is. Behoud het, of verwerp beide (een gecorrigeerd bestand komt van de gemeente).

## Municipality as reporting unit
station-kind-municipality = gemeente (eenheid van het centraal stembureau)

## Empty count fields
field-empty = { $label } is leeg: typ het aantal, ook als dat 0 is.
