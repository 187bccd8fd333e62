# The central authority: its keys, the registered elections, the intake of sealed result
# packages and the publication.

central-io = { $path }: { $detail }
central-keys-exist = { $path }: keys exist already; nothing was changed
central-wrong-passphrase = { $path }: the passphrase does not open this file (wrong passphrase, or another person's file)
central-no-publication-key = { $path }: no publication key (made before it existed, or not brought to this computer)
central-publication-key-mismatch = { $path }: does not belong to the locked publication key
central-no-tls-key = these keys have no TLS key (made before the intake over the network existed)
central-no-main-office = the ceremony made no package for the main office (yet)
central-no-main-office-package = { $path }: no main-office package in the ceremony folder
central-manifest-not-in-record = { $path }: is not the manifest of the main office's package the signed record names
central-definition-not-listed = { $path }: is not the definition the package's manifest lists
central-no-area = the election has no area (municipality)
central-registered = { $path }: registered already; nothing was changed
central-foreign-intake-authority = { $path }: is not the certificate authority the signed record names
central-no-elections = no elections registered (urna central register)
central-no-elections-with-certificates = no elections registered with certificates (urna central register)
central-round-needed = the first publication needs --round and --name

## Why a package was refused at the intake

central-unknown-election = election { $election } is not registered with this central authority
central-no-certificate = the connection shows no office certificate
central-stranger-connection = the connection's certificate belongs to no office of election { $election }
central-other-office = the package was signed by { $signed_by } but sent over the connection of { $connection }
central-foreign-definition = the election definition in the package (SHA-256 { $found }) is not the one the ceremony signed (SHA-256 { $expected })
central-no-definition = the election definition in the package (none) is not the one the ceremony signed (SHA-256 { $expected })
