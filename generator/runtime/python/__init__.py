"""The SDK runtime as a package of apigen's, so its relative imports resolve for mypy and the tests.

This file is not copied: a generated package has its own `__init__.py`, rendered per service.
"""
