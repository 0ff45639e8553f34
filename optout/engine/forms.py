"""Request forms that stand in for a missing switch (an objection): planned, sent once, proven.

A form can't be read back, so the page's own confirmation is the proof and the history is the
memory: a form this account sent before is reported as pending, never sent again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from optout.errors import CredentialsError, OptoutError
from optout.evidence.redact import redact
from optout.flow import Form, Setting
from optout.locate import (
    acting_on,
    exactly_one,
    find_control,
    section_locator,
    settle_count,
    shown_text,
)
from optout.results import Action, SettingResult, SettingState

if TYPE_CHECKING:
    from playwright.async_api import Locator

    from optout.engine.cycle import Cycle


def plan(run: Cycle, setting: Setting) -> SettingResult:
    """A form offered on the page: sent before (the history says), or still to send."""
    try:
        earlier = run.sent_before(setting.id)
    except OptoutError as exc:  # never risk sending twice
        return run.unknown(setting, exc,
                           f"not sent: can't tell whether it was sent before ({exc.message})")
    if earlier is not None:
        at, proof = earlier
        answer = f"; {setting.form.answer}" if setting.form and setting.form.answer else ""
        return run.blank(setting, SettingState.FORM_SUBMITTED,
                           f"sent on {at[:10]}, not sent again{answer} ({proof})")
    if not run.send_forms:
        return run.blank(setting, SettingState.ON, "no request on file; only `optout run "
                           f"{run.flow.slug}` sends one, with text a person approved")
    result = run.blank(setting, SettingState.ON, "no request on file")
    result.action = Action.SEND_FORM
    result.detail = run.objection_text or setting.form.default_text if setting.form else ""
    return result


async def send(run: Cycle, result: SettingResult) -> None:
    """Fill in the request form and send it once; only the page's confirmation counts."""
    setting = run.setting(result.id)
    form = setting.form
    assert form is not None  # only form settings are planned as SEND_FORM
    step = f"send '{setting.id}'"
    found = await run.control_of(setting, "send")
    send = found.control
    if send is None:  # gone since it was read: absence needs its evidence all the same
        gone = await run.not_offered(setting, found.section)
        result.state, result.reason, result.evidence = gone.state, gone.reason, gone.evidence
        result.action = Action.NONE
        return
    section = section_locator(run.page, setting.section)
    text = await exactly_one(section, form.text, f"{step}: text", run.page.url, run.timing)
    await _fill_email(run, setting, form, section, step)
    async with acting_on(run.page, step, "the form"):
        await text.fill(run.objection_text or form.default_text)
        await send.click()
    shown = shown_text(run.page, form.sent)
    if await settle_count(shown, run.timing.change, run.timing.poll):
        proof = redact(" ".join((await shown.first.inner_text()).split()))[:300]
        result.state, result.reason = SettingState.FORM_SUBMITTED, f"the page said: {proof}"
    else:
        result.state = SettingState.DID_NOT_PERSIST
        result.reason = "the form was sent but the page showed no confirmation"

async def _fill_email(run: Cycle, setting: Setting, form: Form, section: Locator,
                      step: str) -> None:
    """The account's email goes in only where the page left the field empty."""
    if form.email is None:
        return
    field = await find_control(section, form.email, f"{step}: email", run.page.url,
                               run.timing)
    if field is None or (await field.input_value()).strip():
        return
    try:
        username = run.credentials().username
    except CredentialsError:
        username = ""
    if "@" not in username:
        raise CredentialsError(
            f"{run.flow.title}'s form asks for the account's email and optout has none.",
            f"Store it with `optout login {run.flow.slug} --account {run.account} "
            "--username EMAIL`, or sign in so the page fills it in.")
    async with acting_on(run.page, f"{step}: email", form.email.describe()):
        await field.fill(username)
