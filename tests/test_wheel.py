"""The built wheel works on its own: flows and saved pages inside `optout`, no top-level `flows`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent


def sh(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build from the files a clone would have, outside the work tree."""
    source = tmp_path_factory.mktemp("source")
    listed = sh("git", "ls-files", "--cached", "--others", "--exclude-standard", cwd=REPO)
    for name in listed.splitlines():
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
       "-w", out, source, cwd=source)
    return next(out.glob("optout-*.whl"))


def test_wheel_holds_flows_and_pages_inside_the_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "optout/flows/linkedin.py" in names
    assert ("optout/fixtures/linkedin/on/www.linkedin.com/mypreferences/d/settings/"
            "data-for-ai-improvement.html") in names
    tops = {name.split("/")[0] for name in names} - {"optout"}
    assert len(tops) == 1 and tops.pop().endswith(".dist-info")  # no `flows`, no `fixtures`


def test_wheel_ships_every_saved_file(wheel: Path) -> None:
    """Redirects and endpoints too, or a replay from an installed optout behaves differently."""
    names = set(zipfile.ZipFile(wheel).namelist())
    listed = sh("git", "ls-files", "--cached", "--others", "--exclude-standard", "fixtures",
                cwd=REPO).splitlines()
    missing = [name for name in listed if "optout/" + name not in names]
    assert listed and not missing


def test_installed_wheel_runs_platforms_and_demo(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    sh(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    sh(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel,
       cwd=tmp_path)
    # Dependencies come from this environment's site-packages, read after the new venv's own.
    clean_site = Path(sh(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                         cwd=tmp_path).strip())
    (clean_site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "OPTOUT_HOME")}
    env["OPTOUT_HOME"] = str(tmp_path / "home")
    listing = sh(venv / "bin" / "optout", "platforms", cwd=tmp_path, env=env)
    assert "Use my data for training content creation AI models" in listing
    where = sh(python, "-c", "import optout; print(optout.__file__)", cwd=tmp_path, env=env)
    assert where.startswith(str(venv))
    no_flows = subprocess.run([python, "-c", "import flows"], cwd=tmp_path, env=env,
                              capture_output=True, check=False)
    assert no_flows.returncode != 0
    demo = sh(venv / "bin" / "optout", "demo", cwd=tmp_path, env=env)
    assert "read back off after a reload" in demo and str(venv) in demo
