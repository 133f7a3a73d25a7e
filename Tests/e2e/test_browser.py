"""The pages in a real headless Chromium: the form submits, the head page shows the image and counts."""
import os
import pathlib
import shutil

import pytest

selenium = pytest.importorskip("selenium", reason="selenium is not installed (scripts/test installs it as root)")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SCREENSHOTS = pathlib.Path(os.environ.get("SCREENSHOT_DIR", "/tmp/website-screenshots"))


@pytest.fixture
def browser():
    if not shutil.which("chromium") or not shutil.which("chromedriver"):
        pytest.skip("chromium and chromium-driver are not installed (scripts/test installs them as root)")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    yield driver
    driver.quit()


def assert_accessible(driver):
    """No serious or critical axe-core violation on the page shown (axe-selenium-python)."""
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], f"{driver.current_url}: {serious}"


def image_loaded(driver, element):
    return driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", element)


def test_lookup_form_and_head_page(browser, database, start_node):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    base = start_node(database, name="node-a")
    browser.get(base + "/")
    assert "Find any player's head" in browser.page_source
    assert_accessible(browser)
    field = browser.find_element(By.ID, "username")
    field.send_keys("Notch")
    field.submit()

    WebDriverWait(browser, 10).until(lambda driver: "/display_skin" in driver.current_url)
    assert browser.current_url.startswith(base + "/display_skin?username=Notch")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Notch"
    head = browser.find_element(By.CSS_SELECTOR, "img.head")
    assert image_loaded(browser, head)
    assert browser.find_elements(By.CSS_SELECTOR, ".notice") == []
    assert browser.find_element(By.ID, "local-count").text == "1"
    assert browser.find_element(By.ID, "total-count").text == "1"
    assert_accessible(browser)
    browser.save_screenshot(str(SCREENSHOTS / "head-page.png"))

    # A second lookup through the clean URL counts too; the front page lists the head.
    for name in ("jeb_", "Dinnerbone", "notch"):
        browser.get(f"{base}/heads/{name}")
    assert browser.find_element(By.ID, "local-count").text == "2"
    browser.get(base + "/")
    listed = browser.find_elements(By.CSS_SELECTOR, ".heads img")
    assert listed and all(image_loaded(browser, image) for image in listed)
    assert_accessible(browser)
    browser.save_screenshot(str(SCREENSHOTS / "front-page.png"))

    browser.set_window_size(390, 844)
    browser.get(f"{base}/heads/Notch")
    browser.save_screenshot(str(SCREENSHOTS / "head-page-phone.png"))


def test_markup_in_a_name_is_shown_as_text(browser, database, start_node):
    base = start_node(database)
    browser.get(base + "/display_skin?username=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert "That is not a Minecraft username" in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "main img") == []
    assert browser.find_element(By.ID, "username").get_attribute("value") == "<img src=x onerror=alert(1)>"
    assert_accessible(browser)
    browser.get(base + "/heads/UnknownPlayer1")
    assert_accessible(browser)


def test_federation_pages(browser, start_node):
    """Two nodes: a lookup on node-a shows on node-b with the per-node breakdown, and node-b's
    federation page lists node-a."""
    from conftest import make_database, wait_until

    a = start_node(make_database(), name="node-a")
    b = start_node(make_database(), name="node-b", PEERS=a)
    browser.get(f"{a}/heads/Notch")
    browser.get(f"{a}/heads/Notch")
    browser.get(f"{b}/heads/jeb_")

    def merged():
        browser.get(f"{b}/api/v1/heads/notch")
        return '"totalCount":2' in browser.page_source

    assert wait_until(merged, 20, 0.2), "node-b did not receive node-a's lookups"
    browser.get(f"{b}/heads/Notch")
    assert browser.find_element(By.ID, "total-count").text == "3"
    assert browser.find_element(By.ID, "local-count").text == "1"
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "table.per-node tbody tr")]
    assert rows == ["node-a 2", "node-b this node 1"]
    # This node is marked by markup the node adds (a badge), which no neighbour's name can forge.
    marks = browser.find_elements(By.CSS_SELECTOR, "table.per-node tbody tr.local strong.this-node")
    assert len(marks) == 1
    assert_accessible(browser)
    browser.save_screenshot(str(SCREENSHOTS / "head-page-federated.png"))
    browser.get(f"{b}/federation")
    peers = browser.find_elements(By.CSS_SELECTOR, ".peer")
    assert len(peers) == 1 and "node-a" in peers[0].text
    assert "Last error" not in peers[0].text and "nil" not in peers[0].text
    assert_accessible(browser)
    browser.save_screenshot(str(SCREENSHOTS / "federation-page.png"))
    browser.get(f"{b}/")
    assert browser.find_element(By.ID, "connected-nodes").text == "1 other node"


def test_a_lookup_arrives_on_an_open_page(browser, start_node):
    """Live pages: C's head page is open; the name is looked up on A (C pulls from B, B from A);
    C's open page shows the new total within 2 s, without a reload. The page is still accessible."""
    from conftest import make_database, get
    import time

    a = start_node(make_database(), name="node-a")
    b = start_node(make_database(), name="node-b", PEERS=a)
    c = start_node(make_database(), name="node-c", PEERS=b)
    assert get(f"{c}/heads/Alex")[0] == 200  # C's own lookup: total 1
    browser.get(f"{c}/heads/Alex")
    assert browser.find_element(By.ID, "total-count").text == "2"
    # The page's script marks the page once its event stream is open.
    WebDriverWait(browser, 10, poll_frequency=0.05).until(
        lambda driver: driver.execute_script("return document.documentElement.dataset.live") == "open")
    marker = browser.execute_script("window.__notReloaded = true; return window.__notReloaded")
    assert marker is True
    started = time.monotonic()
    assert get(f"{a}/heads/Alex")[0] == 200
    WebDriverWait(browser, 10, poll_frequency=0.05).until(
        lambda driver: driver.find_element(By.ID, "total-count").text == "3")
    seconds = time.monotonic() - started
    assert browser.execute_script("return window.__notReloaded === true"), "the page was reloaded"
    # The rows as one snapshot taken in the page: its script may still replace them (the row's
    # label arrives with node-a's node record), which would leave an element read one by one stale.
    rows_now = ("return Array.from(document.querySelectorAll('table.per-node tbody tr'), "
                "row => row.innerText.replace(/\\s+/g, ' ').trim())")
    WebDriverWait(browser, 10, poll_frequency=0.05).until(
        lambda driver: "node-a 1" in driver.execute_script(rows_now), "node-a's row never showed its count of 1")
    print(f"live page: a lookup on node-a shown on node-c's open page after {seconds:.2f} s")
    assert seconds < 2, seconds
    assert_accessible(browser)
    # The federation page: the arriving record is listed without a reload.
    browser.get(f"{c}/federation")
    WebDriverWait(browser, 10, poll_frequency=0.05).until(
        lambda driver: driver.execute_script("return document.documentElement.dataset.live") == "open")
    assert get(f"{a}/heads/Steve")[0] == 200
    WebDriverWait(browser, 10, poll_frequency=0.05).until(
        lambda driver: "steve" in driver.find_element(By.ID, "live-arrivals").text)
    assert_accessible(browser)
