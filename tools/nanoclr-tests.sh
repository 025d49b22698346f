#!/usr/bin/env bash
# The nanoCLR test stage: ./tools/nanoclr-tests.sh [--no-build] [COUNTS_FILE]
#   (test.sh runs it with --no-build after building SensorNode.sln; alone, it builds what it needs)
#  - builds the core, every deployable assembly and NFUnitTest as the device build does (the NanoCheck/Check
#    projects compile against the real mscorlib 1.17.11 of the nanoFramework.CoreLibrary package and the declared
#    surfaces in firmware/surfaces, which carry the real upstream assembly names and versions);
#  - converts every assembly firmware/deployments.json names, and NFUnitTest with what it uses, with the UNMODIFIED
#    MetadataProcessor from ../shared/nanoframework (a conversion failure is a failed test);
#  - runs NFUnitTest on nanoCLR with upstream's TestFramework and UnitTestLauncher, counts every
#    "Test passed|failed|skipped" line, and counts every case the assembly declares that never reports (crash, hang,
#    timeout) as failed;
#  - writes "passed failed skipped" to COUNTS_FILE (default: .artifacts/nanoclr/counts), which test.sh adds into its
#    closing line. The .pe files stay in .artifacts/nanoclr/deploy (read by `sensornode footprint`).
#  - runs the heap probes (tools/SensorNode.HeapProbe: always-on runner, deep-sleep wake cycles) on nanoCLR with the
#    managed heap limited to firmware/footprint-budgets.json's heapKilobytes (96): one test per mode.
# NANOCLR_BISECT_HEAP=1 ./tools/nanoclr-tests.sh instead prints the smallest heap each probe runs in (for
# docs/benchmarks/footprint.md) and runs no test.
# Without the toolchain (NANOFRAMEWORK_TOOLCHAIN, default ../shared/nanoframework next to the repository) it says so
# in one line and counts the whole stage as 1 skipped test.
set -uo pipefail
cd "$(dirname "$0")/.."

configuration="${CONFIGURATION:-Release}"
build=1
if [ "${1:-}" = "--no-build" ]; then build=0; shift; fi
out=".artifacts/nanoclr"
counts="${1:-$out/counts}"
toolchain="${NANOFRAMEWORK_TOOLCHAIN:-../shared/nanoframework}"
mkdir -p "$out" "$(dirname "$counts")"

if [ ! -x "$toolchain/nanoclr/nanoFramework.nanoCLR.test" ] || [ ! -f "$toolchain/mdp/mdp.dll" ]; then
  echo "nanoCLR stage skipped: no nanoFramework toolchain at $toolchain (Windows: install the 'nanoclr' .NET tool and run NFUnitTest from Visual Studio's Test Explorer with nfproj-tests/nano.runsettings; Linux: build nf-interpreter's targets/posix and put it, MetadataProcessor and TestFramework there as ../shared/nanoframework/README.md describes, or set NANOFRAMEWORK_TOOLCHAIN)"
  echo "0 0 1" > "$counts"
  exit 0
fi

projects=(nfproj-tests/check/NFUnitTest.Check.csproj tools/SensorNode.NanoClr/SensorNode.NanoClr.csproj
  tools/SensorNode.HeapProbe/AlwaysOn/SensorNode.HeapProbe.AlwaysOn.csproj tools/SensorNode.HeapProbe/DeepSleep/SensorNode.HeapProbe.DeepSleep.csproj)
while IFS= read -r p; do projects+=("$p"); done < <(grep -l "NanoCheck.props" firmware/*/*.csproj)
for p in "${projects[@]:0:$(( build ? ${#projects[@]} : 0 ))}"; do
  if ! timeout 600 dotnet build "$p" -c "$configuration" -nologo -v quiet >"$out/build.log" 2>&1; then
    echo "nanoCLR stage: building $p failed:"; grep -E "error" "$out/build.log" | head -20
    echo "0 1 0" > "$counts"
    exit 0
  fi
done

rm -f "$counts"
timeout 1800 dotnet "tools/SensorNode.NanoClr/bin/$configuration/net10.0/SensorNode.NanoClr.dll" \
  --repo . --toolchain "$toolchain" --configuration "$configuration" --out "$out" --counts "$counts" --timeout 900 \
  ${NANOCLR_BISECT_HEAP:+--bisect-heap yes}
if [ ! -s "$counts" ]; then
  echo "nanoCLR stage: the runner ended without a result"
  echo "0 1 0" > "$counts"
fi
exit 0
