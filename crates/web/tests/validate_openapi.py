"""Validates an OpenAPI document with openapi-spec-validator (an independent validator, from
PyPI). Exit 0 when valid; 1 with the validator's message when not; 2 when it is missing."""
import json
import sys

try:
    from openapi_spec_validator import validate
except ImportError:
    print("openapi-spec-validator is not installed (scripts/test installs it)")
    sys.exit(2)

with open(sys.argv[1], encoding="utf-8") as f:
    document = json.load(f)
try:
    validate(document)
except Exception as error:  # the validator's own error types
    # The validator's message quotes the whole document; its first lines say what is wrong.
    print(str(error)[:2000])
    sys.exit(1)
