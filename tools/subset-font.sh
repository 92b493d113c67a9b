#!/usr/bin/env bash
# Rebuilds fonts/NotoSansSC-Regular-GBK.otf: the Simplified Chinese face of Noto Sans CJK
# (Debian package fonts-noto-cjk, SIL OFL 1.1) cut down to every character GBK can encode, plus
# ASCII and the symbols budget tables use. Needs: apt-get install fonts-noto-cjk; pip install fonttools.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
chars=$(mktemp)
python3 - "$chars" <<'PY'
import sys
cps = set(range(0x20, 0x7F))
for cp in range(0x80, 0x10000):
    if 0xD800 <= cp <= 0xDFFF:
        continue
    try:
        chr(cp).encode("gbk")
        cps.add(cp)
    except UnicodeEncodeError:
        pass
# Symbols of budget tables and the interface that GBK may lack.
cps.update(ord(c) for c in "￥％‰≥≤±×÷·—–…“”‘’、。，；：？！（）【】《》〔〕「」『』→←↑↓✓✔✗▶▼▲◀●○■□★☆")
open(sys.argv[1], "w").write(",".join(f"U+{cp:04X}" for cp in sorted(cps)))
PY
# Face 2 of the collection is Simplified Chinese. Vertical and locale variants are dropped
# (they pull in the Japanese/Korean/Traditional glyphs and double the size).
pyftsubset "$src" --font-number=2 --unicodes-file="$chars" \
  --layout-features-='locl,vert,vrt2,vkrn,vpal,valt' \
  --output-file=fonts/NotoSansSC-Regular-GBK.otf
rm -f "$chars"
ls -l fonts/NotoSansSC-Regular-GBK.otf
