"""index.html in a real browser (headless Chromium via Selenium): loads from file:// without console
errors, has an anchor per operation that the sidebar links scroll to, its search box filters, language
tabs switch every example on the page, copy buttons put the code on the clipboard, code is highlighted
and fields are tables. Saves screenshots (top of the page, one operation) for a human look."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.docs.helpers import SPECS, render_docs

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
SCREENSHOT = SCREENSHOTS / "index.png"


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
                 "--window-size=1440,900", "--allow-file-access-from-files"):
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
    nav = [" ".join(e.text.split()) for e in page.find_elements(By.CSS_SELECTOR, "#nav li[data-op]") if e.is_displayed()]  # type: ignore[attr-defined]
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


def _js(driver: object, script: str, *args: object) -> object:
    return driver.execute_script(script, *args)  # type: ignore[attr-defined]


def test_titles_in_sidebar_and_headings(page: object) -> None:
    from selenium.webdriver.common.by import By

    heading = page.find_element(By.ID, "images_generate-title")  # type: ignore[attr-defined]
    assert heading.text.strip("# ") == "Generate images"
    link = page.find_element(By.CSS_SELECTOR, '#nav a[href="#images_generate"]')  # type: ignore[attr-defined]
    assert " ".join(link.text.split()) == "POST Generate images"


def test_sidebar_link_scrolls_to_its_operation_and_marks_it(page: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    _js(page, "window.scrollTo(0, 0)")
    page.find_element(By.CSS_SELECTOR, '#nav a[href="#cancel_request"]').click()  # type: ignore[attr-defined]
    assert _js(page, "return location.hash") == "#cancel_request"
    top = _js(page, "return document.getElementById('cancel_request').getBoundingClientRect().top")
    assert isinstance(top, (int, float)) and -2 <= top <= 40
    WebDriverWait(page, 5).until(lambda d: "active" in (d.find_element(  # type: ignore[attr-defined]
        By.CSS_SELECTOR, '#nav a[href="#cancel_request"]').get_attribute("class") or ""))


def _panel_text(driver: object, section: str, tab: str) -> str | None:
    """Text of one example panel of a section's first tab group, or None when it is hidden."""
    return _js(driver, "const p = document.querySelector(`#${arguments[0]} .tab-group [data-panel='${arguments[1]}']`);"
               "return p && !p.hidden && p.offsetParent !== null ? "
               "Array.from(p.querySelectorAll('pre code')).map(c => c.textContent).join('\\n') : null;",
               section, tab)  # type: ignore[return-value]


