"""The pages in headless Chromium (selenium): what an analyst does with them, with the
keyboard where it matters. Skipped when chromium and chromedriver are missing, except in
CI (CI=true), where .ci/run installs them and their absence fails."""
import json

import pytest

from conftest import shared_file
from live import chromium, need_chromium, serve_in_thread

pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def base(app):
    with serve_in_thread(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    paths = need_chromium()
    with chromium(1280, 900, *paths) as d:
        yield d


def wait(browser, seconds=60):
    return WebDriverWait(browser, seconds)


def status_text(browser, contains: str) -> str:
    wait(browser).until(EC.text_to_be_present_in_element((By.ID, "status"), contains))
    return browser.find_element(By.ID, "status").text


def paste(browser, text: str) -> None:
    """Put ``text`` into the story box as a paste would (typing 5,000 characters key by
    key would only make the test slow)."""
    box = browser.find_element(By.ID, "text")
    browser.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                           box, text)


def test_code_page_marks_the_seed_story_and_explains_each_event(browser, base):
    from dyad import api

    text = shared_file("seed", "article.txt").read_text(encoding="utf-8")
    expected = api.code_text(text, "2015-10-15")
    browser.get(base + "/")
    paste(browser, text)
    browser.execute_script("document.getElementById('date').value = '2015-10-15'")
    browser.find_element(By.ID, "text").send_keys(Keys.CONTROL, Keys.ENTER)  # the keyboard way to code it
    assert status_text(browser, "events found").startswith(f"{len(expected)} events found")
    rows = browser.find_elements(By.CSS_SELECTOR, "#events tbody tr[data-event]")
    assert len(rows) == len(expected) >= 6
    for row, e in zip(rows, expected):
        cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
        assert cells[1].startswith(e.source) and cells[2].startswith(e.cameo) and e.rule in cells[8]
    triggers = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#story mark.trig")]
    assert {e.evidence["trigger_text"] for e in expected} <= set(triggers)
    sources = " ".join(m.text for m in browser.find_elements(By.CSS_SELECTOR, "#story mark.src"))
    assert all(e.source_text.split()[-1] in sources for e in expected)
    assert browser.find_element(By.ID, "story").text.replace("\n", "") == text.replace("\n", "")
    # The explanation opens on demand, from the keyboard.
    first = rows[0].find_element(By.XPATH, ".//button[text()='Explain']")
    detail = browser.find_element(By.ID, first.get_attribute("aria-controls"))
    assert not detail.is_displayed()
    first.send_keys(Keys.ENTER)
    assert first.get_attribute("aria-expanded") == "true" and detail.is_displayed()
    assert expected[0].rule in detail.text and "Patterns that matched a trigger" in detail.text
    assert expected[0].sentence in detail.text


def test_a_story_with_markup_is_shown_as_text_and_runs_nothing(browser, base):
    story = ('<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">\n'
             "Russian troops shelled Kharkiv on Sunday, killing two civilians.")
    browser.get(base + "/")
    paste(browser, story)
    browser.find_element(By.ID, "code-button").click()
    status_text(browser, "found")
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_elements(By.CSS_SELECTOR, "#story script, #story img") == []
    assert "<script>window.pwned = 1</script>" in browser.find_element(By.ID, "story").text
    assert browser.find_elements(By.CSS_SELECTOR, "#story mark.trig")


