"""Screenshots of the web view for the README and docs/WEB.md: docs/img/web-*.png.

    .venv/bin/python tools/web_screenshots.py

Codes examples/corpus into a temporary store, serves it on a free loopback port, and
drives headless Chromium (Debian's chromium and chromium-driver) through each page.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))

from live import chromium, chromium_paths, serve_in_thread  # noqa: E402

OUT = ROOT / "docs" / "img"


def main() -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from dyad import api

    if chromium_paths() is None:
        sys.exit("needs chromium and chromedriver: apt-get install -y chromium chromium-driver")
    seed = ROOT.parent / "shared" / "seed" / "article.txt"
    story, date = (seed.read_text(encoding="utf-8"), "2015-10-15") if seed.exists() else \
        ((ROOT / "examples" / "wire_story.txt").read_text(encoding="utf-8"), "2024-05-14")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "news.duckdb"
        api.code_into(db, api.read_paths([str(ROOT / "examples" / "corpus")]))
        with serve_in_thread(api.web_app(db)) as base, chromium(1280, 1000) as d:
            def status(contains):
                WebDriverWait(d, 60).until(EC.text_to_be_present_in_element((By.ID, "status"), contains))
                time.sleep(0.5)  # charts and layout settle

            def shot(name):
                d.save_screenshot(str(OUT / f"web-{name}.png"))
                print(f"wrote docs/img/web-{name}.png")

            d.get(base + "/")
            d.execute_script("document.getElementById('text').value = arguments[0];"
                             "document.getElementById('date').value = arguments[1];", story, date)
            d.find_element(By.ID, "code-button").click()
            status("events found")
            d.find_element(By.XPATH, "//button[text()='Explain']").click()
            d.execute_script("document.getElementById('story').scrollTop = 330;"
                             "document.getElementById('result').scrollIntoView()")
            shot("code")
            d.get(base + "/events?source=USA&sort=goldstein")
            status("match")
            shot("events")
            d.get(base + "/events?sort=num_mentions&desc=true")
            status("match")
            d.find_element(By.CSS_SELECTOR, "#events tbody tr a").click()
            WebDriverWait(d, 30).until(EC.text_to_be_present_in_element((By.ID, "mentions-heading"), "("))
            shot("event")
            d.get(base + "/dyad?a=USA&b=RUS")
            status("per month")
            d.execute_script("document.getElementById('status').scrollIntoView()")
            shot("dyad")
            d.get(base + "/network")
            status("edges between")
            d.execute_script("document.getElementById('status').scrollIntoView()")
            shot("network")


if __name__ == "__main__":
    main()
