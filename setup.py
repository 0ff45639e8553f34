"""Packaging detail pyproject.toml can't say: the saved pages' folders are data, shipped in the
wheel under optout/fixtures. setuptools wants every folder that looks like a package listed."""

from pathlib import Path

from setuptools import setup

PAGES = Path(__file__).parent / "fixtures"
folders = {p.parent.relative_to(PAGES).parts for p in PAGES.rglob("*") if p.is_file()}
nested = {parts[:n] for parts in folders for n in range(1, len(parts) + 1)}
data_packages = sorted(
    "optout.fixtures." + ".".join(parts) for parts in nested if all(p.isidentifier() for p in parts)
)

# The code's parts (see CONTRIBUTING.md), then data: optout/evidence/templates holds the HTML
# report's page.
PARTS = ["optout", "optout.cli", "optout.engine", "optout.evidence", "optout.testing",
         "optout.watch", "optout.web"]
setup(packages=[*PARTS, "optout.flows", "optout.fixtures", "optout.evidence.templates",
                *data_packages])
