"""How the window app starts (docs/performance.md, "Start-up"): what is imported when, the
garbage collector paused for the start-up, and the network stack imported by two threads."""

from __future__ import annotations

import argparse
import ast
import gc
import json
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from agent_desktop import app, logs

GUI_SOURCE = Path(app.__file__).with_name("gui.py")
STARTUP_IMPORTS_SOURCE = Path(app.__file__).with_name("startup_imports.py")


def modules_after(code: str, *, before: str = "") -> set[str]:
    """The modules a fresh interpreter loads running ``code``, after ``before`` has run."""
    probe = (f"import sys\n{before}\nloaded = set(sys.modules)\n{code}\n"
             "new = sorted(set(sys.modules) - loaded)\nimport json\nprint(json.dumps(new))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out))


def test_the_entry_module_loads_almost_nothing_before_the_demo_simulator_starts():
    # app.main starts the demo's simulator process before anything heavy is imported.
    loaded = modules_after("import agent_desktop.app, agent_desktop.demo")
    heavy = {"asyncio", "logging", "dataclasses", "json", "agent_desktop.logs", "PySide6", "httpx", "aiohttp"}
    assert loaded & heavy == set()


def _imports_of(tree: ast.Module, *, until: str | None = None) -> list[str]:
    """The module's top-level imports (not ``__future__``), up to the statement that calls ``until``."""
    imports = []
    for node in tree.body:
        if until is not None and isinstance(node, ast.Expr) and until in ast.unparse(node):
            break
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            if not (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
                imports.append(ast.unparse(node))
    return imports


def _gui_constants() -> tuple[str, dict[str, tuple[str, ...]]]:
    """What is imported before the two halves start (gui.py's imports before it calls
    ``network_stack_before_qt``, and startup_imports.py's own), and the three tuples of names."""
    gui_tree = ast.parse(GUI_SOURCE.read_text(encoding="utf-8"))
    tree = ast.parse(STARTUP_IMPORTS_SOURCE.read_text(encoding="utf-8"))
    before = _imports_of(gui_tree, until="network_stack_before_qt") + _imports_of(tree)
    names = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in ("_SHARED_BY_BOTH_HALVES", "_AIOHTTP_HALF", "_THIS_THREADS_HALF"):
                names[node.targets[0].id] = ast.literal_eval(node.value)
    return "\n".join(before), names


def test_the_two_threads_importing_the_network_stack_never_import_the_same_module():
    # Two threads importing the same modules at once can deadlock (Python then fails one
    # import): every module both halves need must be in the list imported before they start.
    before, names = _gui_constants()
    before += "\n" + "\n".join(f"import {name}" for name in names["_SHARED_BY_BOTH_HALVES"])
    halves = [modules_after("\n".join(f"import {name}" for name in names[half]), before=before)
              for half in ("_AIOHTTP_HALF", "_THIS_THREADS_HALF")]
    assert "aiohttp" in halves[0] and "httpx" in halves[1]
    assert halves[0] & halves[1] == set()


def test_the_window_pauses_the_garbage_collector_for_its_start_up(monkeypatch):
    from agent_desktop import gui

    seen = {}

    def fake_main_gui(args: argparse.Namespace) -> int:
        seen.update(enabled=gc.isenabled(), paused=args.startup_gc_paused)
        return 0

    monkeypatch.setattr(gui, "main_gui", fake_main_gui)
    gc.enable()  # as a fresh interpreter has it (a test before may have left it off)
    try:
        assert app.main([]) == 0
    finally:
        gc.enable()
    assert seen == {"enabled": False, "paused": True}


def test_the_end_of_the_start_up_freezes_what_it_made_and_collects_again():
    from agent_desktop import gui

    args = argparse.Namespace(startup_gc_paused=True)
    gc.disable()
    try:
        gui._end_of_startup(args)
        assert gc.isenabled() and gc.get_freeze_count() > 0 and not args.startup_gc_paused
        gc.disable()
        gui._end_of_startup(args)  # once only: the collector stays as the app left it
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_collector_paused_by_someone_else_is_left_alone():
    from agent_desktop import gui

    gc.disable()
    try:
        gui._end_of_startup(argparse.Namespace(startup_gc_paused=False))
        gui._end_of_startup(argparse.Namespace())  # main_gui called without app.main
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_the_start_up_banner_starts_no_process(monkeypatch):
    # platform.platform() runs "uname -p" and reads the Python binary; the banner must not.
    def no_process(*args, **kwargs):
        raise AssertionError("the banner started a process")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    banner = logs.startup_banner()
    assert platform.system() in banner and platform.release() in banner
