#!/usr/bin/env bash
# Install Claimdesk into ./.venv, with the system libraries it needs.
# As root on Debian/Ubuntu (CI, a fresh machine) the libraries are apt-installed;
# otherwise the missing ones are listed for you to install.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's runtime libraries (offscreen and on a desktop), LibreOffice and poppler (the Word briefing
# is checked by converting it), the PostgreSQL server (the team-workspace tests), and a C compiler with
# Python's headers (installing compiles the claim detector with mypyc, see setup.py).
PACKAGES=(build-essential python3-dev
          libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
          libxcb-render-util0 libxcb-image0 fonts-dejavu-core
          libreoffice-writer-nogui poppler-utils postgresql
          xvfb xdotool)  # xvfb, xdotool: the keyboard-only test on a real X server (tests/ui/test_keyboard_x11.py)

if command -v dpkg >/dev/null 2>&1; then
  missing=()
  for pkg in "${PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "apt-get install ${missing[*]}" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q >&2
      apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
    else
      echo "note: these system packages are missing: ${missing[*]}" >&2
      echo "      install them with: sudo apt-get install ${missing[*]}" >&2
    fi
  fi
fi

PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Claimdesk needs Python 3.11 or newer")'
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >&2
.venv/bin/python -m pip install -q -e '.[test,bench]' >&2
