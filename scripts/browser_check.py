#!/usr/bin/env python3
"""Drives headless Chromium through the print service's web page, as a person would.

Usage: browser_check.py BASE_URL SCREENSHOT.png WORK_DIR

1. Opens /, types "hemifacial" into the search box and submits the form.
2. Clicks the article in the results.
3. Checks the page: title, CSP-safe preview image actually loaded, the form's fields.
4. Chooses language "bn" and saves a screenshot of the page.
5. Reads the form's action and fields (as the "Download" button would submit them) and
   fetches that address over HTTP: 303 → a PDF attachment named for the choice, which
   starts with %PDF and passes `qpdf --check`.
6. Clicks "Download" in the browser itself and checks the file Chromium saved.
7. Switches the page to Bangla and checks its heading.
Exits non-zero on the first failure.
"""
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def fail(message):
    print(f"browser-check: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print(f"  ok  {message}")


def find_binary(*names):
    for name in names:
        for folder in os.environ.get("PATH", "").split(os.pathsep) + ["/usr/bin", "/usr/lib/chromium"]:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and os.access(path, os.X_OK):
                return path
    return None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def valid_pdf(data, path, label):
    check(data[:5] == b"%PDF-", f"{label} starts with %PDF- ({len(data)} bytes)")
    with open(path, "wb") as handle:
        handle.write(data)
    result = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    # qpdf exits 0 when the file is fine, 3 for warnings only.
    summary = [line for line in result.stdout.splitlines() if "errors" in line][:1]
    check(result.returncode == 0, f"qpdf --check passes for {label}: {summary}")
    return data


def make_driver(work, downloads, window):
    """Headless Chromium that saves PDFs (and downloads) into `downloads` without asking."""
    options = webdriver.ChromeOptions()
    chromium = find_binary("chromium", "chromium-browser")
    if chromium:
        options.binary_location = chromium
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={window}", "--lang=en-US", "--no-first-run", "--no-default-browser-check",
                     f"--user-data-dir={os.path.join(work, 'profile-' + window.replace(',', 'x'))}"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": True,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = find_binary("chromedriver")
    if not driver_path:
        fail("no chromedriver on PATH (apt-get install chromium-driver)")
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads,
                                                             "eventsEnabled": True})
    return driver


