#!/usr/bin/env bash
# Installs the Debian packages the set-up needs when they are missing: chromium (browser tests),
# gettext (compiling translations), pango (WeasyPrint: report PDFs, with HarfBuzz subsetting and
# a font). Needs root for apt-get; otherwise says what to install.
set -euo pipefail
missing=()
for package in "$@"; do
  case "$package" in
    chromium) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
    gettext) command -v msgfmt >/dev/null || missing+=(gettext) ;;
    pango)
      for lib in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core; do
        [ "$(dpkg-query -W -f='${Status}' "$lib" 2>/dev/null)" = "install ok installed" ] ||
          missing+=("$lib")
      done ;;
    *) echo "system_packages.sh: onbekend pakket $package" >&2; exit 2 ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Installeer eerst: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Debian-pakketten installeren: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
