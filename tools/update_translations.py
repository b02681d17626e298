"""Refresh the translation sources from the code, then compile them.

    python tools/update_translations.py          # lupdate (keeps existing translations) + lrelease
    python tools/update_translations.py --check  # exit 1 if a text is new, unfinished or a .qm is stale

Texts are found in ``self.tr(...)``, ``QCoreApplication.translate(...)`` and
``QT_TRANSLATE_NOOP(...)`` calls (the layers below the UI mark theirs with
``agent_desktop.texts.QT_TRANSLATE_NOOP``). Translators edit the ``.ts`` files (Qt Linguist or
any XML editor); the compiled ``.qm`` files are committed so nothing is compiled at run time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "agent_desktop"
FOLDER = PACKAGE / "resources" / "translations"
LANGUAGES = ("en", "es")


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    if not Path(found).exists():
        raise SystemExit(f"pyside6-{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    skip = ("simulator",)
    return sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py") if not set(p.parts) & set(skip))


def ts_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"agent_desktop_{language}.ts"


def lupdate(folder: Path) -> None:
    for language in LANGUAGES:
        subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-source-language", "en",
                        "-target-language", language, *sources(), "-ts", str(ts_path(language, folder))],
                       cwd=ROOT, check=True)


def lrelease(folder: Path, out: Path) -> None:
    for language in LANGUAGES:
        subprocess.run([tool("lrelease"), "-silent", str(ts_path(language, folder)),
                        "-qm", str(out / f"agent_desktop_{language}.qm")], check=True)


def problems(folder: Path) -> list[str]:
    """Messages without a finished translation (English counts as translated by its source)."""
    found = []
    for language in LANGUAGES:
        if language == "en":
            continue
        tree = ET.parse(ts_path(language, folder))
        for context in tree.getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
                text = translation.text if translation is not None else None
                unfinished = translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")
                if unfinished or not (text or any(forms)):
                    found.append(f"{language}: [{name}] {message.findtext('source')!r}")
    return found


def check() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for language in LANGUAGES:
            shutil.copy(ts_path(language), work)
        lupdate(work)
        stale = [str(ts_path(lang).name) for lang in LANGUAGES
                 if ts_path(lang, work).read_bytes() != ts_path(lang).read_bytes()]
        missing = problems(work)
        lrelease(FOLDER, work)
        old_qm = [f"agent_desktop_{lang}.qm" for lang in LANGUAGES
                  if (work / f"agent_desktop_{lang}.qm").read_bytes() != (FOLDER / f"agent_desktop_{lang}.qm").read_bytes()]
    for line in missing:
        print("untranslated:", line)
    for name in stale:
        print("out of date with the code (run tools/update_translations.py):", name)
    for name in old_qm:
        print("not compiled from its .ts (run tools/update_translations.py):", name)
    return 1 if missing or stale or old_qm else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        return check()
    FOLDER.mkdir(parents=True, exist_ok=True)
    lupdate(FOLDER)
    lrelease(FOLDER, FOLDER)
    for line in problems(FOLDER):
        print("untranslated:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
