#!/usr/bin/env bash
# Runs every test of the solution on a clean machine and ends with one line: "N passed, N failed".
# System packages the tests need are installed here when missing: Chromium for the browser tests,
# PostgreSQL for the PostgreSQL provider's tests. SQLite is bundled.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

required_packages=(chromium postgresql)
missing=()
for pkg in "${required_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >/dev/null; then
    echo "Could not install ${missing[*]}: run 'apt-get install -y ${missing[*]}' as root and try again."
  fi
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if ! dotnet build CustomerEngine.sln -c Release -nologo -v q; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test CustomerEngine.sln -c Release --no-build -nologo -v q \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results"
status=$?

passed=0; failed=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
expected=$(ls -d tests/*.Tests samples/*.Tests 2>/dev/null | wc -l)
if [ "$files" -lt "$expected" ]; then
  echo "Only $files of $expected test projects reported results (a test host crashed?)."
  failed=$((failed + expected - files))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# The dashboards in a real browser: Debian's Chromium driven by playwright-core (npm), against
# the engine built above.
echo "Browser tests (tests/browser) ..."
if ! (cd tests/browser && npm ci --no-audit --no-fund >/dev/null 2>&1); then
  echo "npm ci failed in tests/browser: the browser tests could not run."
  failed=$((failed + 1))
else
  (cd tests/browser && node --test --test-concurrency=1 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$results/browser.tap" ./*.test.mjs)
  browser_status=$?
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$results/browser.tap" | tail -n 1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$results/browser.tap" | tail -n 1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$browser_status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
fi

# CI keeps only the tail of the output, so the names of failed tests are repeated here.
failed_names=$(grep -ho '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$results"/*.trx 2>/dev/null \
  | sed -n 's/.* testName="\([^"]*\)".*/\1/p')
browser_failed=$(grep -h '^not ok ' "$results/browser.tap" 2>/dev/null | sed 's/^not ok [0-9]* - /browser: /')
if [ -n "$failed_names$browser_failed" ]; then
  echo "Failed tests:"
  { [ -n "$failed_names" ] && echo "$failed_names"; [ -n "$browser_failed" ] && echo "$browser_failed"; } \
    | sed 's/^/  /'
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
