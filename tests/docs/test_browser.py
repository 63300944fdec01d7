"""index.html in a real browser (headless Chromium via Selenium): loads from file:// without console
errors, has an anchor per operation, and its search box filters. Saves a screenshot for a human look."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.docs.helpers import SPECS, render_docs

SCREENSHOT = Path(__file__).resolve().parent / "screenshots" / "index.png"


def _browser_paths() -> tuple[str, str] | None:
    chrome = next(filter(None, (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome"))), None)
    driver = shutil.which("chromedriver")
    return (chrome, driver) if chrome and driver else None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    paths = _browser_paths()
    if paths is None:
        message = "headless Chromium and chromedriver not found (apt-get install chromium chromium-driver)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--allow-file-access-from-files"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=paths[1]), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, browser: object) -> object:
    out = render_docs("demo", tmp_path_factory.mktemp("docs"), changelog="# Changelog\n\n## 1.2.0\n\n- added\n")
    browser.get((out / "index.html").as_uri())  # type: ignore[attr-defined]
    return browser


def _operation_ids() -> list[str]:
    spec = yaml.safe_load((SPECS / "demo.yaml").read_text(encoding="utf-8"))
    return [op["operationId"] for item in spec["paths"].values() for op in item.values() if isinstance(op, dict)]


def _visible_ops(driver: object) -> set[str]:
    script = ("return Array.from(document.querySelectorAll('section.op'))"
              ".filter(s => s.offsetParent !== null).map(s => s.id);")
    return set(driver.execute_script(script))  # type: ignore[attr-defined]


def test_no_console_errors(page: object) -> None:
    logs = page.get_log("browser")  # type: ignore[attr-defined]
    problems = [entry for entry in logs if entry["level"] in ("SEVERE", "WARNING")]
    assert problems == []


def test_every_operation_has_an_anchor_and_nav_link(page: object) -> None:
    from selenium.webdriver.common.by import By

    for operation_id in _operation_ids():
        section = page.find_element(By.ID, operation_id)  # type: ignore[attr-defined]
        assert section.tag_name == "section"
        link = page.find_element(By.CSS_SELECTOR, f'#nav a[href="#{operation_id}"]')  # type: ignore[attr-defined]
        assert link.is_displayed()


def test_search_box_filters_operations(page: object) -> None:
    from selenium.webdriver.common.by import By

    everything = set(_operation_ids())
    assert _visible_ops(page) == everything
    box = page.find_element(By.ID, "search")  # type: ignore[attr-defined]
    box.send_keys("models")
    assert _visible_ops(page) == {"models_list"}
    nav = [e.text for e in page.find_elements(By.CSS_SELECTOR, "#nav li[data-op]") if e.is_displayed()]  # type: ignore[attr-defined]
    assert nav == ["GET List models"]
    box.clear()
    box.send_keys("requests status")  # every word must match: both status operations, nothing else
    assert _visible_ops(page) == {"get_request_status", "stream_request_status"}
    box.clear()
    box.send_keys("no-such-operation")
    assert _visible_ops(page) == set()
    assert page.find_element(By.ID, "no-match").is_displayed()  # type: ignore[attr-defined]
    page.execute_script("const b = document.getElementById('search'); b.value = '';"  # type: ignore[attr-defined]
                        "b.dispatchEvent(new Event('input'));")
    assert _visible_ops(page) == everything
    assert page.find_element(By.ID, "changelog").is_displayed()  # type: ignore[attr-defined]


def test_screenshot(page: object) -> None:
    from PIL import Image

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.execute_script("window.scrollTo(0, 0)")  # type: ignore[attr-defined]
    assert page.save_screenshot(str(SCREENSHOT))  # type: ignore[attr-defined]
    with Image.open(SCREENSHOT) as image:
        assert image.size[0] >= 1000
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
        assert len(colours) > 20  # a rendered page, not a blank one
