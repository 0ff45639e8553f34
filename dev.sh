#!/usr/bin/env bash
# Set up everything optout needs on a Debian/Ubuntu machine, then run the demo or the tests.
#   bash dev.sh demo   -> a virtual environment in .venv, a browser, then `optout demo`
#   bash dev.sh test   -> the same, then ruff, mypy and the test suite
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")"
what="${1:-}"
case "$what" in demo|test) ;; *) echo "usage: bash dev.sh demo|test" >&2; exit 2 ;; esac

say() { printf '==> %s\n' "$*" >&2; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}
apt_install() {
  command -v apt-get >/dev/null || { say "no apt-get here; install $* by hand"; return 1; }
  [ -n "${apt_updated:-}" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$candidate"; break
  fi
done
[ -n "$python" ] || { say "optout needs Python 3.11 or newer (apt-get install python3)"; exit 1; }

if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $python"
  if ! "$python" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    apt_install "$("$python" -c 'import sys; print(f"python3.{sys.version_info[1]}-venv")')" ||
      apt_install python3-venv
    "$python" -m venv .venv
  fi
fi

stamp=.venv/.optout-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ setup.py -nt "$stamp" ]; then
  say "installing optout and its test tools into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  touch "$stamp"
fi

if ! .venv/bin/python -m optout.web.browser >/dev/null 2>&1; then
  say "no browser found; installing Chromium"
  if grep -qi '^ID=debian' /etc/os-release 2>/dev/null; then
    apt_install chromium || .venv/bin/playwright install chromium
  else
    .venv/bin/playwright install --with-deps chromium || apt_install chromium
  fi
fi
say "browser: $(.venv/bin/python -m optout.web.browser)"

if [ "$what" = demo ]; then
  exec .venv/bin/optout demo
fi
if ! command -v chromium-headless-shell >/dev/null && grep -qi '^ID=debian' /etc/os-release 2>/dev/null; then
  say "installing chromium-headless-shell: the tests' quick browser"
  apt_install chromium-headless-shell || say "no headless shell: tests use the full browser"
fi
if ! command -v Xvfb >/dev/null; then
  say "installing Xvfb: tests hand challenges to a visible browser on a virtual display"
  apt_install xvfb xauth || say "no Xvfb: the handover tests will be skipped"
fi
if ! command -v strace >/dev/null; then
  say "installing strace: a test watches a replayed run's sockets"
  apt_install strace || say "no strace: the sealed-replay test will be skipped"
fi
say "ruff"
.venv/bin/ruff check .
say "mypy"
.venv/bin/mypy
say "pytest"
exec .venv/bin/python -m pytest
