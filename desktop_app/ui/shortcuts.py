"""Every command of the window, its menu and its keys, in one table; Help lists the real QActions.

The claim types' and verdicts' keys come from resources/taxonomy.json, so a desk
that renames or re-keys its taxonomy gets matching menus and help.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence

from desktop_app.core import taxonomy

MENUS = ("File", "Edit", "Claim", "Groups", "View", "Help")


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    keys: tuple[str, ...] = ()
    tip: str = ""
    icon_text: str = ""


def specs() -> list[ActionSpec]:
    out = [
        ActionSpec("new_workspace", "&New workspace\u2026", "File", ("Ctrl+Shift+N",), "Create a workspace file"),
        ActionSpec("open_workspace", "&Open workspace\u2026", "File", ("Ctrl+Shift+O",),
                   "Open a workspace file or a team server"),
        ActionSpec("import_files", "&Import files\u2026", "File", ("Ctrl+O",), "Import articles from files", "Import"),
        ActionSpec("import_url", "Import &URL\u2026", "File", ("Ctrl+L",), "Import an article from a web address", "URL"),
        ActionSpec("paste_article", "&Paste as new article", "File", ("Ctrl+Shift+V",),
                   "Import the text on the clipboard as an article", "Paste"),
        ActionSpec("export", "&Export briefing\u2026", "File", ("Ctrl+E",), "Export a briefing of the articles", "Export"),
        ActionSpec("quit", "&Quit", "File", ("Ctrl+Q",)),
        ActionSpec("undo", "&Undo", "Edit", ("Ctrl+Z",)),
        ActionSpec("redo", "&Redo", "Edit", ("Ctrl+Shift+Z", "Ctrl+Y")),
        ActionSpec("find", "&Find in article\u2026", "Edit", ("Ctrl+F",), "Find words in the article", "Find"),
        ActionSpec("find_next", "Find &next", "Edit", ("F3",)),
        ActionSpec("find_previous", "Find pre&vious", "Edit", ("Shift+F3",)),
        ActionSpec("search_claims", "&Search claims", "Edit", ("Ctrl+Shift+F",), "Search the claim table"),
        ActionSpec("search_articles", "Search &articles", "Edit", ("Ctrl+K",), "Search the article list"),
    ]
    for name, term in taxonomy.types().items():
        out.append(ActionSpec(f"tag_{name}", f"Tag as {term.label.lower()}", "Claim", (term.shortcut,),
                              f"Make the selected text a {term.label.lower()} claim ({term.shortcut})",
                              term.label.replace(" figure", "")))
    for name, term in taxonomy.statuses().items():
        out.append(ActionSpec(f"verdict_{name}", f"Mark {term.label.lower()}\u2026", "Claim", (term.shortcut,),
                              f"Mark the selected claim {term.label.lower()}, with a rationale"))
    out += [
        ActionSpec("add_source", "Add &source\u2026", "Claim", ("Ctrl+Shift+A",), "Add a source to the selected claim"),
        ActionSpec("edit_claim", "&Edit claim", "Claim", ("F2",), "Edit the selected claim's type, fields and note"),
        ActionSpec("delete_claim", "&Delete claim", "Claim", ("Del",), "Delete the selected claim (Ctrl+Z brings it back)"),
        ActionSpec("next_claim", "Ne&xt claim", "Claim", ("Alt+Down",)),
        ActionSpec("previous_claim", "Pre&vious claim", "Claim", ("Alt+Up",)),
        ActionSpec("zoom_in", "Zoom &in", "View", ("Ctrl+=", "Ctrl++")),
        ActionSpec("zoom_out", "Zoom &out", "View", ("Ctrl+-",)),
        ActionSpec("zoom_reset", "&Actual size", "View", ("Ctrl+0",)),
        ActionSpec("shortcuts", "&Keyboard shortcuts", "Help", ("F1", "Ctrl+/")),
        ActionSpec("about", "&About Claimdesk", "Help"),
    ]
    out += [  # suggestions, revisions, team work
        ActionSpec("suggest", "Su&ggest claims", "Claim", ("Ctrl+Shift+S",),
                   "Show the claims the detector finds in the article, to accept or reject", "Suggest"),
        ActionSpec("reattach_claim", "&Re-attach selected claim here", "Claim", ("Ctrl+Shift+R",),
                   "Make the selected claim mark the selected words (after a new revision orphaned it)"),
        ActionSpec("import_new_version", "Import new &version\u2026", "File", (),
                   "Import a newer version of the open article; its claims are found again in the new text"),
        ActionSpec("preferences", "&Preferences\u2026", "Edit", ("Ctrl+,",), "Your name and organisation"),
    ]
    return out


def make_action(parent, spec: ActionSpec) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(f"action_{spec.id}")
    action.setShortcuts([QKeySequence(k) for k in spec.keys])
    action.setProperty("menu", spec.menu)
    action.setProperty("label", spec.text.replace("&", "").rstrip("\u2026"))
    if spec.icon_text:
        action.setIconText(spec.icon_text)
    tip = spec.tip or spec.text.replace("&", "")
    if spec.keys:
        tip += f" ({QKeySequence(spec.keys[0]).toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(spec.tip)
    return action


def rows(actions: Iterable[QAction], extra: Iterable[tuple[str, str, str]] = ()) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action with a shortcut, in menu order: the help table
    (`extra`: keys that lists handle themselves, e.g. Enter and Del in the suggestions)."""
    out = []
    for a in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts() if not k.isEmpty()]
        if not keys:
            continue
        menu = a.property("menu") or "Other"
        label = a.property("label") or a.text().replace("&", "")
        out.append((menu, label, ", ".join(keys)))
    out += extra
    order = {m: i for i, m in enumerate(MENUS)}
    return sorted(out, key=lambda r: order.get(r[0], len(MENUS)))
