#!/usr/bin/env bash
# Regenerates the kiosk icons from shapes only (no fonts, no source artwork): a white keyhole on a blue
# rounded square. Needs ImageMagick 6 (`apt-get install -y imagemagick`). Outputs:
#   icon.png (512, Linux/AppImage), 256x256.png (deb), icon.ico (16–256, Windows exe and installer).
set -euo pipefail
cd "$(dirname "$0")"
IM=/usr/bin/convert   # the Debian binary, not a stand-in earlier on PATH
"$IM" -size 512x512 xc:none \
  -fill '#1f5fa8' -draw 'roundrectangle 16,16 495,495 96,96' \
  -fill white -draw 'circle 256,200 256,280' \
  -draw 'polygon 216,240 296,240 336,420 176,420' \
  -fill '#1f5fa8' -draw 'circle 256,200 256,236' \
  -draw 'polygon 244,220 268,220 284,380 228,380' \
  -strip icon.png
"$IM" icon.png -resize 256x256 -strip 256x256.png
"$IM" icon.png -define icon:auto-resize=256,128,64,48,32,16 icon.ico
ls -l icon.png 256x256.png icon.ico
