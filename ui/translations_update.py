"""Refresh the translation catalogues after texts change: `python -m ui.translations_update`
(`--qm` compiles them instead, for the installers).

1. The window's texts: pyside6-lupdate over ui/ → resources/translations/meter_journal_ru.ts.
2. The journal's messages for people (errors and warnings written as English sentences in journal/ and
   the services): every sentence-like string or f-string is collected as a template whose placeholders
   are the f-string's expressions → resources/translations/journal_messages_ru.ts, context "journal".
   ui.i18n.translate_message matches a message against these templates at run time.
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
MESSAGE_SOURCES = [ROOT / "journal", ROOT / "desktop_app" / "services", ROOT / "desktop_app" / "receipts",
                   ROOT / "desktop_app" / "portal", ROOT / "desktop_app" / "printing.py",
                   ROOT / "desktop_app" / "price_calculator.py", ROOT / "desktop_app" / "bill_qr.py"]
LANGUAGES = ["ru"]


def template_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            elif isinstance(value, ast.FormattedValue):
                text = ast.unparse(value.value)
                if value.conversion != -1:
                    text += "!" + chr(value.conversion)
                if value.format_spec is not None:
                    text += ":" + "".join(str(v.value) for v in value.format_spec.values  # type: ignore[attr-defined]
                                          if isinstance(v, ast.Constant))
                parts.append("{" + text + "}")
        return "".join(parts)
    return None


LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "log"}
# Functions whose third argument names a field inside their messages ("Please fill in the {label}."): the
# names are collected too, in the context "journal-labels", so the whole sentence reads in one language.
LABEL_FUNCTIONS = {"required_text", "_text", "_account_format", "one_line"}


def is_sentence(text: str) -> bool:
    """Words for a person: three or more, starting with a capital (or a value); progress lines and prefixed
    messages need no final full stop."""
    stripped = text.strip()
    return (
        len(stripped.split()) >= 3
        and (stripped[0].isupper() or stripped.startswith("{"))
        and not stripped.startswith(("SELECT", "INSERT", "UPDATE", "CREATE", "PRAGMA", "WHERE"))
        and "%s" not in stripped
        and "%d" not in stripped
        and "\n" not in stripped
    )


def logged(tree: ast.AST) -> set[int]:
    """Strings handed to logging calls: for the log file, in English, not for people."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LOG_METHODS:
            for arg in node.args:
                found.update(id(n) for n in ast.walk(arg))
    return found


def journal_templates() -> dict[str, str]:
    """template -> 'file:line' of its first occurrence."""
    found: dict[str, str] = {}
    for folder in MESSAGE_SOURCES:
        for path in sorted(folder.rglob("*.py")) if folder.is_dir() else [folder]:
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {id(n.body[0].value) for n in ast.walk(tree)  # type: ignore[attr-defined]
                          if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
                          and n.body and isinstance(n.body[0], ast.Expr)}
            inner = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
            inner |= logged(tree)
            for node in ast.walk(tree):
                if id(node) in docstrings or id(node) in inner or not isinstance(node, ast.Constant | ast.JoinedStr):
                    continue
                template = template_of(node)
                if template and is_sentence(template):
                    found.setdefault(template, f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    return found


def journal_labels() -> dict[str, str]:
    found: dict[str, str] = {}
    for folder in MESSAGE_SOURCES:
        for path in sorted(folder.rglob("*.py")) if folder.is_dir() else [folder]:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or len(node.args) < 3:
                    continue
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                label = node.args[2]
                if name in LABEL_FUNCTIONS and isinstance(label, ast.Constant) and isinstance(label.value, str):
                    found.setdefault(label.value, f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    found.update(code_labels())
    return found


def code_labels() -> dict[str, str]:
    """The codes of plans, zones and categories, which messages name ("plan two-zone, zone day")."""
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
    templates = journal_templates()
    for lang in LANGUAGES:
        print(update_ui_ts(lang))
        print(write_messages_ts(lang, templates, journal_labels()), f"({len(templates)} messages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
