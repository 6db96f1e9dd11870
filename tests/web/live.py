"""A live server and a headless Chromium for the browser tests, the server test and
tools/web_screenshots.py."""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager

import pytest

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")


@contextmanager
def serve_in_thread(app):
    """Serve ``app`` with uvicorn in a thread on a free loopback port; yields the base URL."""
    import uvicorn

    from dyad.web.server import bind, url

    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield url(sock)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def chromium_paths() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def need_chromium() -> tuple[str, str]:
    """Chromium and chromedriver, or skip; in CI (CI=true) their absence is a failure,
    since .ci/run installs them."""
    found = chromium_paths()
    if found is None:
        message = "chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests must run in CI: {message}")
        pytest.skip(message)
    return found


@contextmanager
def chromium(width: int = 1280, height: int = 900, browser: str | None = None, driver: str | None = None):
    """A headless Chromium under selenium, with a fresh profile that is removed after."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if browser is None or driver is None:
        browser, driver = chromium_paths() or (None, None)
    # The browser and driver are given, so selenium's own manager never looks for (or
    # downloads) one; SE_OFFLINE makes sure of it.
    os.environ.setdefault("SE_OFFLINE", "true")
    profile = tempfile.mkdtemp(prefix="dyad-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    d = webdriver.Chrome(options=options, service=Service(driver))
    try:
        yield d
    finally:
        d.quit()
        shutil.rmtree(profile, ignore_errors=True)
