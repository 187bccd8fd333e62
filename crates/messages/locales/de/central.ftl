# The central authority: its keys, the registered elections, the intake of sealed result
# packages and the publication.

central-io = { $path }: { $detail }
central-keys-exist = { $path }: die Schlüssel existieren bereits; es wurde nichts geändert
central-wrong-passphrase = { $path }: die Passphrase öffnet diese Datei nicht (falsche Passphrase oder Datei einer anderen Person)
central-no-publication-key = { $path }: kein Veröffentlichungsschlüssel (erstellt, bevor es ihn gab, oder nicht auf diesen Rechner gebracht)
central-publication-key-mismatch = { $path }: gehört nicht zum gesperrten Veröffentlichungsschlüssel
central-no-tls-key = diese Schlüssel haben keinen TLS-Schlüssel (erstellt, bevor es den Empfang über das Netz gab)
central-no-main-office = die Zeremonie hat (noch) kein Paket für den Hauptwahlvorstand erstellt
central-no-main-office-package = { $path }: kein Paket des Hauptwahlvorstands im Zeremonieordner
central-manifest-not-in-record = { $path }: ist nicht das Manifest des Pakets des Hauptwahlvorstands, das das signierte Protokoll nennt
central-definition-not-listed = { $path }: ist nicht die Definition, die das Manifest des Pakets aufführt
central-no-area = die Wahl hat kein Gebiet (Gemeinde)
central-registered = { $path }: bereits registriert; es wurde nichts geändert
central-foreign-intake-authority = { $path }: ist nicht die Zertifizierungsstelle, die das signierte Protokoll nennt
central-no-elections = keine Wahlen registriert (urna central register)
central-no-elections-with-certificates = keine Wahlen mit Zertifikaten registriert (urna central register)
central-round-needed = die erste Veröffentlichung braucht --round und --name

## Why a package was refused at the intake

central-unknown-election = die Wahl { $election } ist bei dieser Zentralbehörde nicht registriert
central-no-certificate = die Verbindung zeigt kein Zertifikat eines Wahlbüros
central-stranger-connection = das Zertifikat der Verbindung gehört zu keinem Wahlbüro der Wahl { $election }
central-other-office = das Paket wurde von { $signed_by } signiert, aber über die Verbindung von { $connection } gesendet
central-foreign-definition = die Wahldefinition im Paket (SHA-256 { $found }) ist nicht die, welche die Zeremonie signiert hat (SHA-256 { $expected })
central-no-definition = die Wahldefinition im Paket (keine) ist nicht die, welche die Zeremonie signiert hat (SHA-256 { $expected })
