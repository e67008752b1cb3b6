#!/usr/bin/env bash
# Set up a fresh machine for kiemtra: system packages, then the project in .venv.
# Idempotent: what is already there is not installed again.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core unzip)
# The tests also need a JDK and Maven (to fetch and run Elasticsearch), LibreOffice's
# headless Writer (to convert legacy .doc files, which kiemtra uses where it is installed), and
# Chromium with its WebDriver (the web page's end-to-end test in a real browser).
[ "${KIEMTRA_FOR_TESTS:-0}" = 1 ] && SYSTEM_PACKAGES+=(openjdk-17-jre-headless maven libreoffice-writer-nogui \
  chromium chromium-driver)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
# constraints.txt pins every resolved version, so a fresh install gets what CI tested.
if ! .venv/bin/python -c "import pipeline, prefect, underthesea, spacy" >/dev/null 2>&1 \
   || [ constraints.txt -nt .venv/.kiemtra-installed ] || [ pyproject.toml -nt .venv/.kiemtra-installed ]; then
  echo "setup: installing kiemtra into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c constraints.txt -e '.[dev]'
  touch .venv/.kiemtra-installed
fi
