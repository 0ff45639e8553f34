"""How long `optout --help` takes, and that playwright and keyring stay unimported.

Run: python bench/help_startup.py [--runs N]. Times N runs of `optout --help` in fresh processes,
installed as a person would have it (the wheel, byte-compiled, in a new virtual environment that
borrows this one's dependencies) and from this development tree (an editable install, whose
import hook costs extra). The floor is an interpreter that only imports Typer. Target on a
2-core machine: 150 ms.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHECK = (
    "import sys, runpy; sys.argv = ['optout', '--help'];\n"
    "try:\n    runpy.run_module('optout', run_name='__main__')\n"
    "except SystemExit:\n    pass\n"
    "print('LOADED', sorted(m for m in ('playwright', 'keyring') if m in sys.modules))"
)


def timed(command: list[str], runs: int) -> str:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return f"median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms"


def installed(workdir: Path) -> Path:
    """The wheel in a fresh venv; returns its `optout` script."""
    quiet = {"check": True, "capture_output": True}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", workdir / "dist", REPO], **quiet)  # type: ignore[call-overload]
    venv = workdir / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], **quiet)  # type: ignore[call-overload]
    python = venv / "bin" / "python"
    wheel = next((workdir / "dist").glob("optout-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
                    "-q", wheel], **quiet)  # type: ignore[call-overload]
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (Path(site) / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    compileall.compile_dir(Path(site) / "optout", quiet=1)
    return venv / "bin" / "optout"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    compileall.compile_dir(REPO / "optout", quiet=1)
    with tempfile.TemporaryDirectory() as workdir:
        script = installed(Path(workdir))
        print(f"optout --help, installed wheel: {timed([str(script), '--help'], runs)}")
    print(f"optout --help, development tree: "
          f"{timed([sys.executable, '-m', 'optout', '--help'], runs)}")
    print(f"python -c 'import typer' (floor): "
          f"{timed([sys.executable, '-c', 'import typer'], runs)}")
    loaded = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                            check=True).stdout.strip().splitlines()[-1]
    print(f"heavy modules imported by --help: {loaded.removeprefix('LOADED ')}")


if __name__ == "__main__":
    main()