def test_events_browser_filters_sorts_and_pages(browser, base, store):
    browser.get(base + "/events")
    status_text(browser, "match")
    source = browser.find_element(By.ID, "f-source")
    source.send_keys("USA", Keys.ENTER)  # submitting the form from the keyboard
    wait(browser).until(EC.url_contains("source=USA"))
    total = store.count_events(source="USA")
    assert status_text(browser, "match") == f"{total} events match."
    rows = browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    assert len(rows) == total > 3
    assert all(r.find_elements(By.TAG_NAME, "td")[1].text.startswith("USA") for r in rows)
    assert browser.find_element(By.ID, "f-source").get_attribute("value") == "USA"  # the form keeps the filter
    browser.find_element(By.LINK_TEXT, "Goldstein").click()
    wait(browser).until(EC.url_contains("sort=goldstein"))
    status_text(browser, "match")
    header = browser.find_element(By.XPATH, "//th[@aria-sort]")
    assert header.text.startswith("Goldstein") and header.get_attribute("aria-sort") == "ascending"
    scores = [float(r.find_elements(By.TAG_NAME, "td")[5].text)
              for r in browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")]
    assert scores == sorted(scores) and scores[0] < scores[-1]
    # Paging: a page of 25 over all events, and the next one.
    browser.get(base + "/events?limit=25")
    status_text(browser, "match")
    all_events = store.count_events()
    assert all_events > 25
    assert browser.find_element(By.ID, "events-caption").text.startswith(f"Events 1–25 of {all_events}")
    browser.find_element(By.CSS_SELECTOR, "#pager-top a[rel=next]").click()
    wait(browser).until(EC.text_to_be_present_in_element((By.ID, "events-caption"), "Events 26–"))


def test_an_events_page_of_mentions(browser, base, store):
    busiest = store.events(limit=1, sort="num_mentions", descending=True).iloc[0]
    browser.get(base + "/events?sort=num_mentions&desc=true&limit=5")
    status_text(browser, "match")
    browser.find_element(By.CSS_SELECTOR, "#events tbody tr a").click()
    wait(browser).until(EC.url_contains(f"/events/{busiest.event_id}"))
    wait(browser).until(EC.text_to_be_present_in_element((By.ID, "mentions-heading"), f"({busiest.num_mentions})"))
    mentions = browser.find_elements(By.CSS_SELECTOR, "#mentions article")
    assert len(mentions) == busiest.num_mentions >= 2
    found = store.event(busiest.event_id)["mentions"]
    for article, m in zip(mentions, found.itertuples()):
        assert m.sentence in article.text
        assert article.find_element(By.CSS_SELECTOR, "mark.trig").text == m.trigger_text
        assert article.find_element(By.CSS_SELECTOR, "mark.src").text == m.source_text
    assert busiest.event_id in browser.find_element(By.ID, "facts").text


def test_a_dyad_chart(browser, base, store):
    browser.get(base + "/dyad")
    status_text(browser, "Pick two actors")
    browser.find_element(By.ID, "a").send_keys("USA")
    browser.find_element(By.ID, "b").send_keys("RUS", Keys.ENTER)
    text = status_text(browser, "per month")
    ab, ba = store.count_events(source="USA", target="RUS"), store.count_events(source="RUS", target="USA")
    assert text == f"{ab} events USA → RUS and {ba} events RUS → USA, per month."
    assert ab > 0 and ba > 0
    for chart in ("chart-goldstein", "chart-ab", "chart-ba"):
        canvas = browser.find_element(By.CSS_SELECTOR, f"#{chart} canvas")
        assert canvas.size["width"] > 200 and canvas.size["height"] > 100
    rows = browser.find_elements(By.CSS_SELECTOR, "#dyad-table tbody tr")
    assert sum(int(r.find_elements(By.TAG_NAME, "td")[2].text) for r in rows) == ab + ba
    frame = store.dyads(period="month", by="country", source="USA", target="RUS")
    first = rows[0].find_elements(By.TAG_NAME, "td")
    assert first[0].text == str(min(frame.period))[:10]


def test_the_network_draws_every_actor(browser, base, store):
    browser.get(base + "/network?quad=4")
    status_text(browser, "edges between")
    edges = store.network(by="country", quad_class=4)
    actors = set(edges.source) | set(edges.target)
    circles = browser.find_elements(By.CSS_SELECTOR, "#network-svg circle")
    labels = {t.text for t in browser.find_elements(By.CSS_SELECTOR, "#network-svg text")}
    assert len(circles) == len(actors) and labels == actors
    assert len(browser.find_elements(By.CSS_SELECTOR, "#network-svg .edges path")) == len(edges)
    assert browser.find_element(By.ID, "quad").get_attribute("value") == "4"


def test_keyboard_focus_is_visible_and_pages_fit_a_phone(base):
    paths = need_chromium()
    with chromium(390, 844, *paths) as phone:
        for page in ("/", "/events", "/dyad?a=USA&b=RUS", "/network", "/events/none"):
            phone.get(base + page)
            wait(phone).until(lambda d: d.find_element(By.ID, "status").text or page == "/")
            # Nothing wider than the screen: wide tables scroll inside their own box.
            assert phone.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"), page
        phone.get(base + "/events")
        body = phone.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        focused = phone.switch_to.active_element
        assert focused.text == "Skip to content"
        assert phone.execute_script("return getComputedStyle(arguments[0]).outlineStyle", focused) != "none"
        names = []
        for _ in range(6):
            phone.switch_to.active_element.send_keys(Keys.TAB)
            names.append(phone.switch_to.active_element.text)
        assert names[:6] == ["dyad", "Code", "Events", "Dyad", "Network", "API"]
        style = phone.execute_script("return getComputedStyle(document.activeElement).outlineWidth")
        assert style == "3px"


def test_docs_page_renders_offline(browser, base):
    browser.get(base + "/docs")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".opblock-summary-path")))
    paths = {e.text.replace("\u200b", "") for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/api/code", "/api/events", "/api/events/{event_id}"} <= paths
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, json.dumps(errors)
