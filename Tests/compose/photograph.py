"""The running three-node compose federation in headless Chromium (scripts/compose-e2e): the
front page, a head looked up on all three nodes with its per-node breakdown, and the federation
page, checked and photographed into SCREENSHOT_DIR (the README's pictures come from here)."""
import json
import os
import pathlib
import shutil
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

NODES = {"website-a": 8081, "website-b": 8082, "website-c": 8083}
NAME = "Notch"
OUT = pathlib.Path(os.environ.get("SCREENSHOT_DIR", "/tmp/website-compose-screenshots"))


def get_json(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def wait(description, condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"photograph: {description} within {timeout} s")


for port in NODES.values():
    urllib.request.urlopen(f"http://127.0.0.1:{port}/heads/{NAME}", timeout=10).read()
# Every node knows the three lookups and every node's name; website-a's neighbours are idle.
for port in NODES.values():
    wait(f"three lookups on :{port}",
         lambda: get_json(f"http://127.0.0.1:{port}/api/v1/heads/{NAME.lower()}")["totalCount"] >= 3)
wait("website-a names every origin", lambda: {entry.get("name") for entry in get_json(
    f"http://127.0.0.1:8081/api/v1/heads/{NAME.lower()}")["perNode"]} >= set(NODES))
wait("website-a's two neighbours idle", lambda: sorted(
    peer["state"] for peer in get_json("http://127.0.0.1:8081/api/v1/peers")["peers"]
    if peer["name"] in ("website-b", "website-c")) == ["idle", "idle"])

options = webdriver.ChromeOptions()
options.binary_location = shutil.which("chromium")
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900"):
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
OUT.mkdir(parents=True, exist_ok=True)
try:
    driver.get("http://127.0.0.1:8081/")
    assert NAME in driver.find_element(By.TAG_NAME, "main").text, "the front page does not list the head"
    driver.save_screenshot(str(OUT / "front-page.png"))

    # Opening the head page counts one more lookup on website-a.
    driver.get(f"http://127.0.0.1:8081/heads/{NAME}")
    text = driver.find_element(By.TAG_NAME, "main").text
    for node in NODES:
        assert node in text, f"the head page does not name {node}: {text}"
    driver.save_screenshot(str(OUT / "head-page-federated.png"))

    driver.get("http://127.0.0.1:8081/federation")
    cards = [card.text for card in driver.find_elements(By.CSS_SELECTOR, ".peer")]
    assert len(cards) == 2 and any("website-b" in c for c in cards) and any("website-c" in c for c in cards), cards
    driver.save_screenshot(str(OUT / "federation-page.png"))
finally:
    driver.quit()
print(f"photograph: front page, head page, federation page of the compose federation in {OUT}")
