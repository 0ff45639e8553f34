"""The README says what the code does: its platform table, exit codes and CI command."""

from __future__ import annotations

import re
from pathlib import Path

from optout.engine import catalogue, registry
from optout.errors import Exit

REPO = Path(__file__).parent.parent
README = (REPO / "README.md").read_text()


def test_platform_table_is_generated_from_the_flows() -> None:
    table = README.split("<!-- platforms:start")[1].split("-->", 1)[1]
    table = table.split("<!-- platforms:end -->")[0].strip()
    assert table == catalogue.markdown(registry.everything())


def test_every_exit_bit_is_documented() -> None:
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", README, re.M)}
    assert documented == {int(bit) for bit in Exit.__members__.values()}


def test_ci_runs_the_readme_test_command() -> None:
    quick_start = README.split("## Quick start")[1].split("```sh")[1].split("```")[0]
    commands = [line.split("#")[0].strip() for line in quick_start.strip().splitlines()]
    assert commands == ["bash dev.sh demo", "bash dev.sh test"]
    assert "bash dev.sh test" in (REPO / ".ci" / "run").read_text()
