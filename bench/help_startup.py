"""How long `optout --help` takes, and that playwright and keyring stay unimported.

Run: python bench/help_startup.py [--runs N]. Prints the median and worst wall time of N runs
of `python -m optout --help` in fresh processes; the target on a 2-core machine is 150 ms.
optout's modules are byte-compiled first, as pip does when it installs a wheel (a development
machine with PYTHONDONTWRITEBYTECODE set would otherwise recompile them on every run).
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHECK = (
    "import sys, runpy; sys.argv = ['optout', '--help'];\n"
    "try:\n    runpy.run_module('optout', run_name='__main__')\n"
    "except SystemExit:\n    pass\n"
    "print('LOADED', sorted(m for m in ('playwright', 'keyring') if m in sys.modules))"
)


def timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    import optout

    compileall.compile_dir(Path(optout.__file__).parent, quiet=1)
    times = timed([sys.executable, "-m", "optout", "--help"], runs)
    # The floor: an interpreter that only imports Typer, to show what optout itself adds.
    floor = timed([sys.executable, "-c", "import typer"], runs)
    loaded = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                            check=True).stdout.strip().splitlines()[-1]
    print(f"optout --help: median {statistics.median(times):.0f} ms, "
          f"worst {max(times):.0f} ms over {runs} runs")
    print(f"python -c 'import typer': median {statistics.median(floor):.0f} ms")
    print(f"heavy modules imported by --help: {loaded.removeprefix('LOADED ')}")


if __name__ == "__main__":
    main()
