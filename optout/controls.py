"""What a control is, whatever its markup, and how to find, read and change it.

A *toggle* is any of `role=switch`, `role=checkbox`, `<input type=checkbox>` or a button carrying
`aria-checked`/`aria-pressed`; its state comes from that attribute (or the input's `checked`),
never from its text. A *choice* shows its value and offers the others: a native `<select>`, or a
button (a menu button) whose own text is the value and whose click opens a menu.

A setting's control is found in this order: its anchor (a locale-free hook), then its role and
name, then the row that carries its label (the innermost part of the section holding both the
label's text and one control of the setting's kind), so a control with no accessible name of
its own is still found the way a person finds it: by the words beside it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, Protocol

from optout.errors import FlowBroken

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

State = Literal["on", "off"]  # as `optout.flow.State`, which imports this module


class Find(Protocol):
    """What this module reads of a flow's `Find` (the flow module imports this one)."""

    @property
    def role(self) -> str: ...

    @property
    def name(self) -> str: ...

    def pattern(self) -> re.Pattern[str]: ...

    def describe(self) -> str: ...


class Setting(Protocol):
    """What this module reads of a flow's `Setting`."""

    @property
    def id(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def control(self) -> Find: ...

    @property
    def choose(self) -> Find | None: ...

    @property
    def on_option(self) -> str: ...

    @property
    def off_option(self) -> str: ...

    @property
    def strict_role(self) -> str: ...

# Everything a toggle can be, as CSS (rows) and as roles (names).
# An explicit role wins over the element's own (`<input type=checkbox role=radio>` is a radio).
TOGGLE_CSS = ("[role=switch],[role=checkbox],input[type=checkbox]:not([role]),"
              "button[aria-checked]:not([role]),button[aria-pressed]:not([role]),"
              "[role=button][aria-pressed]")
STATEFUL_BUTTON = "[aria-checked],[aria-pressed]"
CHOICE_CSS = ("select:not([role]),[role=combobox],button:not([role]),[role=button],"
              "input[type=button]:not([role])")
MENU_ITEM_ROLES = ("menuitem", "menuitemradio", "menuitemcheckbox", "option")

# A toggle's state from its attributes: 'on', 'off', or '' when it shows none.
STATE_JS = """el => {
  const stated = el.getAttribute('aria-checked');
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    const checked = el.checked ? 'on' : 'off';
    if ((stated === 'true' || stated === 'false') && (stated === 'true') !== el.checked)
      return 'mixed';  // the box and what it tells screen readers disagree
    return checked;
  }
  for (const name of ['aria-checked', 'aria-pressed']) {
    const value = el.getAttribute(name);
    if (value === 'true') return 'on';
    if (value === 'false') return 'off';
  }
  return '';
}"""

# The value a choice shows: a select's chosen option, else the text a person sees on it.
VALUE_JS = """el => {
  if (el instanceof HTMLSelectElement)
    return el.selectedOptions.length ? el.selectedOptions[0].label.trim() : '';
  if (el instanceof HTMLInputElement) return (el.value || '').trim();
  const parts = [];
  const walk = node => {
    if (node.nodeType === Node.TEXT_NODE) { parts.push(node.textContent); return; }
    if (node.nodeType !== Node.ELEMENT_NODE || node.hidden
        || node.getAttribute('aria-hidden') === 'true') return;
    for (const child of node.childNodes) walk(child);
  };
  walk(el);
  return parts.join(' ').replace(/\\s+/g, ' ').trim();
}"""

# Indices (among `css` matches in the scope) of the controls in the innermost rows that carry
# text matching `source`: a row is the smallest ancestor of that text holding any such control.
ROW_JS = """(root, [source, css]) => {
  const pattern = new RegExp(source, 'i');
  const norm = text => (text || '').replace(/\\s+/g, ' ').trim();
  const all = Array.from(root.querySelectorAll(css));
  const labels = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.currentNode; el; el = walker.nextNode()) {
    if (el.hidden || el.closest('[hidden],[aria-hidden=true]')) continue;
    if (!pattern.test(norm(el.textContent))) continue;
    if (Array.from(el.children).some(child => pattern.test(norm(child.textContent)))) continue;
    labels.push(el);
  }
  const found = new Set();
  for (const label of labels) {
    for (let box = label; box; box = box.parentElement) {
      const inside = all.filter(c => box.contains(c) || c.contains(label));
      if (inside.length) { inside.forEach(c => found.add(all.indexOf(c))); break; }
      if (box === root) break;
    }
  }
  return Array.from(found).sort((a, b) => a - b);
}"""


# The first line of an ARIA snapshot: `- role "name" [state]`.
SNAPSHOT_LINE = re.compile(r'^\s*- ([a-z]+)(?: "((?:[^"\\]|\\.)*)")?')


async def accessible_name(element: Locator) -> str:
    """The name a screen reader gives the (first) element, as Playwright computes it."""
    snapshot = await element.first.aria_snapshot()
    match = SNAPSHOT_LINE.match(snapshot.splitlines()[0] if snapshot else "")
    if match and match.group(2):
        return match.group(2).replace('\\"', '"')[:80]
    text = await element.first.evaluate("el => (el.innerText || el.textContent || '').trim()")
    return " ".join(str(text).split())[:80]


HEADINGS = "h1,h2,h3,h4,h5,h6,[role=heading]"
# For a section whose landmark isn't there: [heading index, depth] of the innermost ancestor of
# each heading matching `source` that holds a control (`css`), one per distinct ancestor.
SECTION_JS = """([source, headings, css]) => {
  const pattern = new RegExp(source, 'i');
  const norm = text => (text || '').replace(/\\s+/g, ' ').trim();
  const seen = new Set(), found = [];
  Array.from(document.querySelectorAll(headings)).forEach((heading, index) => {
    if (heading.closest('[hidden],[aria-hidden=true]') || !pattern.test(norm(heading.textContent)))
      return;
    let depth = 0;
    for (let box = heading; box && box !== document.documentElement; box = box.parentElement) {
      if (box.querySelector(css)) {
        if (!seen.has(box)) { seen.add(box); found.push([index, depth]); }
        return;
      }
      depth += 1;
    }
  });
  return found;
}"""


async def sections_by_heading(page: Page, heading: str, css: str) -> list[Locator]:
    """The innermost parts of the page that hold a heading matching `heading` and a control."""
    pattern = re.sub(r"(\\ |\s)+", r"\\s+", heading)
    found: list[list[int]] = await page.evaluate(SECTION_JS, [pattern, HEADINGS, css])
    return [page.locator(HEADINGS).nth(index).locator(f"xpath=ancestor-or-self::*[{depth + 1}]")
            for index, depth in found]


def js_pattern(find: Find) -> str:
    """The name pattern as a JavaScript RegExp source (the flows' patterns use shared syntax)."""
    return find.pattern().pattern


def toggles_named(scope: Page | Locator, find: Find, strict: bool = False) -> Locator:
    """Toggles whose accessible name matches; `strict` keeps to the find's own role."""
    name = find.pattern()
    if strict:
        return scope.get_by_role(find.role, name=name)  # type: ignore[arg-type]
    return (scope.get_by_role("switch", name=name)
            .or_(scope.get_by_role("checkbox", name=name))
            .or_(scope.get_by_role("button", name=name).and_(scope.locator(STATEFUL_BUTTON))))


def choices_named(scope: Page | Locator, find: Find) -> Locator:
    name = find.pattern()
    return scope.get_by_role("combobox", name=name).or_(scope.get_by_role("button", name=name))


def named(scope: Page | Locator, setting: Setting) -> Locator:
    """The setting's control of the right kind whose accessible name matches."""
    if setting.kind == "toggle":
        return toggles_named(scope, setting.control, bool(setting.strict_role))
    if setting.kind == "choice":
        return choices_named(scope, setting.control)
    return scope.get_by_role(setting.control.role, name=setting.control.pattern())  # type: ignore[arg-type]


STRICT_CSS = {"switch": "[role=switch]",
              "checkbox": "[role=checkbox],input[type=checkbox]:not([role])"}


def row_css(setting: Setting) -> str:
    if setting.kind == "toggle":
        return STRICT_CSS.get(setting.control.role, TOGGLE_CSS) if setting.strict_role else (
            TOGGLE_CSS)
    return CHOICE_CSS if setting.kind == "choice" else ""


async def in_rows(scope: Locator, find: Find, css: str) -> list[Locator]:
    """The controls (`css`) in the rows carrying text that matches `find`'s name."""
    if "{target}" in find.name:
        return []
    indices: list[int] = await scope.evaluate(ROW_JS, [js_pattern(find), css])
    found = []
    for index in indices:
        element = scope.locator(css).nth(index)
        own_id = await element.get_attribute("id")
        # By its id where it has one: a menu opening in the section must not shift the index.
        found.append(scope.locator(f'[id="{own_id}"]') if own_id and '"' not in own_id
                     else element)
    return found


async def by_row(scope: Locator, setting: Setting) -> list[Locator]:
    """The controls of the setting's kind in the rows carrying its label's text."""
    css = row_css(setting)
    if not css:
        return []
    pattern = setting.control.pattern()
    kept = []
    for row in await in_rows(scope, setting.control, css):
        value = await shown_value(row) if setting.kind == "choice" else ""
        if setting.kind == "choice" and value_state(setting, value) is None:
            continue  # a row holds other buttons too: the value tells which
        # A control with a name of its own that says otherwise is never this one (a box worded
        # the other way round in the same group); the row speaks only for the unnamed.
        name = await accessible_name(row)
        if not name or pattern.search(name) or (value and value in name):
            kept.append(row)
    return kept


async def showing_values(scope: Locator, setting: Setting) -> list[Locator]:
    """Every control in the scope that shows one of a choice's values."""
    every = scope.locator(CHOICE_CSS)
    return [every.nth(i) for i in range(await every.count())
            if await every.nth(i).is_visible()
            and value_state(setting, await shown_value(every.nth(i))) is not None]


async def is_native_select(control: Locator) -> bool:
    return bool(await control.evaluate("el => el instanceof HTMLSelectElement"))


async def shown_value(control: Locator) -> str:
    return str(await control.evaluate(VALUE_JS))


def value_state(setting: Setting, value: str) -> State | None:
    """A choice's value as a state: off, on, or None when it is neither (a page not understood)."""
    if re.search(setting.off_option, value, re.IGNORECASE):
        return "off"
    if not setting.on_option or re.search(setting.on_option, value, re.IGNORECASE):
        return "on"
    return None


async def read_state(page: Page, setting: Setting, control: Locator) -> State:
    """The control's state from what it carries; a control showing none is a broken flow."""
    step = f"read '{setting.id}'"
    if setting.kind == "choice":
        value = await shown_value(control)
        state = value_state(setting, value)
        if state is None:
            raise FlowBroken(step, setting.control.describe(), page.url, 1,
                             detail=f"the control shows '{value[:60]}', which is neither "
                                    f"/{setting.on_option}/ nor /{setting.off_option}/")
        return state
    found = await control.evaluate(STATE_JS)
    if found == "mixed":
        raise FlowBroken(step, setting.control.describe(), page.url, 1,
                         detail="the toggle's checked state and its aria-checked disagree, so "
                                "whether it is on can't be told")
    if found not in ("on", "off"):
        raise FlowBroken(step, setting.control.describe(), page.url, 1,
                         detail="the toggle carries no on/off state (checked, aria-checked or "
                                "aria-pressed)")
    return "on" if found == "on" else "off"


def menu_items(page: Page, find: Find) -> Locator:
    """Visible items of an open menu or list box, whichever role the platform gives them."""
    name = find.pattern()
    found = page.get_by_role(MENU_ITEM_ROLES[0], name=name)  # type: ignore[arg-type]
    for role in MENU_ITEM_ROLES[1:]:
        found = found.or_(page.get_by_role(role, name=name))  # type: ignore[arg-type]
    return found.filter(visible=True)


async def select_off_option(page: Page, setting: Setting, control: Locator) -> None:
    """A native select: choose the one option that means off."""
    labels = [" ".join(text.split()) for text in
              await control.locator("option").all_text_contents()]
    pattern = (setting.choose.name if setting.choose else setting.off_option)
    matching = [label for label in labels if re.search(pattern, label, re.IGNORECASE)]
    if len(matching) != 1:
        raise FlowBroken(f"change '{setting.id}'", f"option /{pattern}/", page.url, len(matching))
    await control.select_option(label=matching[0])