def full_page_screenshot(driver, path, width):
    """The whole page at `width` CSS px, no scroll bar, then back to the normal viewport."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": min(height + 16, 2400), "deviceScaleFactor": 1, "mobile": width < 600})
    check(driver.save_screenshot(path), f"screenshot saved to {path}")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    base, screenshot, work = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads, exist_ok=True)

    driver = make_driver(work, downloads, "1000,820")
    try:
        driver.set_page_load_timeout(60)
        wait = WebDriverWait(driver, 60)

        # 1. Search.
        print(f"browser-check: {base}/ in {driver.capabilities.get('browserName')} "
              f"{driver.capabilities.get('browserVersion')}")
        driver.get(base + "/")
        check("Patient handouts to print" in driver.title, f"the index page's title: {driver.title!r}")
        box = driver.find_element(By.ID, "q")
        box.send_keys("hemifacial")
        driver.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]").click()
        wait.until(EC.url_contains("q=hemifacial"))
        check("q=hemifacial" in driver.current_url, f"the search was submitted: {driver.current_url}")
        links = driver.find_elements(By.CSS_SELECTOR, "ul.articles a")
        check([link.text for link in links] == ["Hemifacial spasm"], f"the search finds the article: {[l.text for l in links]}")

        # A search that matches nothing says so.
        box = driver.find_element(By.ID, "q")
        box.clear()
        box.send_keys("no such condition")
        box.submit()
        wait.until(EC.url_contains("q=no+such+condition"))
        check("No article matches." in driver.find_element(By.TAG_NAME, "main").text, "an unmatched search says so")
        driver.back()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "ul.articles a")))

        # 2. The article.
        driver.find_element(By.LINK_TEXT, "Hemifacial spasm").click()
        wait.until(EC.url_contains("/articles/hemifacial-spasm"))
        heading = driver.find_element(By.TAG_NAME, "h2").text
        check(heading == "Hemifacial spasm", f"the article page's heading: {heading!r}")

        # 3. The preview image loads (same origin, allowed by the page's CSP).
        image = driver.find_element(By.CSS_SELECTOR, ".choose img")
        wait.until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image))
        width = driver.execute_script("return arguments[0].naturalWidth", image)
        check(width > 100, f"the preview image loaded ({width} px wide)")
        form = driver.find_element(By.CSS_SELECTOR, "form[action$='/document']")
        names = driver.execute_script(
            "return Array.from(arguments[0].elements).map(e => e.name).filter(n => n)", form)
        check(set(names) >= {"doc", "lang", "paper", "large-print", "download"}, f"the form's fields: {names}")
        documents = [o.get_attribute("value") for o in Select(form.find_element(By.NAME, "doc")).options]
        check(documents == ["handout", "checklist", "diary-week", "diary-month", "summary", "roadmap", "card",
                            "treatment-planner", "health-record", "caregiver", "prevention", "recovery", "nutrition"],
              f"every document is offered: {documents}")

        # 4. Choose Bangla; screenshot.
        Select(form.find_element(By.NAME, "lang")).select_by_value("bn")
        check(Select(form.find_element(By.NAME, "lang")).first_selected_option.get_attribute("value") == "bn",
              "language bn selected")
        full_page_screenshot(driver, screenshot, 1000)

        # 5. The form as the Download button submits it, fetched over HTTP.
        download_button = form.find_element(By.CSS_SELECTOR, "button[name=download][value='1']")
        check(download_button.text == "Download", f"the Download button: {download_button.text!r}")
        query = driver.execute_script(
            "return new URLSearchParams(new FormData(arguments[0], arguments[1])).toString()", form, download_button)
        action = form.get_attribute("action")
        url = f"{action}?{query}"
        print(f"  ..  form submits to {url}")
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        request = urllib.request.Request(url, headers={"Cookie": cookies} if cookies else {})
        opener = urllib.request.build_opener(NoRedirect)
        try:
            opener.open(request, timeout=60)
            fail("the form's address did not redirect")
        except urllib.error.HTTPError as redirect:
            check(redirect.code == 303, f"the form's address answers 303 (got {redirect.code})")
            location = redirect.headers["Location"]
        expected = "/articles/hemifacial-spasm/handout.pdf?lang=bn&paper=a4&large-print=0&download=1"
        check(location == expected, f"303 Location is {location}")
        with urllib.request.urlopen(urllib.parse.urljoin(url, location), timeout=120) as response:
            check(response.status == 200, "the PDF answers 200")
            check(response.headers["Content-Type"] == "application/pdf", f"Content-Type {response.headers['Content-Type']}")
            disposition = response.headers["Content-Disposition"]
            ascii_name = 'attachment; filename="hemifacial-spasm-handout-bn-a4.pdf"; filename*=UTF-8\'\''
            check(disposition.startswith(ascii_name), f"Content-Disposition {disposition}")
            # A Bangla document is saved under its Bangla title: what a browser uses.
            saved_name = urllib.parse.unquote(disposition[len(ascii_name):])
            fetched = valid_pdf(response.read(), os.path.join(work, "fetched.pdf"), "the fetched PDF")

        # 6. Click Download in the browser itself.
        download_button.click()
        target = os.path.join(downloads, saved_name)
        deadline = time.time() + 120
        while time.time() < deadline and not os.path.exists(target):
            time.sleep(0.5)
        check(os.path.exists(target), f"Chromium saved {os.path.basename(target)} (files: {os.listdir(downloads)})")
        while time.time() < deadline and any(name.endswith(".crdownload") for name in os.listdir(downloads)):
            time.sleep(0.5)
        with open(target, "rb") as handle:
            clicked = valid_pdf(handle.read(), os.path.join(work, "clicked.pdf"), "the downloaded PDF")
        check(clicked == fetched, "the browser's download and the fetched PDF are the same bytes")

        # 7. The Bangla page.
        driver.get(base + "/articles/hemifacial-spasm")
        driver.find_element(By.CSS_SELECTOR, "header a.switch").click()
        wait.until(EC.url_contains("ui=bn"))
        check(driver.find_element(By.TAG_NAME, "h1").text == "প্রিন্ট করার জন্য রোগীর তথ্যপত্র", "the Bangla page's heading")
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "bn", "the Bangla page says lang=bn")
        errors = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"
                  and "favicon.ico" not in entry.get("message", "")]
        check(not errors, f"no severe errors in the browser console: {errors}")
    finally:
        driver.quit()
    print("browser-check: all checks passed")


if __name__ == "__main__":
    main()
