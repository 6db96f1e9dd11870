#!/usr/bin/env bash
# Refresh the front-end libraries bundled in src/dyad/web/static/vendor from the npm
# registry (npm pack: no install, no build step). The pages load these files from the
# package, never from a CDN, so the web view works on an air-gapped machine. The built
# files are committed; run this only to change a version, then commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
VENDOR=src/dyad/web/static/vendor
UPLOT=1.6.32 SWAGGER=5.35.0 D3_FORCE=3.0.0 D3_DISPATCH=3.0.1 D3_QUADTREE=3.0.1 D3_TIMER=3.0.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unpack() {  # name version -> $tmp/name/package
    (cd "$tmp" && npm pack --silent "$1@$2" >/dev/null && mkdir -p "$1" && tar xzf "$1-$2.tgz" -C "$1")
}
rm -rf "$VENDOR" && mkdir -p "$VENDOR"/uplot "$VENDOR"/swagger-ui "$VENDOR"/d3-force
unpack uplot "$UPLOT"
cp "$tmp"/uplot/package/dist/uPlot.iife.min.js "$tmp"/uplot/package/dist/uPlot.min.css "$tmp"/uplot/package/LICENSE "$VENDOR"/uplot/
unpack swagger-ui-dist "$SWAGGER"
cp "$tmp"/swagger-ui-dist/package/{swagger-ui-bundle.js,swagger-ui-bundle.js.LICENSE.txt,swagger-ui.css,LICENSE,NOTICE} "$VENDOR"/swagger-ui/
# d3-force and the three small d3 modules it needs, as UMD files that define window.d3
for m in d3-dispatch:$D3_DISPATCH d3-quadtree:$D3_QUADTREE d3-timer:$D3_TIMER d3-force:$D3_FORCE; do
    name=${m%%:*} version=${m##*:}
    unpack "$name" "$version"
    cp "$tmp/$name/package/dist/$name.min.js" "$VENDOR"/d3-force/
    cp "$tmp/$name/package/LICENSE" "$VENDOR/d3-force/LICENSE-$name"
done
cat > "$VENDOR"/VERSIONS <<END
uplot $UPLOT (MIT)
swagger-ui-dist $SWAGGER (Apache-2.0)
d3-force $D3_FORCE, d3-dispatch $D3_DISPATCH, d3-quadtree $D3_QUADTREE, d3-timer $D3_TIMER (ISC)
Fetched from the npm registry by tools/vendor_web.sh.
END
echo "vendored into $VENDOR:"
find "$VENDOR" -type f | sort
