"""Slack: no setting; a workspace leaves Slack's global models only by an owner's email.

There is no switch in Slack. A Workspace or Org Owner, or the Primary Owner, emails
feedback@slack.com with the subject "Slack Global model opt-out request" and the workspace's (or
Enterprise org's) address; Slack confirms by replying. Emails from other members are not acted
on. optout can only prepare the email (`--workspace URL` fills in the address, `--open-mail`
opens it in the mail program); sending it, and keeping Slack's reply, is the owner's part.
"""

from __future__ import annotations

from datetime import date

from optout.flow import EmailRequest, NoSwitch, Source

BODY = """Hello,

I am an owner of the Slack workspace {workspace}. Please opt this workspace out of Slack's \
global models, so that its data is not used to train them.

Please reply to confirm once the opt-out is in place.

Thank you."""

FLOW = NoSwitch(
    slug="slack",
    title="Slack",
    answer="A workspace is opted out of Slack's global models only by email, and Slack confirms "
           "by replying.",
    email=EmailRequest(
        to="feedback@slack.com",
        subject="Slack Global model opt-out request",
        body=BODY,
        sender="a workspace owner or primary owner",
    ),
    sources=(
        Source("no UI; a Workspace/Org Owner or Primary Owner emails feedback@slack.com, subject "
               "'Slack Global model opt-out request', with the workspace/org URL",
               "Slack privacy principles (2024-05); webpronews 2024-05-17"),
        Source("Slack confirms the opt-out by reply email",
               "a public Mastodon post quoting Slack's confirmation (research catalogue §20)"),
    ),
    verified=date(2024, 5, 17),
)
