#!/usr/bin/env python3
"""Which Bangla words of a text come back whole from a PDF's text layer (issue 17).

    bangla_words.py PDF SOURCE.txt

SOURCE.txt holds the Bangla the PDF prints. Its unique Bangla words (runs of Bengali
letters, signs and digits, joiners included; zero-width characters dropped; NFC) are
looked up among the words two real consumers extract from the PDF: poppler's `pdftotext`
and PDFium (pypdfium2: what Chrome's viewer searches and copies). Each line of SOURCE.txt
is also looked for as a whole, spaces and line ends counting as one space (a sentence
copied is the sentence), with the running header and footer (Handout's lines with a
middle dot, " · ") left out, so a paragraph that crosses a page still reads on. Prints JSON: for each consumer, how many of the unique words
came back whole, the ones that did not, and the lines not found.
"""
import json
import re
import subprocess
import sys
import unicodedata

import pypdfium2

WORD = re.compile("[\u0980-\u09FF\u200C\u200D]+")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200B\u200C\u200D\u2060\uFEFF\u00AD"))


def words(text):
    found = (unicodedata.normalize("NFC", w.translate(ZERO_WIDTH)) for w in WORD.findall(text))
    return {w for w in found if w}


def spaced(text):
    return " ".join(unicodedata.normalize("NFC", text.translate(ZERO_WIDTH)).split())


def poppler(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True, text=True).stdout


def pdfium(pdf):
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def main():
    pdf, source = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as file:
        text = file.read()
    expected = words(text)
    lines = [spaced(line) for line in text.splitlines() if line.strip()]
    result = {"words": len(expected), "lines": len(lines)}
    for name, extract in (("pdftotext", poppler), ("pdfium", pdfium)):
        extracted = extract(pdf)
        missing = sorted(expected - words(extracted))
        flat = spaced("\n".join(line for line in extracted.splitlines() if "\u00B7" not in line))
        result[name] = {"whole": len(expected) - len(missing), "missing": missing,
                        "lines_missing": [line for line in lines if line not in flat]}
    json.dump(result, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
