"""Refresh the translation catalogues after texts change: `python -m ui.translations_update`
(`--qm` compiles them instead, for the installers).

1. The window's texts: pyside6-lupdate over ui/ → resources/translations/meter_journal_ru.ts.
2. The journal's and the services' messages for people: the template of every `msg("...")` call (its first
   argument, which must be a string literal) → resources/translations/journal_messages_ru.ts, context "journal";
   the names of fields inside them, `Label("...")`, → context "journal-labels". ui.i18n.render looks a message's
   template up there.
Existing translations are kept; new texts arrive as unfinished for a translator (Qt Linguist).
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.i18n import qt_tool

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
MESSAGE_SOURCES = [ROOT / "journal", ROOT / "desktop_app"]
LANGUAGES = ["ru"]


MESSAGE_CALLS = {"msg": "journal", "Label": "journal-labels"}  # function → the catalogue's context


class NotALiteral(ValueError):
    """A msg() or Label() whose text is not a string literal: no catalogue could hold it."""


def sources() -> list[Path]:
    files: list[Path] = []
    for folder in MESSAGE_SOURCES:
        files += sorted(p for p in folder.rglob("*.py") if "migrations" not in p.parts) if folder.is_dir() else [folder]
    return files


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"  # type: ignore[attr-defined]


def message_calls(path: Path) -> dict[str, dict[str, str]]:
    """context -> {template: 'file:line'} of the msg() and Label() calls in `path`."""
    found: dict[str, dict[str, str]] = {context: {} for context in MESSAGE_CALLS.values()}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in MESSAGE_CALLS:
            continue
        first = node.args[0] if node.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            raise NotALiteral(f"{_where(path, node)}: the text of {name}() must be a string literal, so that it can be "
                              "translated; put the varying parts in its values")
        found[MESSAGE_CALLS[name]].setdefault(first.value, _where(path, node))
    return found


def journal_messages() -> dict[str, dict[str, str]]:
    """context -> {template: 'file:line' of its first occurrence}, over every source of messages."""
    found: dict[str, dict[str, str]] = {context: {} for context in MESSAGE_CALLS.values()}
    for path in sources():
        for context, entries in message_calls(path).items():
            for template, where in entries.items():
                found[context].setdefault(template, where)
    for code, where in code_labels().items():
        found["journal-labels"].setdefault(code, where)
    return found


def journal_templates() -> dict[str, str]:
    return journal_messages()["journal"]


def journal_labels() -> dict[str, str]:
    return journal_messages()["journal-labels"]


def code_labels() -> dict[str, str]:
    """The codes of plans, zones and categories, which messages name within a sentence ("plan two-zone, zone day")."""
    from journal.zones import ConsumerCategory, TariffPlan, Zone

    path = ROOT / "journal" / "zones.py"
    lines = path.read_text(encoding="utf-8").splitlines()
    found: dict[str, str] = {}
    for member in (*TariffPlan, *Zone, *ConsumerCategory):
        line = next(number for number, text in enumerate(lines, start=1) if f'"{member.value}"' in text)
        found.setdefault(member.value, f"{path.relative_to(ROOT).as_posix()}:{line}")
    return found


def write_messages_ts(lang: str, templates: dict[str, str], labels: dict[str, str] | None = None) -> Path:
    path = TRANSLATIONS / f"journal_messages_{lang}.ts"
    existing: dict[str, str] = {}
    if path.is_file():
        for message in ET.parse(path).getroot().iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "unfinished":
                existing[message.findtext("source", "")] = translation.text
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="en")
    for name, entries in (("journal", templates), ("journal-labels", labels or {})):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for template in sorted(entries):
            message = ET.SubElement(context, "message")
            filename, line = entries[template].rsplit(":", 1)
            ET.SubElement(message, "location", filename=filename, line=line)
            ET.SubElement(message, "source").text = template
            translation = ET.SubElement(message, "translation")
            if template in existing:
                translation.text = existing[template]
            else:
                translation.set("type", "unfinished")
    ET.indent(root)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode")
                    + "\n", encoding="utf-8")
    return path


def update_ui_ts(lang: str) -> Path:
    target = TRANSLATIONS / f"meter_journal_{lang}.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([str(qt_tool("lupdate")), "-silent", "-locations", "relative", "-no-obsolete",
                    "-source-language", "en", "-target-language", lang, *sources, "-ts", str(target)],
                   check=True, cwd=ROOT)
    _write_in_one_layout(target)
    return target


def _write_in_one_layout(path: Path) -> None:
    """lupdate's own indentation differs from the one the committed catalogues use (ElementTree's, as for the
    journal's messages): rewrite it, so that running this tool changes only the lines whose texts changed."""
    root = ET.fromstring(path.read_bytes())
    ET.indent(root)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode")
                    + "\n", encoding="utf-8")


def build_qm() -> list[Path]:
    """Compile every .ts into a .qm beside it, for frozen bundles (a source tree compiles on first use)."""
    built = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> int:
    if "--qm" in sys.argv[1:]:
        for qm in build_qm():
            print(qm)
        return 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    messages = journal_messages()
    templates = messages["journal"]
    for lang in LANGUAGES:
        print(update_ui_ts(lang))
        print(write_messages_ts(lang, templates, messages["journal-labels"]), f"({len(templates)} messages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
