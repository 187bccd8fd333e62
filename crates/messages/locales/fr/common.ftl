# Mots utilisés partout.

## Réponses

yes = oui
no = non
