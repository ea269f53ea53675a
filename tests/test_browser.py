"""The real app in a real headless Chromium (Debian's; `make browser` installs it)."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from assistant.frontends import ui
from assistant.settings import PROJECT_DIR

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT_DIR / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOSTILE = "<img src=x onerror=alert(1)> <script>alert(2)</script> does baclofen help craving?"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"Debian chromium is not installed at {CHROMIUM} (run `make browser`)",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(corpus_assistant):
    app = ui.build_app(corpus_assistant)
    port = free_port()
    ui.start(app, port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        app.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def test_the_app_in_a_browser(app_url, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    outside: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if r.url.startswith("http")
            and urlsplit(r.url).hostname not in ("127.0.0.1", "localhost")
            else None
        ),
    )
    page.goto(app_url)

    # the banner, the empty state and the example questions
    page.get_by_text("Educational literature assistant, not medical advice.").wait_for(
        timeout=30_000
    )
    page.get_by_text("off-label", exact=True).first.wait_for()
    page.get_by_text("Ask the literature").wait_for()
    page.get_by_text("Student · Does baclofen reduce alcohol craving?").wait_for()

    # a question: notices, cited answer, then the collapsible Sources block
    box = page.locator("#question textarea")
    box.fill("Does baclofen reduce alcohol craving?")
    box.press("Enter")
    page.locator("#chat .ba-cite").first.wait_for(timeout=30_000)
    page.locator("#chat .ba-notice-off_label").first.wait_for()
    sources = page.locator("#chat .thought-group .title", has_text="Sources").last
    sources.wait_for(timeout=30_000)
    sources.click()
    page.locator("#chat .ba-sources").first.wait_for()
    ref = page.locator("#chat .ba-sources li").first
    assert ref.locator(".ba-badge").count() >= 1
    assert page.locator('#chat .ba-sources a[href^="https://pubmed.ncbi.nlm.nih.gov/"]').count()
    assert page.locator("#chat .ba-quote").count() >= 1
    # exports become available once there is an answer
    assert page.get_by_role("button", name="Export Markdown").is_enabled()
    page.locator("#chat .ba-sources").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "ui-answer.png"), full_page=True)

    # hostile markup in a question is shown as text and never runs
    box.fill(HOSTILE)
    box.press("Enter")
    shown = page.locator("#chat .ba-q", has_text="<img src=x onerror=alert(1)>")
    shown.wait_for(timeout=30_000)
    assert "<script>alert(2)</script>" in shown.inner_text()
    page.locator("#chat .ba-answer").nth(1).wait_for(timeout=30_000)
    time.sleep(1)  # give a payload time to fire if it were ever injected
    assert page.locator('#chat img[src="x"]').count() == 0
    assert page.locator("#chat script").count() == 0
    assert dialogs == []

    # the contraindication tab: searchable table with label status and sources
    page.get_by_role("tab", name="Contraindications").click()
    page.locator(".ba-ci h3", has_text="Hypersensitivity").wait_for(timeout=30_000)
    assert page.locator(".ba-status-contraindicated").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "ui-contraindications.png"), full_page=False)
    page.locator("#ci-search textarea, #ci-search input").first.fill("kidney")
    page.locator(".ba-ci h3", has_text="Hypersensitivity").wait_for(
        state="detached", timeout=10_000
    )
    assert page.locator(".ba-ci h3", has_text="Kidney").count() >= 1

    # the library tab: browse and open a record
    page.get_by_role("tab", name="Library").click()
    page.locator("#library-table [data-testid=cell-0-0]").click(timeout=30_000)
    page.locator(".ba-record h2").wait_for(timeout=10_000)
    page.screenshot(path=str(ARTIFACTS / "ui-library.png"), full_page=False)

    assert dialogs == []
    assert outside == [], f"the app made requests outside this machine: {outside[:5]}"
    page.close()
