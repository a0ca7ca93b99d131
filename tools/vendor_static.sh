#!/usr/bin/env bash
# Refresh the JavaScript shipped with the review site from npm (versions
# pinned in pipeline/outputs/review/static/package.json and its lock file):
# the minified files and their licences are copied into static/vendor/ and
# committed, so the site opens from disk with no network and no CDN.
set -euo pipefail
cd "$(dirname "$0")/../pipeline/outputs/review/static"
npm ci --no-audit --no-fund --ignore-scripts
rm -rf vendor && mkdir -p vendor/licenses
cp node_modules/cytoscape/dist/cytoscape.min.js vendor/
cp node_modules/d3-array/dist/d3-array.min.js vendor/
cp node_modules/d3-geo/dist/d3-geo.min.js vendor/
cp node_modules/topojson-client/dist/topojson-client.min.js vendor/
# Country outlines (Natural Earth 1:110m via world-atlas) as a script, since
# fetch() of a local file is blocked on file:// pages.
{ printf 'window.WORLD_ATLAS = '; cat node_modules/world-atlas/countries-110m.json; printf ';\n'; } > vendor/countries-110m.js
for p in cytoscape d3-array d3-geo topojson-client world-atlas internmap; do
  cp "node_modules/$p/LICENSE" "vendor/licenses/$p.LICENSE"
done
node -e 'const l=require("./package-lock.json").packages; for (const [k,v] of Object.entries(l)) if (k) console.log(k.replace("node_modules/",""), v.version)' > vendor/VERSIONS
rm -rf node_modules
