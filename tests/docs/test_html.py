"""index.html: one self-contained page (no external assets) with the same content as the Markdown, and
the API changelog shown in both outputs when the service has one."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser

from tests.docs.helpers import render_docs

CHANGELOG = """# Changelog

## 0.2.0 (2026-01-02)

### Breaking
- `images_generate`: parameter `size` removed <script>alert("log")</script>

### Added
- `models_list`
"""


@pytest.fixture(scope="module")
def with_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_docs("demo", tmp_path_factory.mktemp("log"), changelog=CHANGELOG)


@pytest.fixture(scope="module")
def without_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_docs("demo", tmp_path_factory.mktemp("nolog"))


def _html(folder: Path) -> LexborHTMLParser:
    return LexborHTMLParser((folder / "index.html").read_text(encoding="utf-8"))


def test_self_contained(with_log: Path) -> None:
    tree = _html(with_log)
    assert tree.css("link[rel=stylesheet]") == [] and tree.css("script[src]") == [] and tree.css("img") == []
    assert tree.css("iframe") == [] and len(tree.css("style")) == 1
    for node in tree.css("[src], link[href]"):
        assert (node.attributes.get("src") or node.attributes.get("href") or "").startswith("data:")
    assert "@import" not in tree.css_first("style").text() and "url(" not in tree.css_first("style").text()


def test_same_content_as_markdown(with_log: Path) -> None:
    tree = _html(with_log)
    sections = {s.id: s for s in tree.css("section.op")}
    pages = sorted(p.stem for p in (with_log / "operations").glob("*.md"))
    assert sorted(sections) == pages
    assert [a.attributes["href"] for a in tree.css("#nav li[data-op] a")] == [f"#{s}" for s in sections]
    generate = sections["images_generate"]
    assert "根据提示词生成图片。" in generate.text()
    header = [th.text() for th in generate.css("thead th")]
    assert header[:4] == ["Name", "Type", "Required", "Description"]  # body fields, then response fields
    markdown = (with_log / "operations" / "images_generate.md").read_text(encoding="utf-8")
    for code in (c.text() for c in generate.css("pre code")):
        assert code.rstrip("\n") in markdown  # every example is the Markdown one, byte for byte
    assert tree.css_first("#search") is not None
    queue = tree.css_first("#queue-flow")
    assert [a.attributes["href"] for a in queue.css(".prose ol a")] == [
        "#get_request_status", "#stream_request_status", "#get_request_result", "#cancel_request"]


def test_changelog_in_both_outputs(with_log: Path) -> None:
    readme = (with_log / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Changelog\n", 1)[1]
    assert "#### 0.2.0 (2026-01-02)" in section and "##### Breaking" in section
    assert "- `models_list`" in section
    shown = LexborHTMLParser(MarkdownIt("commonmark", {"html": True}).render(section))  # as GitHub would
    assert shown.css("script") == [] and '<script>alert("log")</script>' in shown.body.text()
    log = _html(with_log).css_first("#changelog")
    assert [h.text() for h in log.css("h3")] == ["0.2.0 (2026-01-02)"]
    assert [h.text() for h in log.css("h4")] == ["Breaking", "Added"]
    items = [li.text() for li in log.css("li")]
    assert items[0] == 'images_generate: parameter size removed <script>alert("log")</script>'
    assert log.css("script") == [] and log.css("code")
    assert _html(with_log).css_first('#nav a[href="#changelog"]') is not None


def test_no_changelog_section_without_one(without_log: Path) -> None:
    assert "Changelog" not in (without_log / "README.md").read_text(encoding="utf-8")
    tree = _html(without_log)
    assert tree.css_first("#changelog") is None and tree.css_first('#nav a[href="#changelog"]') is None
