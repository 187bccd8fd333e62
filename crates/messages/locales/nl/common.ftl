# Woorden die overal terugkomen.

## Antwoorden

yes = ja
no = nee
