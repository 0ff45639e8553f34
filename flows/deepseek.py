"""DeepSeek: "Improve the model for everyone" (chat.deepseek.com > Settings > Data).

DeepSeek Chat (the website and its apps) trains on conversations by default; the switch, added
in 2025, stops that for what comes after. It deletes nothing, and chats shared before it was
turned off stay in use unless the person emails DeepSeek (privacy@deepseek.com) naming them. Use
of the API platform is not trained on by default, so there is nothing to switch off there. The
service is for people 18 or older; no source says that a region or plan lacks the switch
(users in mainland China are under a separate policy).

The switch lives in a Settings dialog with no address of its own: optout opens the chat, then the
menu behind the three dots by the account's name, Settings, and its Data tab (`prepare_page`).
The engine prepares the page again after the reload that verifies a change.

Sign-in (chat.deepseek.com/sign_in) takes a phone number or email address and a password (or
Google, Apple); pages in Chinese open on an SMS-code form instead, and a CAPTCHA may follow. No
source names a signed-in cookie (the web app keeps its session token in local storage), so a
browser sign-in can't be told finished: store the email and password with `optout login
deepseek`.
"""

from __future__ import annotations

import asyncio
import time
from datetime import date
from typing import TYPE_CHECKING

from optout.errors import FlowBroken
from optout.flow import Find, Flow, Guess, Login, Section, Setting, Source
from optout.locate import Timing, acting_on, exactly_one, section_locator

if TYPE_CHECKING:
    from playwright.async_api import Page

HOME = "https://chat.deepseek.com/"
SETTING_ID = "improve-the-model"
# GUESS (2026-12): the sources say "the three dots by your name" at the foot of the sidebar; the
# button's accessible name is not in them.
ACCOUNT = Find("button", r"^(account|profile)\b")
# GUESS (2026-12): "Settings" is the menu's entry (the sources); that it is a menuitem is not.
SETTINGS_ITEM = Find("menuitem", r"^settings$")
# GUESS (2026-12): the dialog is taken to be a dialog headed "Settings" and its "Data" tab (the
# sources) a tab that says it is selected (aria-selected).
SETTINGS = Section("dialog", r"^settings$")
DATA_TAB = Find("tab", r"^data$")


class DeepSeekFlow(Flow):
    """A plain switch; only the way to it (a menu, a dialog, a tab) needs code."""

    async def prepare_page(self, page: Page, may_change: bool) -> str | None:
        # Opening the dialog changes nothing, so dry runs and checks do it too. Its words are
        # English: on a page in another language the run reports the language instead.
        shown_in = (await page.locator("html").get_attribute("lang") or "en").split("-")[0]
        if shown_in.lower() not in self.languages:
            return None
        timing, url = Timing(), page.url
        dialog = section_locator(page, SETTINGS)
        if not await dialog.count():
            for what, find in (("account menu", ACCOUNT), ("settings", SETTINGS_ITEM)):
                step = f"open '{SETTING_ID}': {what}"
                found = await exactly_one(page, find, step, url, timing)
                async with acting_on(page, step, find.describe()):
                    await found.click()
        step = f"open '{SETTING_ID}': data tab"
        tab = await exactly_one(dialog, DATA_TAB, step, url, timing)
        async with acting_on(page, step, DATA_TAB.describe()):
            if await tab.get_attribute("aria-selected") != "true":
                await tab.click()
            # The dialog is the section: read on another tab, its missing switch would pass for
            # one not offered. So the Data tab must say it is the one shown.
            deadline = time.monotonic() + timing.control
            while await tab.get_attribute("aria-selected") != "true":
                if time.monotonic() >= deadline:
                    raise FlowBroken(step, DATA_TAB.describe(), url, 1,
                                     detail="the Data tab did not become the selected one")
                await asyncio.sleep(timing.poll)
        return None


