#!/usr/bin/env bash
# The browser the tests drive (playwright-core with Debian's chromium; no browser download), found in
# one place for `npm test`, `.ci/run` and the jest helper (test/chromium.ts).
#
#   bash scripts/chromium.sh          print the browser's path; when it is missing and we are root,
#                                     install it with apt-get first
#   bash scripts/chromium.sh --find   print the path, never install
#
# ZRB_CHROMIUM=/path/to/chromium overrides the search of PATH. ZRB_NO_INSTALL=1 forbids installing
# (as when not root). A missing browser is reported on stderr with the command that installs it; exit 1.
# Only bash builtins run before an install, so this works with an empty PATH.
set -u

INSTALL_COMMAND='apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core'

find_chromium() {
  if [ -n "${ZRB_CHROMIUM:-}" ]; then
    [ -x "$ZRB_CHROMIUM" ] && [ ! -d "$ZRB_CHROMIUM" ] && { printf '%s\n' "$ZRB_CHROMIUM"; return 0; }
    return 1
  fi
  local found
  found=$(type -P chromium) && { printf '%s\n' "$found"; return 0; }
  return 1
}

explain_missing() {
  local why=$1
  if [ -n "${ZRB_CHROMIUM:-}" ]; then
    echo "Chromium not found: ZRB_CHROMIUM=$ZRB_CHROMIUM is not an executable file." >&2
  else
    echo "Chromium not found: no 'chromium' on PATH. The browser tests drive Debian's chromium." >&2
  fi
  echo "$why" >&2
  echo "Install it with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core" >&2
  echo "or point ZRB_CHROMIUM at a Chromium executable: ZRB_CHROMIUM=/path/to/chromium npm test" >&2
}

find_chromium && exit 0

if [ "${1:-}" = "--find" ]; then
  explain_missing "(scripts/chromium.sh --find does not install it.)"
  exit 1
fi
if [ -n "${ZRB_CHROMIUM:-}" ]; then
  explain_missing "(Installing would not change ZRB_CHROMIUM, so nothing was installed.)"
  exit 1
fi
if [ "${ZRB_NO_INSTALL:-}" = "1" ]; then
  explain_missing "(Not installed automatically: ZRB_NO_INSTALL=1.)"
  exit 1
fi
if [ "$EUID" -ne 0 ]; then
  explain_missing "(Not installed automatically: that needs root.)"
  exit 1
fi

echo "Installing Debian's chromium for the browser tests: $INSTALL_COMMAND" >&2
export DEBIAN_FRONTEND=noninteractive
if ! sh -c "$INSTALL_COMMAND" >/dev/null; then
  explain_missing "(apt-get failed.)"
  exit 1
fi
find_chromium && exit 0
explain_missing "(apt-get finished, but there is still no chromium on PATH.)"
exit 1
