"""The page in a real browser: Debian's Chromium, headless, driven by Selenium through
/usr/bin/chromedriver, against `crisisdesk serve`'s application on 127.0.0.1 over a store of the
sample plus an article holding markup. Skipped, with the reason, where no browser is installed;
nothing is ever downloaded (no Selenium Manager, no network)."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from crisisdesk.settings import Settings
from tests.serve.servers import MARKUP, MARKUP_TITLE, SEED_QUESTION, running, sample_store, service

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support import expected_conditions as seen  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="no browser: apt-get install chromium chromium-driver (Debian) to run these tests",
)
#: headless, as root in a container, and quiet: with no network Chromium would otherwise wait
#: on its background connections
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--window-size=1400,1000",
)
WAIT_S = 30


@pytest.fixture(scope="module")
def base_url(
    tmp_path_factory: pytest.TempPathFactory, sample_path: Path, settings: Settings
) -> Iterator[str]:
    db = sample_store(tmp_path_factory.mktemp("browser") / "sample.db", sample_path, settings)
    with service(db, settings) as opened, running(opened) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium')}")
    try:
        driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(DRIVER))
    except WebDriverException as exc:
        pytest.skip(f"chromium does not start here: {exc.msg}")
    driver.set_page_load_timeout(WAIT_S)
    yield driver
    driver.quit()


def wait(browser: WebDriver) -> WebDriverWait:
    return WebDriverWait(browser, WAIT_S)


def test_a_question_is_answered_and_its_citation_opens_the_sentence_marked(
    browser: WebDriver, base_url: str
) -> None:
    browser.get(base_url + "/")
    box = browser.find_element(By.ID, "question")
    box.send_keys(SEED_QUESTION)
    browser.find_element(By.CSS_SELECTOR, "#ask-form button[type=submit]").click()
    answer = wait(browser).until(seen.visibility_of_element_located((By.CSS_SELECTOR, ".answer")))
    assert "5,000" in answer.find_element(By.CSS_SELECTOR, ".said").text
    quote = answer.find_element(By.CSS_SELECTOR, "blockquote span").text
    answer.find_element(By.CSS_SELECTOR, "blockquote a.cite").click()
    mark = wait(browser).until(seen.visibility_of_element_located((By.ID, "cited")))
    assert mark.text == quote
    assert "5,000 Russian-made Igla-S" in mark.text
    assert browser.find_element(By.ID, "doc-text").text.startswith(quote)


def test_the_brief_links_every_point_to_its_sentence(browser: WebDriver, base_url: str) -> None:
    browser.get(base_url + "/")
    first = wait(browser).until(
        seen.element_to_be_clickable((By.CSS_SELECTOR, "#brief-body li a.cite"))
    )
    point = first.find_element(By.XPATH, "./ancestor::li")
    said = point.find_element(By.CSS_SELECTOR, "span").text
    first.click()
    mark = wait(browser).until(seen.visibility_of_element_located((By.ID, "cited")))
    assert mark.text
    assert mark.text in said or said in mark.text


def test_article_markup_renders_as_text(browser: WebDriver, base_url: str) -> None:
    browser.get(base_url + "/")
    wait(browser).until(
        seen.text_to_be_present_in_element((By.ID, "claims-table"), "<script>alert('pwned')")
    )
    assert browser.execute_script("return window.__pwned === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "#claims-table script, #claims-table b")
    link = next(
        a
        for a in browser.find_elements(By.CSS_SELECTOR, "#claims-table a.cite")
        if a.get_attribute("title") and "<script>" in a.get_attribute("title")
    )
    link.click()
    wait(browser).until(seen.text_to_be_present_in_element((By.ID, "doc-title"), "<img"))
    assert browser.find_element(By.ID, "doc-title").text == MARKUP_TITLE
    assert browser.find_element(By.ID, "doc-text").text == MARKUP
    assert not browser.find_elements(By.CSS_SELECTOR, "#document script, #document img")


def test_suggested_questions_and_a_follow_up(browser: WebDriver, base_url: str) -> None:
    browser.get(base_url + "/")
    offered = wait(browser).until(
        seen.element_to_be_clickable((By.CSS_SELECTOR, "#suggestions button"))
    )
    offered.click()
    wait(browser).until(seen.visibility_of_element_located((By.CSS_SELECTOR, ".answer .said")))
    box = browser.find_element(By.ID, "question")
    box.clear()
    box.send_keys("and reservists?")
    browser.find_element(By.CSS_SELECTOR, "#ask-form button[type=submit]").click()
    wait(browser).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, ".answer")) == 2)
    latest = browser.find_element(By.CSS_SELECTOR, ".answer .asked").text
    assert "reservists" in latest
    assert latest != "Q: and reservists?"


def test_ingest_form_shows_progress_to_the_report(
    browser: WebDriver, base_url: str, tmp_path: Path
) -> None:
    upload = tmp_path / "note.txt"
    upload.write_text("The navy said 12 ships left port on Monday.", encoding="utf-8")
    browser.get(base_url + "/")
    browser.find_element(By.CSS_SELECTOR, "#ingest-form input[type=file]").send_keys(str(upload))
    browser.find_element(By.CSS_SELECTOR, "#ingest-form button[type=submit]").click()
    wait(browser).until(
        seen.text_to_be_present_in_element((By.ID, "ingest-message"), "Done: added 1")
    )
    wait(browser).until(seen.text_to_be_present_in_element((By.ID, "status"), "7 documents"))
