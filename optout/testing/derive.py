"""Variants of a flow's `on` pages, derived in the browser as they load.

Pages optout has never seen differ from its saved ones in a few known ways: the control drawn as
another kind of toggle, the page in the account's own language, a control of a kind the flow
doesn't know beside the right label, the label reworded. Each variant here is a script run in
every page before its own (and again on whatever the page adds later), so every flow's `on`
pages give all four without a copy to keep in step.
"""

from __future__ import annotations

import json
from pathlib import Path

from optout.flow import Flow
from optout.web.replay import Replay

# Runs `change(root)` once the document is there and on every node added afterwards.
FRAME = """(() => {
  const change = %(change)s;
  const start = () => {
    change(document);
    new MutationObserver(records => {
      for (const record of records) {
        if (record.type === 'characterData') change(record.target.parentElement || document);
        for (const node of record.addedNodes) change(node.nodeType === 1 ? node : node.parentElement
          || document);
      }
    }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();"""

# Another kind of toggle: a switch becomes a checkbox and back; a button switch loses its role
# (a button carrying aria-checked).
ROLE_CHANGED = """root => {
  const all = root.querySelectorAll ? root.querySelectorAll(
    '[role=switch],[role=checkbox],input[type=checkbox]') : [];
  for (const el of all) {
    if (el.dataset.derived) continue;
    el.dataset.derived = 'role';
    const input = el instanceof HTMLInputElement;
    const role = el.getAttribute('role');
    if (input && role) el.removeAttribute('role');
    else if (input) el.setAttribute('role', 'switch');
    else if (role === 'switch' && el instanceof HTMLButtonElement) el.removeAttribute('role');
    else el.setAttribute('role', role === 'switch' ? 'checkbox' : 'switch');
  }
}"""

# The page in Traditional Chinese: every Latin word of its text and labels replaced.
OTHER_LANGUAGE = """root => {
  document.documentElement.lang = 'zh-Hant';
  const words = ['設定', '資料', '使用', '模型', '隱私', '帳戶', '改善', '允許', '內容', '關閉'];
  const swap = text => text.replace(/[A-Za-z][A-Za-z'\u2019&.-]*/g,
    word => words[(word.length * 7 + word.charCodeAt(0)) % words.length]);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script,style')) continue;
    const changed = swap(node.textContent);
    if (changed !== node.textContent) node.textContent = changed;
  }
  const labelled = root.querySelectorAll ? root.querySelectorAll(
    '[aria-label],[title],[placeholder],[alt],input[type=submit],input[type=button]') : [];
  for (const el of labelled) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      if (el.hasAttribute(name)) el.setAttribute(name, swap(el.getAttribute(name)));
    }
    if (el instanceof HTMLInputElement && el.value) el.value = swap(el.value);
  }
}"""

# Controls of kinds no flow knows: toggles become radios, selects list boxes, menu and send
# buttons links; their labels stay.
LOOKALIKE = """root => {
  const all = root.querySelectorAll ? root.querySelectorAll(
    '[role=switch],[role=checkbox],input[type=checkbox],select,button[aria-haspopup],'
    + 'button[type=submit],form button:not([type]),[aria-checked],[aria-pressed]') : [];
  for (const el of all) {
    if (el.dataset.derived) continue;
    el.dataset.derived = 'lookalike';
    const toggle = el.matches('[role=switch],[role=checkbox],input[type=checkbox],'
      + '[aria-checked],[aria-pressed]');
    el.setAttribute('role', toggle ? 'radio' : el instanceof HTMLSelectElement ? 'listbox'
      : 'link');
  }
}"""

# Each setting's label reworded past its pattern; anchors, roles and states stay.
REWORDED = """root => {
  const patterns = %(patterns)s.map(source => new RegExp(source, 'i'));
  const norm = text => (text || '').replace(/\\s+/g, ' ').trim();
  const all = root.querySelectorAll ? [root, ...root.querySelectorAll('*')] : [];
  for (const el of all) {
    if (!el.matches || el.matches('script,style')) continue;
    for (const name of ['aria-label', 'title']) {
      const value = el.getAttribute(name);
      if (value && patterns.some(p => p.test(norm(value)))) el.setAttribute(name, 'Renamed item');
    }
    const text = norm(el.textContent);
    if (!patterns.some(p => p.test(text))) continue;
    if (Array.from(el.children).some(child => patterns.some(p => p.test(norm(child.textContent)))))
      continue;  // the words are in a child: reword it there
    const nodes = Array.from(el.childNodes).filter(n => n.nodeType === Node.TEXT_NODE
      && n.textContent.trim());
    nodes.forEach((node, index) => { node.textContent = index ? '' : 'Renamed item'; });
  }
}"""

DERIVED = ("role-changed", "other-language", "lookalike", "reworded")


def _patterns(flow: Flow) -> list[str]:
    found = []
    for setting in flow.settings:
        source = setting.control.pattern().pattern.replace("{target}", ".+?")
        found.append(source.replace("^", "").replace("$", ""))
    return found


def script(flow: Flow, variant: str) -> str:
    change = {"role-changed": ROLE_CHANGED, "other-language": OTHER_LANGUAGE,
              "lookalike": LOOKALIKE,
              "reworded": REWORDED.replace("%(patterns)s", json.dumps(_patterns(flow)))}[variant]
    return FRAME % {"change": change}


def derived(flow: Flow, root: Path, variant: str) -> Replay:
    """The flow's `on` pages under `root`, changed as `variant` says while they load."""
    replay = Replay.open(root)
    replay.scripts.append(script(flow, variant))
    return replay
