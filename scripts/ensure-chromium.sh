#!/bin/sh
# Runs before `npm test`: the browser tests need Debian's Chromium at /usr/bin/chromium.
[ -x /usr/bin/chromium ] && exit 0
echo "ensure-chromium: /usr/bin/chromium is missing; installing Debian's chromium for the browser tests" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "ensure-chromium: run 'apt-get install -y chromium' as root, then 'npm test' again" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
