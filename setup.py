"""Package layout that pyproject.toml cannot say statically: templates/ shipped inside the wheel.

The templates live at the top of the repository (templates/, where users read and override them) and ship
inside the wheel and sdist as the data package `generator._templates`: one tree in git, mapped at build
time. Every folder of templates/ is listed as a package of its own so that setuptools neither warns about
data folders nor leaves them out, whatever folders are added later. Everything else is in pyproject.toml.
"""

from pathlib import Path

from setuptools import find_packages, setup

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE_PACKAGES = ["generator._templates"] + sorted(
    "generator._templates." + ".".join(folder.relative_to(TEMPLATES).parts)
    for folder in TEMPLATES.rglob("*")
    if folder.is_dir() and folder.name != "__pycache__"
)

setup(
    packages=find_packages(include=["generator", "generator.*"]) + TEMPLATE_PACKAGES,
    package_dir={"generator._templates": "templates"},
    package_data={package: ["*"] for package in TEMPLATE_PACKAGES},
    exclude_package_data={package: ["*.pyc"] for package in TEMPLATE_PACKAGES},
)
