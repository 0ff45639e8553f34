"""The language a page is shown in, and whether a flow can read it.

Signed-in platforms follow the account's language, not the browser's, so a flow's texts (its
names and headings) may not be on the page at all. The page says its language in `<html lang>`;
a flow declares the languages whose texts it carries. Names of languages come from the browser's
own `Intl.DisplayNames`, in that language ("中文"), so nothing here is translated by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from optout.errors import LanguageUnsupported

if TYPE_CHECKING:
    from playwright.async_api import Page

    from optout.flow import Flow, Setting

# `<html lang>`, else the platform's own hint (`<meta http-equiv=content-language>`), and the
# language's name in itself.
LANGUAGE_JS = """() => {
  const meta = document.querySelector('meta[http-equiv="content-language" i]');
  const tag = (document.documentElement.lang || (meta && meta.content) || '').trim();
  let name = '';
  try { name = tag ? new Intl.DisplayNames([tag], {type: 'language'}).of(tag) || '' : ''; }
  catch (failure) { name = ''; }
  return [tag, name];
}"""


@dataclass(frozen=True)
class PageLanguage:
    tag: str  # as the page gives it ("zh-Hant", "en-US"); empty when it says none
    name: str = ""  # the language's own name for itself

    def primary(self) -> str:
        return self.tag.replace("_", "-").split("-", 1)[0].lower()

    def read_by(self, flow: Flow) -> bool:
        """A page that names no language is read as the flow's: its texts decide."""
        return not self.tag or self.primary() in flow.languages

    def describe(self) -> str:
        return f"{self.name} ({self.tag})" if self.name and self.name != self.tag else self.tag


ENGLISH = PageLanguage("")


async def of_page(page: Page) -> PageLanguage:
    from playwright.async_api import Error as PlaywrightError

    try:
        tag, name = await page.evaluate(LANGUAGE_JS)
    except PlaywrightError:
        return ENGLISH  # a page going away: its texts, or their absence, will tell
    return PageLanguage(str(tag)[:35], str(name)[:60])


READS = {"en": "English"}


def unsupported(flow: Flow, setting: Setting, language: PageLanguage) -> LanguageUnsupported:
    """The one line for a setting that needs text on a page in a language the flow can't read."""
    reads = " or ".join(READS.get(code, code) for code in flow.languages)
    where = (f"switch {flow.title}'s display language to {reads} ({flow.language_setting}) and "
             "run again, or" if flow.language_setting else "switch the display language and "
             "run again, or")
    by_hand = setting.manual_path or setting.url
    return LanguageUnsupported(
        f"{flow.title} is shown in {language.describe()}; optout reads its pages in {reads}.",
        f"To check '{setting.label}': {where} look by hand: {by_hand} ({setting.url}).")