FLOW = DeepSeekFlow(
    slug="deepseek",
    title="DeepSeek",
    domains=("deepseek.com",),
    # The newest dated source: the sign-in page observed live on 2026-10-06 (mehrangtr/Consilium).
    verified=date(2026, 10, 6),
    login=Login(
        # A signed-out visit to the chat lands here (public scripts check for "sign_in").
        url="https://chat.deepseek.com/sign_in",
        # The names a public Playwright script finds them by on the English page ("Phone number
        # / email address"; ".*" spans the slash and however it is spaced).
        username=Find("textbox", r"phone number.*email address"),
        password=Find("textbox", r"^password$"),
        submit=Find("button", r"^log in$"),
        login_paths=("/sign_in", "/login"),
        # GUESS (2026-12): some versions showed a terms checkbox beside the button (DeeperSeek's
        # selectors); optout doesn't tick it, so where it is required the sign-in stops there and
        # is handed back as unfinished. The refusal wording and any code step are not in the
        # sources either.
        # No signed-in cookie: none is in the sources (the session is a local-storage token).
    ),
    settings=(
        Setting(
            id=SETTING_ID,
            label="Improve the model for everyone",
            url=HOME,
            section=SETTINGS,
            control=Find("toggle", r"improve the model for everyone"),
            # The account button starts the way to the switch, so the chat has landed once it
            # shows; `prepare_page` walks the rest (the menu's Settings, the Data tab) before the
            # switch is read, and again after the reload that verifies a change.
            reveal=ACCOUNT,
            offered_to="to signed-in DeepSeek Chat accounts (the API platform is not trained on "
                       "by default)",
            manual_path="chat.deepseek.com > the three dots by your name (bottom left) > "
                        "Settings > Data > Improve the model for everyone > switch off",
        ),
    ),
    notes="Turning it off covers new chats only: to keep earlier chats out of training, email "
          "DeepSeek (privacy@deepseek.com) naming them. optout signs in with a stored email or "
          "phone number and password (`optout login deepseek`). If DeepSeek shows a CAPTCHA the "
          "sign-in stops there, and with no known signed-in cookie a browser sign-in can't be "
          "taken over either: then switch it off by hand.",
    sources=(
        Source("label \"Improve the model for everyone\", in chat settings > data controls; a "
               "toggle",
               "https://blog.goodlaptops.com/?p=40457 (a copy of Kaspersky's post \"How to use "
               "DeepSeek both privately and securely\", 2025-10-21)"),
        Source("DeepSeek Chat trains on consumer chats by default; turn off the \"Improve the "
               "model for everyone\" toggle in the settings; API platform use is excluded; "
               "users 18+; mainland Chinese users under a separate policy",
               "https://privacygpt.lynicis.dev/company/deepseek"),
        Source("left sidebar > three dots by your name > Settings > Data tab > disable "
               "\"Improve the model for everyone\"; added in 2025; forward-only, earlier chats "
               "by email to privacy@deepseek.com",
               "https://baa-atlas.vercel.app/ai/deepseek (last verified 2026-06-01)"),
        Source("the avatar's menu (bottom left) > Settings opens a pop-up of settings in tabs",
               "https://webini.com.br/como-excluir-uma-conta-deepseek-passo-a-passo"),
        Source("DeepSeek: \"Improve the model for everyone\", chat settings > data controls, "
               "toggle", "platforms-2026-12.md (optout's table of platforms to add)"),
        Source("sign-in at https://chat.deepseek.com/sign_in: textbox \"Phone number / email "
               "address\", textbox \"Password\", button \"Log in\"; a CAPTCHA may follow; "
               "signed out, chat.deepseek.com sends the browser to /sign_in",
               "public Playwright script for DeepSeek Chat (repository not recorded)", live=True),
        Source("the sign-in page shows \"Log in\", \"Log in with Google\" and \"Login with "
               "Apple\" (observed 2026-10-06)", "mehrangtr/Consilium PROGRESS.json", live=True),
        Source("Chinese pages open on an SMS-code form; a password-login button switches form",
               "public agent-browser DeepSeek sign-in helper (repository not recorded)",
               live=True),
        Source("a terms checkbox (ds-checkbox) on the sign-in form; the button a div with "
               "role=button", "ekrem-qb/DeeperSeek DeeperSeek/internal/selectors.py", live=True),
        Source("/login also leads to the sign-in", "public DeepSeek adapters' auth paths "
               "(repositories not recorded)"),
        Source("the web session token is kept in local storage (userToken), not as a named "
               "cookie", "ALeksandr13254/deepseek4free README.md"),
    ),
    guesses=(
        Guess("other", "the account button's accessible name (\"the three dots by your name\" "
                       "in the sources) is not known", SETTING_ID),
        Guess("other", "the menu's \"Settings\" entry is taken to be a menuitem, and the "
                       "dialog's \"Data\" tab a tab with aria-selected", SETTING_ID),
        Guess("section", "the settings pop-up is taken to be a dialog headed \"Settings\"",
              SETTING_ID),
        Guess("login", "a terms checkbox some versions showed on the sign-in form is not "
                       "ticked; the refusal wording and any code step are not in the sources"),
    ),
)
