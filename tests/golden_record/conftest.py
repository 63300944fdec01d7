"""The recorded output is generated code, not tests: pytest never collects it (a tag named `test_x` would
otherwise make `expected/<case>/python/<package>/resources/test_x.py` a test module)."""

collect_ignore = ["expected"]
