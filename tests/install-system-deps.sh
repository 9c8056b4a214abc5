#!/usr/bin/env bash
# What the tests need beyond PyPI, installed here, never by hand: Debian's Chromium for
# screenshots and the browser suite, Noto fonts so Vietnamese renders, nginx to serve the
# portal as README's server block does, and the W3C's Nu HTML Checker (the npm package
# vnu-jar, pinned; it runs on Java) that every page is validated with. $1: the venv.
set -euo pipefail
VENV=${1:-.venv}
VNU_VERSION=26.9.27
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (apt)"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
npm install --prefix "$VENV/vnu" --no-audit --no-fund --loglevel=error "vnu-jar@$VNU_VERSION" >/dev/null
