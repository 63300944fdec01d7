"""The mock engine as a package of apigen's, for mypy and the tests; this file is not copied.

The engine is one module (`mock_engine.py`) because the mock folder imports it as a top-level module and
the SDK as `<package>._mock_engine`: only the standard library is imported, never a sibling.
"""
