#!/usr/bin/env bash
# Redraws carrel.png (256x256): a study carrel's three walls and desk with a person at it.
# The PNG is committed; run this only to change the drawing. Needs ImageMagick's `convert`.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 256x256 xc:none \
  -fill '#1f5f5b' -draw 'roundrectangle 8,8 247,247 44,44' \
  -fill '#f4efe3' \
  -draw 'roundrectangle 52,64 76,184 8,8' -draw 'roundrectangle 180,64 204,184 8,8' \
  -draw 'roundrectangle 52,64 204,88 8,8' -draw 'roundrectangle 40,176 216,198 8,8' \
  -fill '#f2b544' \
  -draw 'polygon 92,164 128,150 128,170 92,172' -draw 'polygon 164,164 128,150 128,170 164,172' \
  -draw 'circle 128,118 128,104' \
  -depth 8 -strip carrel.png
