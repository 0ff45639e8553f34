"""Platforms with nothing to switch off: the honest one-line answer, or the email to send.

Some platforms have no AI-training control at all (they say they don't train, or give no
choice); one takes opt-outs only by email from a workspace owner. `optout run` says so instead of
leaving a person to search, and for an email prepares it (and can open it in the mail program).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from optout.errors import OptoutError, UsageError
from optout.flow import EmailRequest, NoSwitch

PLACEHOLDER = "<your workspace address, e.g. https://your-team.slack.com>"


def workspace_address(text: str | None, request: EmailRequest) -> str:
    """The workspace address as typed, checked to be one of the platform's https addresses."""
    if text is None:
        return PLACEHOLDER
    typed = text.strip()
    # A bare host ("acme.slack.com") is how people often copy it: it means the https address.
    parts = urlsplit(typed if "://" in typed else f"https://{typed}")
    host = (parts.hostname or "").lower()
    domain = request.to.split("@", 1)[1].lower()
    if parts.scheme != "https" or not host.endswith("." + domain) or parts.username:
        raise UsageError(f"--workspace '{typed}' is not a workspace's https address on "
                         f"{domain}.",
                         f"Give it as it shows in your browser, e.g. https://your-team.{domain}.")
    return f"https://{host}"  # the workspace itself: no path, query or port carried along


def email_text(request: EmailRequest, workspace: str) -> str:
    return request.body.replace("{workspace}", workspace)


def mailto(request: EmailRequest, workspace: str) -> str:
    body = email_text(request, workspace)
    return f"mailto:{request.to}?subject={quote(request.subject)}&body={quote(body)}"


def lines(answer: NoSwitch, workspace: str | None) -> list[str]:
    """What `optout run` prints for a platform with nothing to switch off."""
    if answer.email is None:
        nearest = f" Nearest page: {answer.nearest}" if answer.nearest else ""
        said = f"{answer.title}: nothing optout can switch off on the web."
        return [f"{said} {answer.answer}{nearest}"]
    request = answer.email
    address = workspace_address(workspace, request)
    shown = [f"{answer.title}: no setting to switch off. {answer.answer}",
             f"Only {request.sender} can send it:", "",
             f"  To:      {request.to}", f"  Subject: {request.subject}", ""]
    shown += [f"  {line}" if line else "" for line in email_text(request, address).splitlines()]
    if workspace is None:
        shown += ["", "Add --workspace URL to fill in your workspace's address, and --open-mail "
                      "to open the email in your mail program."]
    return shown


def as_dict(answer: NoSwitch, workspace: str | None) -> dict[str, Any]:
    document: dict[str, Any] = {"platform": answer.slug, "answer": answer.answer,
                                "nearest": answer.nearest or None, "email": None}
    if answer.email is not None:
        address = workspace_address(workspace, answer.email)
        document["email"] = {"to": answer.email.to, "subject": answer.email.subject,
                             "body": email_text(answer.email, address),
                             "sender": answer.email.sender,
                             # None: the body holds a placeholder to replace before sending.
                             "workspace": None if workspace is None else address}
    return document


def check_options(answer: NoSwitch, workspace: str | None, opening: bool) -> None:
    """Email options on a platform without an email, or half of them, are mistakes to say."""
    if answer.email is None and (workspace is not None or opening):
        raise UsageError(f"{answer.title} takes no email; --workspace and --open-mail do "
                         "nothing there.")
    if answer.email is not None:
        workspace_address(workspace, answer.email)
    if opening and workspace is None:
        raise UsageError("--open-mail needs --workspace URL, so the email is complete.")


def open_mail(answer: NoSwitch, workspace: str | None) -> str:
    """Hand the prepared email to the desktop's mail program; what was opened, for the log."""
    import webbrowser

    check_options(answer, workspace, True)
    assert answer.email is not None and workspace is not None
    link = mailto(answer.email, workspace_address(workspace, answer.email))
    if not webbrowser.open(link):
        raise OptoutError("No mail program could be opened.",
                         "Copy the email above into your mail program instead.")
    return re.sub(r"\?.*", "", link)
