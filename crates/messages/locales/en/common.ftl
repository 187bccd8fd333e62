# Words used everywhere.

## Answers

yes = yes
no = no
