#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The developer's one script: installs what Debian 12 lacks, configures, builds, then runs the app or
# the tests. Idempotent; quiet when there is nothing to install.
#
#   installer/dev.sh run [app arguments]   build and open the desktop app
#   installer/dev.sh test [ctest args]     build and run every test
#   installer/dev.sh build                 build only
# AUTHLENS_PRESET=asan|release selects another CMake preset (default dev).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
preset="${AUTHLENS_PRESET:-dev}"
command="${1:-}"
[ $# -gt 0 ] && shift

packages=(
    build-essential pkg-config cmake ninja-build
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
    libqt6sql6-sqlite qt6-qpa-plugins libssl-dev openssl libsqlite3-dev zlib1g-dev
    libunbound-dev unbound dns-root-data libpsl-dev publicsuffix qtkeychain-qt6-dev
    xvfb xauth poppler-utils dovecot-imapd dpkg-dev file python3 ldnsutils
    desktop-file-utils appstream
    clang libclang-rt-14-dev
    libzstd-dev
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "dev.sh: installing ${#missing[@]} Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    # Installing unbound or dovecot starts their system services where systemd runs; tests never use them.
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        >/tmp/authlens-apt.log 2>&1 || { cat /tmp/authlens-apt.log; exit 1; }
}

build() {
    if [ ! -f "build/$preset/build.ninja" ]; then
        cmake --preset "$preset" >"/tmp/authlens-configure-$preset.log" 2>&1 ||
            { cat "/tmp/authlens-configure-$preset.log"; exit 1; }
    fi
    cmake --build --preset "$preset"
}

case "$command" in
run)
    install_missing
    build
    exec "build/$preset/app/desktop/authlens" "$@"
    ;;
test)
    install_missing
    build
    exec ctest --preset "$preset" -j "$(nproc)" "$@"
    ;;
build)
    install_missing
    build
    ;;
*)
    sed -n '3,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
