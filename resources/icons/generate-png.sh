#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders authlens.svg into the PNG sizes desktops look up in the hicolor theme, and packs some of
# them into authlens.ico (Windows installer, NSIS) and authlens.icns (macOS bundle). The results are
# committed so a build needs no SVG renderer (Qt Svg is not a dependency); run this again after
# changing the SVG. Needs rsvg-convert (Debian: librsvg2-bin) and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v rsvg-convert >/dev/null ||
    { echo "generate-png.sh: rsvg-convert missing (apt-get install librsvg2-bin)" >&2; exit 2; }
for size in 16 22 24 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio authlens.svg --output "png/authlens-$size.png"
done

# Both containers accept PNG payloads as they are: ICO since Windows Vista, ICNS since macOS 10.7.
python3 - <<'PY'
import struct

def png(size):
    with open(f"png/authlens-{size}.png", "rb") as f:
        return f.read()

ico_sizes = [16, 24, 32, 48, 64, 128, 256]
images = [png(s) for s in ico_sizes]
offset = 6 + 16 * len(images)
ico = struct.pack("<HHH", 0, 1, len(images))
for size, data in zip(ico_sizes, images):
    # A width or height byte of 0 means 256.
    ico += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
with open("authlens.ico", "wb") as f:
    f.write(ico + b"".join(images))

icns_types = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08"}
body = b"".join(t + struct.pack(">I", 8 + len(png(s))) + png(s) for s, t in icns_types.items())
with open("authlens.icns", "wb") as f:
    f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
