#!/usr/bin/env python3
"""A receptionist printing for one patient, in headless Chromium, in both UI languages at
phone and desktop widths.

Usage: browser_print.py BASE_URL SCREENSHOT_DIR WORK_DIR CLINIC_NAME EMERGENCY_NUMBER

For each of (English, 1200 px) (Bangla, 390 px) (English, 390 px) (Bangla, 1200 px):
1. Opens the list in that language and searches for a word from the article's summary or
   key points (not its title); opens the article from the results.
2. In the Print form: the handout, the checklist and a week's diary ticked, English and
   Bangla side by side, a Bangla patient name typed.
3. Saves a screenshot of the whole page (two of the four runs).
4. Posts the form exactly as the browser would send it: one PDF, Cache-Control no-store,
   qpdf --check clean, whose text has the patient's name, the clinic's name and emergency
   number, and all three documents.
5. Clicks Print in the browser: the PDF Chromium saves is the same bytes.
Exits non-zero on the first failure.
"""
import os
import subprocess
import sys
import time
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser_check import check, full_page_screenshot, make_driver, valid_pdf

PATIENT = "রহিমা বেগম"
SEARCHES = {"en": "twitch eyelid", "bn": "চোখের পাতা লাফানো"}
DOCUMENTS = ["Patient handout", "Doctor visit checklist", "Symptom diary: one week"]
SAVED = "hemifacial-spasm-handout_checklist_diary-week-en-bn-a4.pdf"


def run(base, shots, work, clinic, emergency, ui, width, screenshot):
    label = f"{ui}, {width} px"
    downloads = os.path.join(work, f"downloads-{ui}-{width}")
    os.makedirs(downloads, exist_ok=True)
    driver = make_driver(work, downloads, f"{width},900")
    try:
        driver.set_page_load_timeout(60)
        wait = WebDriverWait(driver, 120)
        print(f"browser-print: {label}")

        # 1. Search by words from the summary and key points, then open the article.
        driver.get(f"{base}/?ui={ui}")
        box = driver.find_element(By.ID, "q")
        box.send_keys(SEARCHES[ui])
        driver.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]").click()
        wait.until(EC.url_contains("q="))
        links = driver.find_elements(By.CSS_SELECTOR, "ul.articles a")
        check(len(links) == 1, f"{label}: '{SEARCHES[ui]}' finds the article: {[l.text for l in links]}")
        links[0].click()
        wait.until(EC.url_contains("/articles/hemifacial-spasm"))

        # 2. The Print form.
        form = driver.find_element(By.CSS_SELECTOR, "form.print")
        ticked = [box.get_attribute("value") for box in form.find_elements(By.CSS_SELECTOR, "input[name=doc]") if box.is_selected()]
        check(ticked == ["handout", "checklist", "diary-week"], f"{label}: three documents ticked: {ticked}")
        Select(form.find_element(By.NAME, "lang")).select_by_value("en+bn")
        name = form.find_element(By.NAME, "patient-name")
        name.send_keys(PATIENT)
        check(name.get_attribute("value") == PATIENT, f"{label}: the Bangla name typed")

        # 3. What the receptionist sees.
        if screenshot:
            full_page_screenshot(driver, os.path.join(shots, f"print-form-{ui}-{width}.png"), width)

        # 4. The form as the browser posts it.
        button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
        body = driver.execute_script(
            "return new URLSearchParams(new FormData(arguments[0], arguments[1])).toString()", form, button)
        request = urllib.request.Request(form.get_attribute("action"), data=body.encode(), method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=120) as response:
            check(response.status == 200, f"{label}: the print answers 200")
            check(response.headers["Content-Type"] == "application/pdf", f"{label}: a PDF")
            check(response.headers["Cache-Control"] == "no-store", f"{label}: Cache-Control no-store")
            check(PATIENT not in str(response.headers), f"{label}: no header has the patient's name")
            fetched = valid_pdf(response.read(), os.path.join(work, f"print-{ui}-{width}.pdf"), f"{label}: the print")
        text = subprocess.run(["pdftotext", os.path.join(work, f"print-{ui}-{width}.pdf"), "-"],
                              capture_output=True, text=True).stdout
        for expected in [PATIENT, clinic, emergency] + DOCUMENTS:
            check(expected in text, f"{label}: the PDF's text has {expected!r}")

        # 5. Print in the browser: Chromium saves the PDF it opens.
        button.click()
        target = os.path.join(downloads, SAVED)
        deadline = time.time() + 120
        while time.time() < deadline and (not os.path.exists(target)
                                          or any(n.endswith(".crdownload") for n in os.listdir(downloads))):
            time.sleep(0.5)
        check(os.path.exists(target), f"{label}: Chromium saved {SAVED} (files: {os.listdir(downloads)})")
        with open(target, "rb") as handle:
            check(handle.read() == fetched, f"{label}: the browser's print is the same bytes")
        errors = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"
                  and "favicon.ico" not in entry.get("message", "")]
        check(not errors, f"{label}: no severe errors in the browser console: {errors}")
    finally:
        driver.quit()


def main():
    if len(sys.argv) != 6:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    base, shots, work, clinic, emergency = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
    for ui, width, screenshot in [("en", 1200, True), ("bn", 390, True), ("en", 390, False), ("bn", 1200, False)]:
        run(base, shots, work, clinic, emergency, ui, width, screenshot)
    print("browser-print: all checks passed")


if __name__ == "__main__":
    main()
