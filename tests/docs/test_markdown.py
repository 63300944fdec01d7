"""The Markdown reference: README (overview, servers, auth, install, quickstart, queue flow, index) and
one page per operation with its parameter table, examples, curl and Python; output is deterministic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser

from tests.docs.helpers import code_blocks, render_docs

PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")
COLUMNS = ["Name", "In", "Type", "Required", "Default", "Range", "Enum", "Description"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_docs("demo", tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def relay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_docs("relay", tmp_path_factory.mktemp("relay"), service="relay")


def _tree(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(PARSER.render(path.read_text(encoding="utf-8")))


def _table(tree: LexborHTMLParser) -> list[dict[str, str]]:
    table = tree.css_first("table")
    header = [th.text() for th in table.css("thead th")]
    assert header == COLUMNS
    return [dict(zip(header, (td.text() for td in row.css("td")))) for row in table.css("tbody tr")]


def test_readme_sections(demo: Path) -> None:
    readme = (demo / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", readme, re.MULTILINE)
    assert headings == ["Servers", "Authentication", "Install", "Quickstart", "The queue flow", "Operations"]
    assert "图像生成演示服务" in readme
    assert "`https://api.demo.example` | 主线路 (default)" in readme
    assert "`Authorization: Bearer <API key>`" in readme and "`DEMO_API_KEY`" in readme
    assert "pip install ./generated/demo/python" in readme
    assert "client.fal_ai.run(" in readme and "client.fal_ai.submit(" in readme


def test_readme_has_no_queue_flow_without_queued_operations(relay: Path) -> None:
    readme = (relay / "README.md").read_text(encoding="utf-8")
    assert "queue" not in readme.lower()
    assert "`Authorization: Key <API key>`" in readme


def test_index_links_every_operation_page(demo: Path) -> None:
    links = [a.attributes["href"] for a in _tree(demo / "README.md").css("a")]
    pages = sorted(p.relative_to(demo).as_posix() for p in (demo / "operations").glob("*.md"))
    assert len(pages) == 7
    assert sorted({link for link in links if link and link.startswith("operations/")}) == pages


def test_parameter_table(demo: Path) -> None:
    rows = {row["Name"]: row for row in _table(_tree(demo / "operations" / "images_generate.md"))}
    assert list(rows) == ["prompt", "n", "size", "response_format"]
    assert rows["prompt"] == {"Name": "prompt", "In": "body", "Type": "string", "Required": "yes", "Default": "",
                              "Range": "", "Enum": "", "Description": "提示词,描述想要的图片"}
    assert (rows["n"]["Default"], rows["n"]["Range"], rows["n"]["Required"]) == ("1", "1 ≤ x ≤ 4", "no")
    assert rows["size"]["Enum"] == '"1024x1024", "512x512"'
    status = {row["Name"]: row for row in _table(_tree(demo / "operations" / "get_request_status.md"))}
    assert status["request_id"]["In"] == "path" and status["request_id"]["Required"] == "yes"
    assert status["logs"]["In"] == "query" and status["logs"]["Enum"] == "0, 1"
    fal = {row["Name"]: row for row in _table(_tree(demo / "operations" / "submit_model.md"))}
    assert fal["image_urls"]["Type"] == "array of string (uri)"


def test_operation_page_parts(demo: Path) -> None:
    page = (demo / "operations" / "images_generate.md").read_text(encoding="utf-8")
    assert page.startswith("# Generate images\n\n`POST` `/v1/images/generations`\n")
    assert "根据提示词生成图片。" in page
    request, response, *_errors = code_blocks(page, "json")  # then the documented error answers
    assert json.loads(request) == {"prompt": "一只在月球上的猫", "n": 2}
    assert json.loads(response) == {"created": 1700000000, "data": [{"url": "https://cdn.demo.example/cat.png"}]}
    (curl,) = code_blocks(page, "sh")
    assert curl.startswith('curl -sS --fail-with-body -X POST "$DEMO_BASE_URL/v1/images/generations"')
    assert '-H "Authorization: Bearer $DEMO_API_KEY"' in curl
    python, python_async = code_blocks(page, "python")
    assert "client.images.generate(" in python and 'prompt="一只在月球上的猫"' in python
    assert "async with AsyncClient() as client:" in python_async
    assert "result = await client.images.generate(" in python_async and 'prompt="一只在月球上的猫"' in python_async


def test_queue_operation_examples_address_a_submitted_request(demo: Path) -> None:
    page = (demo / "operations" / "cancel_request.md").read_text(encoding="utf-8")
    (curl,) = code_blocks(page, "sh")
    assert curl.startswith("REQUEST_ID=$(curl ")
    assert '"$DEMO_BASE_URL/fal-ai/flux-pro/requests/$REQUEST_ID/cancel"' in curl
    python, python_async = code_blocks(page, "python")
    # one queue API: the queued resource's helper takes the request handle (no `client.queue.cancel_request`)
    assert "ticket = client.fal_ai.submit(" in python and "client.fal_ai.cancel(ticket)\n" in python
    assert "ticket = await client.fal_ai.submit(" in python_async
    assert "await client.fal_ai.cancel(ticket)" in python_async and "client.queue" not in page


def test_output_is_deterministic(tmp_path: Path) -> None:
    first = render_docs("demo", tmp_path / "a", changelog="# Changelog\n\n- one\n")
    second = render_docs("demo", tmp_path / "b", changelog="# Changelog\n\n- one\n")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_bare_spec_states_what_is_missing(tmp_path: Path) -> None:
    out = render_docs("minimal", tmp_path, service="bare")
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "The documentation names no server; set `BARE_BASE_URL`." in readme
    assert "The documentation shows no authentication, so none is sent." in readme
    assert "queue" not in readme.lower()
    page = (out / "operations" / "ping.md").read_text(encoding="utf-8")
    assert "## Parameters\n\nNone.\n" in page and "### 204: No content\n" in page
    (curl,) = code_blocks(page, "sh")
    assert curl == 'curl -sS --fail-with-body -X GET "$BARE_BASE_URL/ping"\n'
    assert "Authorization" not in curl
