"""The seed services this repository ships (specs/sources/<name>/, generated/<name>/, their goldens).

Tests of seed output name them here rather than listing specs/ or specs/sources/, so a service a user adds
to this repository (better: to a project of their own, `apigen init`) never needs golden files and never
breaks the suite.
"""

SEED_SERVICES = ("aimanyi", "anyfast", "uniapi", "winfull")
