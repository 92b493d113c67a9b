#!/usr/bin/env bash
# Renders the app icon's hicolor PNGs from packaging/icons/jixiao.svg (the one drawn by hand).
# The PNGs are committed, so packaging does not need this; run it after editing the SVG.
# Needs rsvg-convert (apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "需要 rsvg-convert（apt-get install librsvg2-bin）" >&2; exit 1; }
for size in 16 22 24 32 48 64 128 256; do
    dir=packaging/icons/hicolor/${size}x${size}/apps
    mkdir -p "$dir"
    rsvg-convert --width "$size" --height "$size" --format png \
        --output "$dir/jixiao.png" packaging/icons/jixiao.svg
    echo "$dir/jixiao.png"
done
