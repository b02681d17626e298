"""The layer direction of DESIGN.md, checked on the source: app → ui → services → domain."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "agent_desktop"

# module prefix → imports it must never make (prefix match on the dotted name)
FORBIDDEN = {
    "agent_desktop.domain": [
        "agent_desktop.services", "agent_desktop.ui", "agent_desktop.simulator", "agent_desktop.app",
        "agent_desktop.headless", "agent_desktop.demo", "PySide6", "qasync", "httpx", "aiohttp",
        "aiocometd_noloop", "asyncio", "keyring", "sqlite3",
    ],
    "agent_desktop.services": [
        "agent_desktop.ui", "agent_desktop.simulator", "agent_desktop.app", "agent_desktop.headless",
        "agent_desktop.demo", "PySide6", "qasync",
    ],
    "agent_desktop.ui": [
        "agent_desktop.simulator", "agent_desktop.app", "agent_desktop.headless", "agent_desktop.demo",
        "agent_desktop.gui",
    ],
    "agent_desktop.headless": ["agent_desktop.ui", "agent_desktop.simulator", "PySide6", "qasync"],
    "agent_desktop.simulator": [
        "agent_desktop.domain", "agent_desktop.services", "agent_desktop.ui", "agent_desktop.app",
        "agent_desktop.headless", "agent_desktop.demo", "agent_desktop.gui", "PySide6", "qasync", "httpx",
        "aiocometd_noloop",
    ],
}


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(source: str, module: str) -> set[str]:
    names: set[str] = set()
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: resolve against the package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                names.add(".".join(base + ([node.module] if node.module else [])))
            elif node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def violations(module: str, source: str) -> list[str]:
    found = []
    for owner, forbidden in FORBIDDEN.items():
        if module == owner or module.startswith(owner + "."):
            for name in imported_names(source, module):
                for bad in forbidden:
                    if name == bad or name.startswith(bad + "."):
                        found.append(f"{module} imports {name} (forbidden: {bad})")
    return found


def test_every_module_respects_the_layer_direction() -> None:
    problems = []
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10, "the package was not found"
    for path in modules:
        problems += violations(module_name(path), path.read_text(encoding="utf-8"))
    assert problems == []


@pytest.mark.parametrize(
    "module, source",
    [
        ("agent_desktop.domain.store", "import PySide6.QtCore"),
        ("agent_desktop.domain.rules", "from agent_desktop.services import wire"),
        ("agent_desktop.services.outbound", "from PySide6 import QtWidgets"),
        ("agent_desktop.simulator.server", "from agent_desktop.domain.records import RecordKey"),
        ("agent_desktop.ui.window", "import agent_desktop.simulator"),
        ("agent_desktop.domain.records", "from ..services import wire"),
    ],
)
def test_the_checker_catches_a_wrong_import(module: str, source: str) -> None:
    assert violations(module, source)


def test_the_checker_allows_the_right_direction() -> None:
    assert violations("agent_desktop.services.wire", "from agent_desktop.domain import records") == []
    assert violations("agent_desktop.app", "from agent_desktop import demo, simulator") == []
