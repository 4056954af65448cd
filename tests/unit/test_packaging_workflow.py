"""The installers workflow (hosted CI, not run here): a structural check of its YAML and
that each OS builds, smoke-tests and uploads. No YAML parser is a dependency, so the
check reads the file's indentation; PyYAML, when installed, parses it as well."""

from __future__ import annotations

import importlib.util
import re

from tests.unit.test_packaging_support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"


def lines() -> list[str]:
    return WORKFLOW.read_text(encoding="utf-8").splitlines()


def top_level_keys() -> list[str]:
    return [m.group(1) for line in lines() if (m := re.match(r"^([A-Za-z_-]+):", line))]


def step_names() -> list[str]:
    return [m.group(1) for line in lines() if (m := re.match(r"^\s+- name: (.+)$", line))]


def test_yaml_shape() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "\t" not in text
    assert text.endswith("\n")
    for number, line in enumerate(lines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        assert indent % 2 == 0, f"line {number}: odd indentation"
        assert line == line.rstrip(), f"line {number}: trailing space"
    assert top_level_keys() == ["name", "on", "permissions", "jobs"]
    if importlib.util.find_spec("yaml") is not None:  # a real parse, where PyYAML is around
        import yaml

        data = yaml.safe_load(text)
        assert len(data["jobs"]["installers"]["strategy"]["matrix"]["os"]) == 3


def test_runs_on_each_os_with_python_311() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    matrix = re.search(r"os: \[(.+)\]", text)
    assert matrix is not None
    oses = [name.strip() for name in matrix.group(1).split(",")]
    assert [name.split("-")[0] for name in oses] == ["ubuntu", "windows", "macos"]
    assert 'python-version: "3.11"' in text


def test_builds_smoke_tests_and_uploads() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "run: python packaging/build.py" in text
    assert "bash .ci/package --no-build" in text  # Linux: bundle + installed .deb
    assert text.count("--self-test") >= 3  # Windows bundle + installed, macOS .app
    assert "actions/upload-artifact@" in text
    assert "if-no-files-found: error" in text
    for pattern in ("dist/*.deb", "dist/*.tar.gz", "dist/*-setup.exe", "dist/*.dmg"):
        assert pattern in text
    names = step_names()
    assert {"Smoke test (Linux)", "Smoke test (Windows)", "Smoke test (macOS)"} <= set(names)
