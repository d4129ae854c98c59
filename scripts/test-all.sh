#!/usr/bin/env bash
# The project's test command (`npm test`): build, jest, then the .NET tests; ends with one line
# "N passed, N failed" totalled over both, and exits non-zero if anything failed.
# Without a browser it stops at once, before building, with the command that installs one.
set -u
here=${BASH_SOURCE[0]%/*}; [ "$here" = "${BASH_SOURCE[0]}" ] && here=.
cd "$here/.." || exit 1
# Only builtins up to here: the check must report a missing browser even on a bare PATH.
if ! ZRB_CHROMIUM=$("$BASH" scripts/chromium.sh); then echo "0 passed, 1 failed"; exit 1; fi
export ZRB_CHROMIUM
mkdir -p .test-results
rc=0
npm run --silent build || rc=1

npx jest --ci --json --outputFile=.test-results/jest.json || rc=1
read -r jp jf < <(node -e '
  try { const r = require("./.test-results/jest.json"); console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites); }
  catch { console.log("0 1"); }')

dp=0; df=0
if [ -f tests-dotnet/ZegoRoomBridge.Tests.csproj ]; then
  dotnet test tests-dotnet/ZegoRoomBridge.Tests.csproj --nologo 2>&1 | tee .test-results/dotnet.txt
  [ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
  read -r dp df < <(grep -E '^(Passed|Failed)! ' .test-results/dotnet.txt \
    | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+).*/\2 \1/' | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
  if [ "$dp" -eq 0 ] && [ "$df" -eq 0 ]; then df=1; rc=1; fi   # the .NET run produced no result line
fi

echo "$((jp + dp)) passed, $((jf + df)) failed"
exit $rc
