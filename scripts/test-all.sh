#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then runs typecheck, unit and browser tests
# and ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need_apt+=(fonts-noto-cjk)
# poppler's pdfinfo / pdftotext / pdftoppm read the printed PDFs back.
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} from Debian…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
fi

# MapServer 8 serves the bundled data as WMS / OGC API for the service tests; where it cannot be installed
# those tests are skipped and say so.
if ! command -v mapserv >/dev/null; then
  echo "Installing mapserver-bin from Debian…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq mapserver-bin >/dev/null; } || echo "mapserver-bin could not be installed: the MapServer tests will be skipped"
fi

# PostgreSQL with PostGIS for the server's database tests (a throw-away cluster on a Unix socket in a temp
# folder); found as scripts/bench/postgis.ts finds it: initdb and pg_ctl beside a pg_config whose share
# folder has postgis.control. Where it cannot be installed those tests are skipped and say so.
have_postgis() {
  for bin in /usr/lib/postgresql/*/bin $(echo "$PATH" | tr ':' ' '); do
    [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && [ -x "$bin/pg_config" ] || continue
    [ -f "$("$bin/pg_config" --sharedir 2>/dev/null)/extension/postgis.control" ] && return 0
  done
  return 1
}
if ! have_postgis; then
  echo "Installing postgresql-15 postgresql-15-postgis-3 from Debian…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >/dev/null; } || echo "PostGIS could not be installed: the server's database tests will be skipped"
fi

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi || { echo "npm install failed"; exit 1; }

mkdir -p reports test-results
rm -f reports/unit.json reports/e2e.json

npx tsc --noEmit -p tsconfig.json; tc=$?
npx vitest run --reporter=default --reporter=json --outputFile=reports/unit.json; 
# The test build's CSP also admits loopback servers: the service tests run their tile servers there.
VITE_TEST_HOOKS=1 ATLAS_SERVICE_HOSTS='https://*.tianditu.gov.cn https://tile.openstreetmap.org http://127.0.0.1:*' npx vite build --logLevel warn; build=$?
# Big layers for the browser tests, served by the preview server from dist/: 200 000 parcels opened with
# ?data=, and 25 000 to import through the file input (its upload goes through the test driver).
if [ $build -eq 0 ]; then npx tsx scripts/gen-parcels.ts --count 200000 --out dist/parcels-200000.geojson >/dev/null || build=1; fi
if [ $build -eq 0 ]; then npx tsx scripts/gen-parcels.ts --count 25000 --out dist/parcels-25000.geojson >/dev/null || build=1; fi
if [ $build -eq 0 ]; then npx playwright test; fi
node scripts/summarize-tests.mjs reports/unit.json reports/e2e.json "typecheck=$tc" "build=$build"
