#!/usr/bin/env bash
# Installs the Debian packages the bot and its tests use, where they are missing; idempotent.
#   tesseract-ocr, -vie, -script-viet  OCR of scans and photos (-eng: the tests' English-model scans)
#   poppler-utils                      pdftoppm: a PDF page to an image for OCR
#   libreoffice-writer-nogui           soffice --headless: Word 97-2003 .doc to .docx
#   postgresql                         initdb/pg_ctl: the tests' throwaway PostgreSQL cluster
#   fonts-dejavu-core                  a font with Vietnamese diacritics for charts
# Without apt (or root) it only says what is missing: the product then says so where it needs it.
set -uo pipefail

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx vie; then need+=(tesseract-ocr-vie); fi
# the tests make PDFs as a scanner with the English model does (tesseract -l eng pdf)
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx eng; then need+=(tesseract-ocr-eng); fi
ls /usr/share/tesseract-ocr/*/tessdata/Vietnamese.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-script-viet)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)

[ ${#need[@]} -eq 0 ] && exit 0
mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
sudo=""
[ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo="sudo -n"; }
if ! command -v apt-get >/dev/null 2>&1 || { [ "$(id -u)" -ne 0 ] && [ -z "$sudo" ]; }; then
  echo "setup: missing Debian packages (install them to use OCR, .doc files, charts and the PostgreSQL tests): ${need[*]}" >&2
  exit 0
fi
echo "setup: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null 2>&1 || true
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
  || echo "setup: apt-get could not install ${need[*]}" >&2
exit 0
