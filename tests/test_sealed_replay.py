"""A replayed run sends nothing off the machine, whatever the saved pages' scripts do.

Saved pages come from bug reports. Their scripts are given every path round Playwright's request
routes (WebRTC's UDP, mDNS, preconnects, WebSockets, workers, IP literals) while strace watches
every socket call of the browser and its children: nothing may leave loopback.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cli_support import FIXTURES, HEADLESS_SHELL, optout
from optout.errors import BrowserNotFound
from optout.testing.browser import run_alone
from optout.web.browser import choose_executable, launch, new_context, system_candidates
from optout.web.replay import Replay

if TYPE_CHECKING:
    from playwright.async_api import Route

HOSTILE = Path(__file__).parent / "pages" / "hostile"
SETTINGS = Path("www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement.html")
LABEL = "Use my data for training content creation AI models"
STRACE = shutil.which("strace")

# The calls that put anything on a wire: connecting, and sending on a socket. --seccomp-bpf
# stops the browser only at these (twice as fast); -yy names each socket's kind and endpoints.
TRACED = "connect,sendto,sendmsg,sendmmsg,write,writev"
OPTIONS = ("-f", "--seccomp-bpf", "-qq", "-yy", "-e", f"trace={TRACED}")
# One traced call: the call, its socket's kind and endpoints (strace -yy), its arguments.
CALL = re.compile(r"^\d+\s+(connect|sendto|sendmsg|sendmmsg|write|writev)\(\d+"
                  r"(?:<([\w-]+):\[(.*?)\]>)?")
# Every IPv4/IPv6 socket address in the arguments (sendmmsg may carry several).
SOCKADDR = re.compile(r'sa_family=AF_INET6?, sin6?_port=htons\(\d+\).*?'
                      r'(?:inet_addr|inet_pton)\((?:AF_INET6, )?"([^"]+)"')


def off_machine(address: str) -> bool:
    """Anything but loopback leaves: 0.0.0.0, multicast (mDNS's 224.0.0.251), the LAN."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_loopback


def peer(endpoints: str) -> str | None:
    """The far end strace -yy shows for a connected socket: `a:1->b:2`, `[::1]:1->[::2]:2`."""
    if "->" not in endpoints:
        return None
    return endpoints.split("->", 1)[1].rsplit(":", 1)[0].strip("[]")


def traced(log: str) -> Iterator[tuple[str, str, list[str], str]]:
    """Each call on an IPv4/IPv6 socket or to such an address: call, socket kind, addresses
    (given in the call, or the far end the socket is connected to), the line."""
    for line in log.splitlines():
        call = CALL.match(line)
        if call is None:
            continue
        kind = call.group(2) or ""
        addresses = SOCKADDR.findall(line)
        far = peer(call.group(3) or "")
        if far is not None and kind.startswith(("TCP", "UDP")):
            addresses.append(far)
        if addresses:
            yield call.group(1), kind, addresses, line


def leaks(log: str) -> list[str]:
    """The traced calls that reach past loopback: every datagram or byte sent, every TCP
    connection. connect() on a UDP socket sends nothing (Chromium asks the kernel which route
    would reach 8.8.8.8 or 2001:4860:4860::8888 this way); a datagram later sent on that socket
    still counts, as strace names the socket's far end."""
    found = []
    for call, kind, addresses, line in traced(log):
        if call == "connect" and kind.startswith("UDP"):
            continue
        if any(off_machine(a) for a in addresses):
            found.append(line[:220])
    return found


def loopback_seen(log: str) -> bool:
    return any(call == "connect" and not any(off_machine(a) for a in addresses)
               for call, _kind, addresses, _line in traced(log))


def assert_sealed(log: str) -> None:
    leaked = leaks(log)
    assert not leaked, f"{len(leaked)} socket calls left loopback:\n" + "\n".join(leaked[:40])
    # The page's workers knock on 127.0.0.1: without that, the browser's sockets went unwatched.
    assert loopback_seen(log), "the trace shows no loopback connection: the browser went untraced"


@pytest.fixture(scope="module")
def strace() -> str:
    if STRACE is None:
        pytest.skip("strace is not installed (bash dev.sh test installs it)")
    probe = subprocess.run([STRACE, *OPTIONS, "-o", os.devnull, "true"],
                           capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"strace cannot trace here (ptrace refused?): {probe.stderr.strip()}")
    return STRACE


def traced_browser(strace: str, browser: str, folder: Path) -> tuple[Path, Path]:
    """A script that runs `browser` under strace, for OPTOUT_BROWSER; and the log it writes."""
    log = folder / "strace.log"
    wrapper = folder / "traced-browser"
    wrapper.write_text(f'#!/bin/sh\nexec "{strace}" {" ".join(OPTIONS)} -o "{log}" '
                       f'"{browser}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return wrapper, log


def hostile_copy(folder: Path) -> Path:
    """LinkedIn's saved pages, the settings page carrying the hostile script."""
    shutil.copytree(FIXTURES / "linkedin" / "on", folder)
    shutil.copytree(HOSTILE, folder, dirs_exist_ok=True)
    page = folder / SETTINGS
    html = page.read_text(encoding="utf-8")
    html = html.replace("<head>", '<head>\n<meta name="optout-replay" content="scripted">\n'
                        '<link rel="preconnect" href="https://203.0.113.7">\n'
                        '<link rel="dns-prefetch" href="//outside.example">', 1)
    html = html.replace("</body>", '<script src="https://www.linkedin.com/hostile.js"></script>\n'
                        "</body>", 1)
    page.write_text(html, encoding="utf-8")
    return folder


def quick_or_found() -> str:
    """The browser the other tests' runs use: the headless shell, else the product's choice."""
    if HEADLESS_SHELL:
        return HEADLESS_SHELL
    try:
        found = choose_executable(None)
    except BrowserNotFound as exc:
        pytest.skip(exc.one_line())
    assert found is not None
    return found


def test_a_replayed_run_sends_nothing_off_the_machine(strace: str, tmp_path: Path) -> None:
    wrapper, log = traced_browser(strace, quick_or_found(), tmp_path)
    folder = hostile_copy(tmp_path / "replay")

    done = optout("check", "linkedin", "--replay", str(folder), home=tmp_path / "home",
                  env={"OPTOUT_BROWSER": str(wrapper)})

    # The flow read the setting, so the page's section came back: the hostile script ran.
    assert re.search(rf"\bON\s+{re.escape(LABEL)}", done.out), done.out + done.err
    assert_sealed(log.read_text(errors="replace"))


def browsers() -> list[pytest.ParameterSet]:
    # The two read different WebRTC switches (see OFFLINE_ARGS): each is checked.
    system = next((str(p) for p in system_candidates() if os.access(p, os.X_OK)), None)
    return [pytest.param(HEADLESS_SHELL, id="headless-shell"),
            pytest.param(system, id="system-browser")]


@pytest.mark.parametrize("browser", browsers())
def test_the_offline_browser_alone_holds_every_packet(
    strace: str, browser: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No replay memory, no WebRTC removal, no WebSocket route: the launch flags are the seal."""
    if browser is None:
        pytest.skip("this kind of browser is not installed")
    wrapper, log = traced_browser(strace, browser, tmp_path)
    monkeypatch.setenv("OPTOUT_BROWSER", str(wrapper))
    saved = Replay.open(hostile_copy(tmp_path / "replay"))

    async def run() -> str:
        async with launch(offline=True) as started:
            context = await new_context(started)

            async def serve(route: Route) -> None:
                found = saved.file_for(route.request.url)
                if found is None or found.suffix == ".redirect":
                    await route.abort("blockedbyclient")
                else:
                    await route.fulfill(body=found.read_bytes(), content_type=(
                        "text/javascript" if found.suffix == ".js" else "text/html"))

            await context.route("**/*", serve)
            page = await context.new_page()
            await page.goto("https://www.linkedin.com/mypreferences/d/settings/"
                            "data-for-ai-improvement")
            await page.wait_for_selector("#main", state="attached", timeout=10_000)
            return str(await page.evaluate("document.body.dataset.hostile"))

    tried = run_alone(run()).split()
    # WebRTC really ran: the peers made their offers and gathered (nothing took it away).
    assert {"rtc", "rtc:done", "iframe-rtc:done", "websocket", "section"} <= set(tried), tried
    assert_sealed(log.read_text(errors="replace"))
