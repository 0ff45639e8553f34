"""Shell completion for bash, zsh and fish: platform slugs, setting ids, account names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_support import optout


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def completions(home: Path, env: dict[str, str]) -> list[str]:
    # A fresh interpreter: completion is set up when the shell asks, at start.
    result = optout(home=home, env=env, fresh=True)
    assert result.code == 0, result.err
    return result.out.split()


def bash(home: Path, words: str) -> list[str]:
    return completions(home, {"_OPTOUT_COMPLETE": "complete_bash", "COMP_WORDS": words,
                              "COMP_CWORD": str(len(words.split(" ")) - 1)})


def test_bash_completes_platforms_settings_and_accounts(home: Path) -> None:
    assert bash(home, "optout run li") == ["linkedin"]
    assert bash(home, "optout skip linkedin ") == ["generative-ai-training",
                                                   "data-processing-objection"]
    home.mkdir(parents=True)
    (home / "accounts.json").write_text(json.dumps({"linkedin": ["work", "home"],
                                                    "x": ["other"]}))
    assert bash(home, "optout run linkedin --account ") == ["home", "work"]


def test_zsh_and_fish_complete_too(home: Path) -> None:
    zsh = completions(home, {"_OPTOUT_COMPLETE": "complete_zsh",
                             "_TYPER_COMPLETE_ARGS": "optout check g"})
    assert '"gemini"\n"github"\n"grammarly"' in "\n".join(zsh)
    fish = completions(home, {"_OPTOUT_COMPLETE": "complete_fish",
                              "_TYPER_COMPLETE_ARGS": "optout check gi",
                              "_TYPER_COMPLETE_FISH_ACTION": "get-args"})
    assert fish == ["github"]


def test_install_completion_writes_the_shells_script(home: Path, tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    result = optout("--install-completion", "bash", home=home, fresh=True,
                    env={"HOME": str(user), "SHELL": "/bin/bash"})
    assert result.code == 0, result.err
    assert "_optout_completion" in (user / ".bash_completions" / "optout.sh").read_text()
    assert "optout --install-completion" in optout("--help", home=home, fresh=True).out
