#!/usr/bin/env bash
# System packages the browser tests need. Installed here, never by hand.
set -euo pipefail
exit 0
