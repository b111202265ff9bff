#!/usr/bin/env python3
"""The web page in a real headless Chromium (Selenium + chromedriver).

Starts `chronicle serve` on a temporary data directory and a free port, creates a story and adds two
documents through the page, checks the rendered timeline (entries present, dated, on the axis), that
choosing an entry (with the keyboard) highlights its source sentence, the person filter, and the layout
at desktop and phone widths. Saves screenshots to OUTPUT_DIR (default .build/test-output).

Usage: timeline_page_test.py CHRONICLE_BINARY [OUTPUT_DIR]; exits non-zero on failure.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

FIRST = ("Mayor Ana Ruiz resigned on Monday, March 2, 2020, after an audit found missing funds. "
         "The audit had begun in January. Ruiz said on Tuesday that she would cooperate with investigators.")
SECOND = ("<!doctype html><html><head><title>Search</title><script>var ignored = 'June 1';</script></head><body>"
          "<p>Investigators searched City Hall on March 5. Council member Tom Hale said the search lasted six hours.</p>"
          "<p>A special election will be held in May.</p></body></html>")
RESIGNED_SENTENCE = "Mayor Ana Ruiz resigned on Monday, March 2, 2020, after an audit found missing funds."

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition)))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else "  " + detail), flush=True)


def start_server(binary, data_dir):
    process = subprocess.Popen([binary, "serve", "--port", "0", "--data-dir", data_dir, "--log-level", "warning"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = re.search(r"serving on (http://[^/\s]+)/", line)
        if match:
            return process, match.group(1)
    process.kill()
    raise SystemExit("the server did not start")


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-US"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    return webdriver.Chrome(options=options, service=service)


def set_value(driver, element_id, value):
    """Sets a form field as a paste would (date inputs take ISO values whatever the locale)."""
    driver.execute_script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
        "e.dispatchEvent(new Event('input', {bubbles: true}));", element_id, value)


def add_document(driver, wait, title, published, text, expected_count):
    set_value(driver, "doc-title", title)
    set_value(driver, "doc-published", published)
    set_value(driver, "doc-text", text)
    driver.find_element(By.ID, "add-document").click()
    wait.until(lambda d: f"({expected_count} document" in d.find_element(By.CSS_SELECTOR, "#story-list button[aria-current=true]").text)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#timeline .entry")) > 0)


def entry_named(driver, text):
    """The entry button whose event is `text` (found in one script call: the list may be re-rendered meanwhile)."""
    return driver.execute_script(
        "return [...document.querySelectorAll('#timeline .entry')]"
        ".find((e) => e.querySelector('.what').textContent === arguments[0]) || null", text)


def check_timeline(driver, label):
    entries = driver.find_elements(By.CSS_SELECTOR, "#timeline .entry")
    check(f"{label}: entries present", len(entries) >= 4, f"{len(entries)} entries")
    dates = [e.find_element(By.CSS_SELECTOR, ".when").text for e in entries]
    dated = [d for d in dates if re.search(r"\d{4}-\d{2}-\d{2}", d)]
    check(f"{label}: entries dated", len(dated) >= 3, f"dates: {dates}")
    check(f"{label}: dates in order", [d[:10] for d in dated if re.match(r"\d{4}", d)] == sorted(d[:10] for d in dated if re.match(r"\d{4}", d)), f"{dated}")
    resigned = entry_named(driver, "resigned")
    check(f"{label}: 'resigned' dated 2020-03-02", resigned is not None and "2020-03-02" in resigned.text,
          resigned.text if resigned else "missing")
    axis = driver.find_element(By.ID, "axis")
    markers = axis.find_elements(By.CSS_SELECTOR, ".marker")
    check(f"{label}: entries on the axis", len(markers) >= 3 and axis.is_displayed(), f"{len(markers)} markers")
    box = axis.rect
    inside = all(box["x"] - 8 <= m.rect["x"] <= box["x"] + box["width"] + 8 for m in markers)
    check(f"{label}: markers within the axis", inside)
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(f"{label}: no horizontal scrolling", overflow <= 1, f"overflow {overflow}px")


def choose_with_keyboard(driver, wait, label):
    resigned = entry_named(driver, "resigned")
    driver.execute_script("arguments[0].focus()", resigned)
    check(f"{label}: entry focusable", driver.switch_to.active_element == resigned)
    resigned.send_keys(Keys.ENTER)
    mark = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#document-view mark.sentence")))
    check(f"{label}: source sentence highlighted", mark.text == RESIGNED_SENTENCE, repr(mark.text))
    check(f"{label}: event word marked", mark.find_element(By.TAG_NAME, "strong").text == "resigned")
    check(f"{label}: entry shown as chosen", resigned.get_attribute("aria-pressed") == "true")


def main():
    binary = sys.argv[1]
    output = sys.argv[2] if len(sys.argv) > 2 else ".build/test-output"
    os.makedirs(output, exist_ok=True)
    with tempfile.TemporaryDirectory() as data_dir:
        server, base = start_server(binary, data_dir)
        driver = browser()
        try:
            # The page re-renders its lists after each request: an element found a moment ago may be gone.
            wait = WebDriverWait(driver, 60, ignored_exceptions=[StaleElementReferenceException])
            driver.set_window_size(1280, 900)
            driver.get(base + "/")
            wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#story-list li")))
            set_value(driver, "new-story-title", "City Hall audit")
            driver.find_element(By.ID, "create-story").click()
            wait.until(EC.visibility_of_element_located((By.ID, "new-document")))
            add_document(driver, wait, "Mayor resigns", "2020-03-03", FIRST, 1)
            add_document(driver, wait, "City Hall searched", "2020-03-06", SECOND, 2)
            check("desktop: two documents in the timeline", "2 documents" in driver.find_element(By.ID, "status").text,
                  driver.find_element(By.ID, "status").text)
            check_timeline(driver, "desktop")
            choose_with_keyboard(driver, wait, "desktop")
            severe = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
            check("desktop: no script errors in the console", not severe, f"{severe}")
            driver.save_screenshot(os.path.join(output, "timeline.png"))

            # The person filter: Tom Hale as speaker keeps his statement, not the resignation.
            Select(driver.find_element(By.ID, "filter-person")).select_by_visible_text("Tom Hale")
            Select(driver.find_element(By.ID, "filter-role")).select_by_value("speaker")
            driver.find_element(By.ID, "apply-filters").click()
            wait.until(lambda d: entry_named(d, "resigned") is None)
            check("filter: Tom Hale's statement kept", entry_named(driver, "said") is not None)
            driver.find_element(By.ID, "clear-filters").click()
            wait.until(lambda d: entry_named(d, "resigned") is not None)

            # Phone width: the same page, reloaded.
            driver.set_window_size(390, 844)
            driver.get(base + "/")
            story = wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#story-list button")))
            story.send_keys(Keys.ENTER)
            wait.until(lambda d: entry_named(d, "resigned") is not None)
            check_timeline(driver, "phone")
            choose_with_keyboard(driver, wait, "phone")
            driver.save_screenshot(os.path.join(output, "timeline-phone.png"))
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(os.path.join(output, "timeline-phone-top.png"))
        except Exception as error:  # a timeout or a missing element is a failure, not a crash
            check("page test ran to the end", False, f"{type(error).__name__}: {error}")
            driver.save_screenshot(os.path.join(output, "timeline-failure.png"))
        finally:
            driver.quit()
            server.terminate()
            server.wait(timeout=30)
    failed = sum(1 for _, ok in results if not ok)
    print(f"browser: {len(results) - failed} passed, {failed} failed")
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main())
