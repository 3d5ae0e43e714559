#!/usr/bin/env python3
"""The README tells the truth about the files and commands it shows."""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(ROOT, "README.md"), encoding="utf8") as stream:
    README = stream.read()
with open(os.path.join(ROOT, "Makefile"), encoding="utf8") as stream:
    TARGETS = set(re.findall(r"^([a-z][\w-]*):", stream.read(), re.M))


def local_links():
    """Return the targets of the README's links and images, not URLs."""
    targets = re.findall(r"\]\(([^)\s#]+)", README)
    targets += re.findall(r'<img src="([^"]+)"', README)
    return [t for t in targets if not re.match(r"[a-z]+:", t)]


def test_readme_links_and_images_exist():
    """Every linked file or image is in the repository."""
    links = local_links()
    assert links, "the README links no file at all"
    missing = [t for t in links if not os.path.exists(os.path.join(ROOT, t))]
    assert not missing


def test_readme_shows_figures():
    """The course text is illustrated by committed figures."""
    images = [t for t in local_links() if t.endswith((".png", ".gif"))]
    assert len(images) >= 15


def test_make_commands_exist():
    """Every `make X` the README shows is a target of the Makefile."""
    shown = set(re.findall(r"(?:`|^)make ([a-z][\w-]*)", README, re.M))
    assert {"demo", "test", "test-latest"} <= shown
    assert shown <= TARGETS, shown - TARGETS


def test_python_modules_and_scripts_exist():
    """Every `python -m gantools.X` and `python path.py` shown exists."""
    modules = re.findall(r"python -m (gantools\.\w+)", README)
    scripts = re.findall(r"(?:python|\./)\s*([\w/.-]+\.py)", README)
    assert modules and scripts
    for module in modules:
        path = os.path.join(ROOT, *module.split(".")) + ".py"
        assert os.path.isfile(path), module
    for script in scripts:
        assert os.path.isfile(os.path.join(ROOT, script)), script
