"""How fast `optout check` reads every browser flow from saved pages, against one process each.

Run: python bench/check_speed.py [--rounds N]. Builds one replay folder from every flow's
`fixtures/PLATFORM/on`, then alternates, N times, `optout check P1 P2 ... --replay MERGED` (one
process) and `optout check P --replay fixtures/P/on` for each platform (one process each), so both
see the same machine load. Prints both medians, their ratio, one platform alone, and the peak
memory of the one-process check (PSS, browser processes included), then `optout --help` against
an interpreter that only imports Typer, alternately too. Targets (2 cores): all flows in at most
6 s and at least 6x faster than one process each; one platform at most 1.5 s; at most 600 MiB;
`--help` at most 1.2x the Typer import.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
ONE = "x"  # the single-platform figure


def browser_flows() -> list[str]:
    sys.path.insert(0, str(REPO))
    from optout.engine import registry
    from optout.flow import Flow

    return [f.slug for f in registry.everything()
            if isinstance(f, Flow) and (FIXTURES / f.slug / "on").is_dir()]


def merged(slugs: list[str], into: Path) -> Path:
    for slug in slugs:
        shutil.copytree(FIXTURES / slug / "on", into, dirs_exist_ok=True)
    return into


def environment(home: Path) -> dict[str, str]:
    # The browser is the one optout finds by itself (a headless shell where there is one).
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPTOUT_")}
    return env | {"OPTOUT_HOME": str(home)}


def tree_pss(root: int) -> int:
    """Proportional set size of `root` and all its descendants, in bytes (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def timed(argv: list[str], home: Path, peak: list[int] | None = None) -> float:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "optout", *argv], env=environment(home),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if peak is not None:
        def sample() -> None:
            while process.poll() is None:
                peak.append(tree_pss(process.pid))
                time.sleep(0.05)
        watcher = threading.Thread(target=sample, daemon=True)
        watcher.start()
    process.wait()
    return time.perf_counter() - start


def quick(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *argv], env=environment(Path(tempfile.gettempdir())),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def help_against_typer(runs: int) -> tuple[float, float]:
    """Medians of `optout --help` and of `import typer`, run alternately in fresh processes."""
    helps, typers = [], []
    for _ in range(runs):
        helps.append(quick(["-m", "optout", "--help"]))
        typers.append(quick(["-c", "import typer"]))
    return statistics.median(helps), statistics.median(typers)


def compiled() -> None:
    """Bytecode for optout and its flows, as an installed optout has: pip compiles at install,
    while a checkout run with PYTHONDONTWRITEBYTECODE would compile every module at every start."""
    import compileall

    for folder in ("optout", "flows"):
        compileall.compile_dir(REPO / folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--help-runs", type=int, default=21)
    arguments = parser.parse_args()
    rounds = arguments.rounds
    compiled()
    slugs = browser_flows()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        folder = merged(slugs, work / "merged")
        together, apart, alone, peak = [], [], [], [0]
        for n in range(rounds):
            together.append(timed(["check", *slugs, "--replay", str(folder)], work / f"a{n}",
                                  peak))
            apart.append(sum(timed(["check", slug, "--replay", str(FIXTURES / slug / "on")],
                                   work / f"b{n}-{slug}") for slug in slugs))
            alone.append(timed(["check", ONE, "--replay", str(FIXTURES / ONE / "on")],
                               work / f"c{n}"))
    helped, typer = help_against_typer(arguments.help_runs)
    one, each = statistics.median(together), statistics.median(apart)
    print(f"{len(slugs)} browser flows, {rounds} rounds, {os.cpu_count()} cores")
    print(f"one process, all flows:  median {one:.1f} s (target <= 6 s)")
    print(f"one process per flow:    median {each:.1f} s")
    print(f"ratio:                   {each / one:.1f}x (target >= 6x)")
    print(f"one platform ({ONE}):       median {statistics.median(alone):.2f} s "
          "(target <= 1.5 s)")
    print(f"peak PSS, all flows:     {max(peak) / 2**20:.0f} MiB (target <= 600 MiB)")
    print(f"optout --help:           median {helped * 1000:.0f} ms, import typer "
          f"{typer * 1000:.0f} ms: {helped / typer:.2f}x (target <= 1.2x)")


if __name__ == "__main__":
    main()