def test_language_tabs_switch_every_example(page: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _js(page, "document.getElementById('images_generate').scrollIntoView()")
    assert "from demo import Client" in (_panel_text(page, "images_generate", "python") or "")
    assert _panel_text(page, "images_generate", "curl") is None
    page.find_element(By.ID, "images_generate-tab-curl").click()  # type: ignore[attr-defined]
    assert _panel_text(page, "images_generate", "python") is None
    assert (_panel_text(page, "images_generate", "curl") or "").startswith("curl -sS")
    assert (_panel_text(page, "models_list", "curl") or "").startswith("curl -sS")  # the choice is page-wide
    assert page.find_element(By.ID, "quickstart-tab-curl").get_attribute("aria-selected") == "true"  # type: ignore[attr-defined]
    tab = page.find_element(By.ID, "images_generate-tab-curl")  # type: ignore[attr-defined]
    tab.send_keys(Keys.ARROW_LEFT)  # keyboard: to the tab on the left, Python async
    text = _panel_text(page, "images_generate", "async") or ""
    assert "async with AsyncClient() as client:" in text and "await client.images.generate(" in text
    page.find_element(By.ID, "images_generate-tab-python").click()  # type: ignore[attr-defined]
    assert _panel_text(page, "cancel_request", "python") is not None


def test_response_tabs_show_one_status_at_a_time(page: object) -> None:
    from selenium.webdriver.common.by import By

    _js(page, "document.getElementById('get_request_status').scrollIntoView()")
    groups = page.find_elements(By.CSS_SELECTOR, "#get_request_status .op-code .tab-group")  # type: ignore[attr-defined]
    responses = groups[-1]
    panels = responses.find_elements(By.CSS_SELECTOR, "[data-panel]")
    # 200 and 202, then the documented error answers (401, 404, ...): one shown at a time
    assert len(panels) >= 2 and [p.is_displayed() for p in panels] == [True] + [False] * (len(panels) - 1)
    assert '"COMPLETED"' in panels[0].text
    responses.find_element(By.CSS_SELECTOR, '[role="tab"][data-tab="r2"]').click()
    assert [p.is_displayed() for p in panels] == [False, True] + [False] * (len(panels) - 2)
    assert '"IN_QUEUE"' in panels[1].text or '"IN_PROGRESS"' in panels[1].text


def test_copy_button_puts_the_code_on_the_clipboard(page: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page.execute_cdp_cmd("Browser.grantPermissions", {  # type: ignore[attr-defined]
        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    _js(page, "document.getElementById('images_generate').scrollIntoView()")
    figure = page.find_element(By.CSS_SELECTOR, "#images_generate [data-panel='python'] figure.code")  # type: ignore[attr-defined]
    code = figure.find_element(By.CSS_SELECTOR, "pre code").get_attribute("textContent")
    button = figure.find_element(By.CSS_SELECTOR, "button.copy")
    button.click()
    WebDriverWait(page, 5).until(lambda _: button.text == "Copied")
    pasted = page.execute_async_script(  # type: ignore[attr-defined]
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, e => done('error: ' + e));")
    assert pasted == code and "client.images.generate(" in pasted
    path = page.find_element(By.CSS_SELECTOR, "#images_generate .endpoint button.copy")  # type: ignore[attr-defined]
    path.click()
    WebDriverWait(page, 5).until(lambda _: path.text == "Copied")
    assert page.execute_async_script(  # type: ignore[attr-defined]
        "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done);"
    ) == "/v1/images/generations"
    flow = page.find_element(By.CSS_SELECTOR, "#queue-flow .prose figure.code")  # type: ignore[attr-defined]
    _js(page, "arguments[0].scrollIntoView()", flow)
    flow.find_element(By.CSS_SELECTOR, "button.copy").click()
    assert page.execute_async_script(  # type: ignore[attr-defined]
        "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done);"
    ) == flow.find_element(By.CSS_SELECTOR, "pre code").get_attribute("textContent")


def test_code_is_highlighted(page: object) -> None:
    colours = _js(page, """
        const code = document.querySelector('#images_generate [data-panel="python"] pre code');
        const keyword = code.querySelector('.kn'), text = code.querySelector('.s2, .s1, .s');
        return [getComputedStyle(code).color, keyword && getComputedStyle(keyword).color,
                text && getComputedStyle(text).color];""")
    assert isinstance(colours, list) and None not in colours
    assert len(set(colours)) == 3  # plain text, keywords and strings each in their own colour


def test_parameter_and_response_fields_are_tables(page: object) -> None:
    rows = _js(page, """
        return Array.from(document.querySelectorAll('#images_generate table.fields')).map(t =>
            Array.from(t.querySelectorAll('tbody tr')).map(r => Array.from(r.cells).map(c => c.innerText.trim())));""")
    assert isinstance(rows, list) and len(rows) >= 2  # request body, then the 200 response
    body = {row[0]: row for row in rows[0]}
    assert body["prompt"][1:3] == ["string", "required"]
    assert "Default 1" in body["n"][3] and "1 ≤ x ≤ 4" in body["n"][3]
    assert '"1024x1024"' in body["size"][3] and "One of" in body["size"][3]
    response = [row[0] for row in rows[1]]
    assert "created" in response and any(name.endswith("url") for name in response)


def test_screenshot(page: object) -> None:
    from PIL import Image

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    _js(page, "window.scrollTo(0, 0)")
    assert page.save_screenshot(str(SCREENSHOT))  # type: ignore[attr-defined]
    _js(page, "document.getElementById('images_generate').scrollIntoView()")
    operation = SCREENSHOTS / "operation.png"
    assert page.save_screenshot(str(operation))  # type: ignore[attr-defined]
    for shot in (SCREENSHOT, operation):
        with Image.open(shot) as image:
            assert image.size[0] >= 1000
            colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
            assert len(colours) > 20  # a rendered page, not a blank one
        print(f"screenshot {shot} {image.size[0]}x{image.size[1]} {shot.stat().st_size} bytes")
