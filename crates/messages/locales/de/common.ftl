# Überall verwendete Wörter.

## Antworten

yes = ja
no = nein
