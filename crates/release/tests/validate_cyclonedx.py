"""Validates a CycloneDX 1.5 JSON document with the CycloneDX project's own library (an
independent validator: cyclonedx-python-lib with its bundled schemas, strict mode).
Exit 0 when valid; 1 with the validator's message when not; 2 when the library is missing."""
import sys

try:
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator
except ImportError:
    print("cyclonedx-python-lib[json-validation] is not installed (scripts/test installs it)")
    sys.exit(2)

with open(sys.argv[1], encoding="utf-8") as f:
    error = JsonStrictValidator(SchemaVersion.V1_5).validate_str(f.read())
if error is not None:
    print(error)
    sys.exit(1)
