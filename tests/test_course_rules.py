#!/usr/bin/env python3
"""The course's rules for every Python file of the repository.

Files: those git tracks plus the new ones it does not ignore, so the
rules hold before a commit too. Each file must start with the shebang
line, end with a newline, be executable, document every module, class
and function, pass pycodestyle and parse as Python 3.9.
"""
import ast
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHEBANG = "#!/usr/bin/env python3"
SKIPPED_FOLDERS = {".git", ".venv", ".venv-latest", "runs", "outputs",
                   "data", "__pycache__", ".pytest_cache"}


def walked_files():
    """Return the .py files under ROOT, outside generated folders."""
    found = []
    for folder, folders, files in os.walk(ROOT):
        folders[:] = sorted(f for f in folders if f not in SKIPPED_FOLDERS)
        found += [os.path.relpath(os.path.join(folder, name), ROOT)
                  for name in files if name.endswith(".py")]
    return found


def python_files():
    """Return the repository's .py files, tracked or new, sorted.

    Falls back on walking the tree where git is unavailable (an export
    of the repository without its .git folder).
    """
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard",
             "--", "*.py"], cwd=ROOT, capture_output=True, text=True,
            check=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return sorted(walked_files())
    return sorted({p for p in listed
                   if p and os.path.isfile(os.path.join(ROOT, p))})


FILES = python_files()


def read(path):
    """Return the text of a repository file."""
    with open(os.path.join(ROOT, path), encoding="utf-8") as stream:
        return stream.read()


def test_the_files_are_found():
    """The listing sees the task modules and these tests."""
    assert "0-simple_gan.py" in FILES
    assert os.path.join("tests", "test_course_rules.py") in FILES


@pytest.mark.parametrize("path", FILES)
def test_shebang_and_final_newline(path):
    """First line exactly the shebang; the file ends with a newline."""
    text = read(path)
    assert text.split("\n", 1)[0] == SHEBANG
    assert text.endswith("\n")


@pytest.mark.parametrize("path", FILES)
def test_executable(path):
    """The file is executable by its owner."""
    assert os.access(os.path.join(ROOT, path), os.X_OK)


@pytest.mark.parametrize("path", FILES)
def test_python_3_9_syntax(path):
    """The file parses with Python 3.9's grammar."""
    ast.parse(read(path), filename=path, feature_version=(3, 9))


def undocumented(tree):
    """Return the names of the module/classes/functions lacking docstrings.

    Nested functions and methods count too.
    """
    missing = [] if ast.get_docstring(tree) else ["<module>"]
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    for node in ast.walk(tree):
        if isinstance(node, kinds) and not ast.get_docstring(node):
            missing.append(f"{node.name} (line {node.lineno})")
    return missing


@pytest.mark.parametrize("path", FILES)
def test_docstrings_everywhere(path):
    """Module, classes, functions and methods all have docstrings."""
    assert undocumented(ast.parse(read(path))) == []


@pytest.fixture(scope="module")
def style_report():
    """pycodestyle's complaints on all files at once, keyed by file."""
    result = subprocess.run(
        [sys.executable, "-m", "pycodestyle", *FILES], cwd=ROOT,
        capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    report = {}
    for line in result.stdout.splitlines():
        report.setdefault(line.split(":", 1)[0], []).append(line)
    return report


@pytest.mark.parametrize("path", FILES)
def test_pycodestyle(path, style_report):
    """pycodestyle (the venv's, 2.11) has nothing to say."""
    assert style_report.get(path, []) == []


def test_undocumented_finds_nested_functions():
    """The docstring check looks inside functions and classes."""
    tree = ast.parse('"""Doc."""\n\nclass A:\n    """Doc."""\n\n'
                     '    def f(self):\n        """Doc."""\n'
                     '        def g():\n            pass\n')
    assert undocumented(tree) == ["g (line 8)"]
