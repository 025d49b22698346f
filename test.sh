#!/usr/bin/env bash
# Runs every test in the repository: ./test.sh
#  - builds the whole solution, including the core and the device code against nanoFramework mscorlib
#  - runs the nanoFramework-style tests (nfproj-tests/) on .NET under MSTest, and the host-only tests
#  - runs the nanoCLR stage (tools/nanoclr-tests.sh): every deployable assembly and NFUnitTest converted with
#    upstream's MetadataProcessor, NFUnitTest on nanoCLR (skipped, counted as 1, without ../shared/nanoframework)
#  - runs the OTA loader proof on nanoCLR (tools/nanoclr/ota-loader-proof.sh; skipped, counted as 1, without the toolchain)
#  - prints one closing line "N passed, N failed[, N skipped]" summing every test, and exits non-zero
#    on any failure.
#  - first installs what the tests need and is missing (tools/test-deps.sh holds the list): apt packages on
#    Debian/Ubuntu (as root, else with sudo), and the pinned .NET local tools; elsewhere it stops with the list.
set -uo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Release}"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

source tools/test-deps.sh
if ! ensure_test_dependencies; then
  echo "0 passed, 1 failed"
  exit 1
fi

if ! dotnet build SensorNode.sln -c "$configuration" -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test SensorNode.sln -c "$configuration" --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
test_rc=$?

# nanoFramework stage: MetadataProcessor conversion of every deployable assembly and NFUnitTest on nanoCLR.
./tools/nanoclr-tests.sh --no-build "$results/nanoclr.counts"

# The OTA loader's own code path on nanoCLR (tools/nanoclr/ota-loader-proof.sh, issue 14): its closing line's counts.
if [ -x ../shared/nanoframework/nanoclr/nanoFramework.nanoCLR.test ]; then
  ./tools/nanoclr/ota-loader-proof.sh | tee "$results/ota-proof.log"
  tail -n 1 "$results/ota-proof.log" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2 0/p' > "$results/ota-proof.counts"
else
  echo "OTA loader proof skipped: no nanoFramework toolchain at ../shared/nanoframework (see tools/nanoclr-tests.sh)"
  echo "0 0 1" > "$results/ota-proof.counts"
fi

python3 - "$results" "$test_rc" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
files = glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)
for f in files:
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0)) + int(c.get("inconclusive", 0))
for stage in ("nanoclr", "ota-proof"):  # "passed failed skipped" of the nanoCLR stages
    try:
        p, f, s = (int(n) for n in open(sys.argv[1] + "/" + stage + ".counts").read().split())
        passed, failed, skipped = passed + p, failed + f, skipped + s
    except (OSError, ValueError):
        failed += 1  # the stage left no counts: never report a green run
if not files or (int(sys.argv[2]) != 0 and failed == 0):
    failed += 1  # the runner failed without a result file: count it, never report a green run
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
PY
