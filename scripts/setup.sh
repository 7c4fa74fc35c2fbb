#!/usr/bin/env bash
# Installs what Handout needs from Debian's packages, only if something is missing.
# The fonts ship in fonts/, so nothing is taken from the system's fonts.
set -euo pipefail

packages=(
  libcairo2-dev libpango1.0-dev   # cairo (PDF surface) and Pango, with their headers
  libxml2-dev                     # libxml2's HTML parser, for importing web pages
  libqrencode-dev                 # QR codes for the article's address
  libqpdf-dev                     # sets the PDF's languages, which cairo cannot
  zlib1g-dev                      # gzip for the print service's pages and JSON (compress-nio)
  nginx curl                      # the deploy tests: nginx -t, and nginx in front of stand-in replicas
  libgettextpo-dev gettext        # PO files for translators; msgfmt checks them in the tests
  zbar-tools mupdf-tools          # the tests decode the QR codes and render with a second PDF reader
  poppler-utils qpdf              # pdftotext, pdffonts, pdftoppm, qpdf: the tests' PDF consumers
  libharfbuzz-bin                 # hb-shape: the tests compare Pango's Bangla shaping with it
  valgrind binutils               # make profile: callgrind, and objcopy for a copy it can read
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python tools the tests use, from PyPI. (A Debian system Python refuses plain pip
# installs: then it is told this is intended.)
pypi() {  # MODULE PACKAGE
  python3 -c "import $1" 2>/dev/null && return
  python3 -m pip install -q "$2" >/dev/null 2>&1 || python3 -m pip install -q --break-system-packages "$2" >/dev/null
}
pypi polib polib                               # PO files edited as a translator's tool would
pypi kubernetes_validate kubernetes-validate   # deploy/kubernetes/ against the Kubernetes schemas
pypi pypdfium2 pypdfium2                       # PDFium (Chrome's viewer): text as it searches and copies it

command -v swift >/dev/null || { echo "setup: Swift 6.1 or newer must be on PATH (see README)" >&2; exit 1; }
