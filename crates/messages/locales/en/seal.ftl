# Packages, ceremony records and sealed results (crate seal).

## Offices

seal-office-polling-station = polling station { $number }
seal-office-named = { $office } ({ $name })
seal-office-main = main office

## What is wrong with a package

seal-missing-manifest = the manifest ({ $file }) is missing
seal-unreadable-manifest = the manifest ({ $file }) cannot be read: { $detail }
seal-missing-signature = the signature ({ $file }) is missing
seal-unreadable-signature = the signature ({ $file }) cannot be read
seal-bad-signature = the signature is wrong: the manifest was altered, or it was not signed by the authority key { $authority }
seal-wrong-format = a package of another kind or an unknown format: "{ $found }" (expected { $expected })
seal-missing-file = file { $file } is missing
seal-altered-file = file { $file } was altered (its SHA-256 or size differs from the manifest)
seal-unlisted-file = file { $file } does not belong to the package (not in the manifest)
seal-other-election = the package is for election { $found }, not { $expected }
seal-other-office = the package is for { $found }, not { $expected }
seal-problems = { $problems }

## The ceremony record

seal-record-unreadable-signature = the record's signature cannot be read
seal-record-bad-signature = the record's signature is wrong: the record was altered or signed by another key
seal-record-unreadable = the record cannot be read: { $detail }
seal-record-order = the record's steps are out of order ({ $detail })
seal-keys-again = the keys of this ceremony were already made; start a new ceremony for new keys
seal-no-keys = make the keys first (urna ceremony keys)
seal-packages-again = the packages were already made; their passwords are printed, so a second set would leave two valid sheets per office
seal-no-packages = make the packages first (urna ceremony packages)
seal-step-numbering = step { $found } follows step { $previous }: the record was altered
seal-record-format = not a ceremony record of format { $format }

## Why a sealed result is refused

seal-refusal-too-large = the file is larger than any result package ({ $bytes } bytes)
seal-refusal-undecryptable = the file does not decrypt with the central authority's key: altered in transit, or not meant for this central authority
seal-refusal-malformed = the file is not a result package: { $detail }
seal-refusal-unknown-sender = { $office } has no key registered at the ceremony

## Hash codes

seal-hash-invalid-character = a hash code consists of hex digits 0-9 and a-f; character { $position } is "{ $character }"
seal-hash-wrong-length = a hash code has 64 hex digits (16 groups of 4); this one has { $digits }
seal-hash-wrong-group = group { $group } of the hash code does not match: typed "{ $typed }"
seal-hash-mismatch = the file's hash code { $actual } differs from the official hash code { $official }
