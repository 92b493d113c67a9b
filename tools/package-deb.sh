#!/usr/bin/env bash
# Builds the Debian package (Debian/Ubuntu, and the Debian-based 统信 UOS and 麒麟 Kylin):
#     bash tools/package-deb.sh
# → target/debian/jixiao_VERSION-1_ARCH.deb, then checked with lintian and
# desktop-file-validate when they are installed. Install it with
#     sudo apt-get install ./target/debian/jixiao_*.deb
#
# What goes in is declared in Cargo.toml under [package.metadata.deb] (tests/package_deb.rs
# checks that list); the desktop entry, MIME type and icons are in packaging/.
# Needs: the Rust toolchain, cargo-deb (`cargo install cargo-deb --locked`), and dpkg-dev
# (dpkg-shlibdeps computes the libc dependency). Extra arguments go to cargo-deb, e.g. --fast.
#
# The .deb requires the glibc of the machine it was built on (or newer): build it on the oldest
# system you target (e.g. in a container of that release).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-deb >/dev/null || {
    echo "需要 cargo-deb：cargo install cargo-deb --locked" >&2
    exit 1
}
command -v dpkg-shlibdeps >/dev/null || {
    echo "需要 dpkg-shlibdeps：sudo apt-get install dpkg-dev" >&2
    exit 1
}

mkdir -p target/debian
cargo deb --locked --output target/debian/ "$@"

deb=$(ls -t target/debian/jixiao_*.deb | head -n 1)
echo "== $deb ($(stat -c %s "$deb") bytes)"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends

if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate packaging/linux/jixiao.desktop && echo "desktop-file-validate: ok"
fi
if command -v lintian >/dev/null; then
    echo "== lintian"
    lintian --fail-on error --tag-display-limit 0 "$deb"
    echo "lintian: no errors"
fi
