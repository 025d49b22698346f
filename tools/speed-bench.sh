#!/usr/bin/env bash
# Speed of the core on the nanoFramework runtime against .NET (docs/benchmarks/speed.md). Not a test.
#   tools/speed-bench.sh [--markdown]
# Builds tools/SensorNode.SpeedBench for nanoFramework (NanoCheck) and for .NET, converts the nanoFramework
# build with upstream's MetadataProcessor, runs it on nanoCLR and on .NET, and prints one table:
# case, nanoCLR figure, .NET figure, ratio (how many times slower nanoCLR is), from the CPU time each runtime's
# main thread spent per operation (so a busy machine does not inflate them), plus the fastest wall-clock run.
# Toolchain: $NANOFRAMEWORK_TOOLCHAIN, default ../shared/nanoframework (see its README).
set -euo pipefail
# Paths with spaces are not supported (the commands are passed to speed-bench.py as single strings).
cd "$(dirname "$0")/.."

format=text
case "${1:-}" in
  "") ;;
  --markdown) format=markdown ;;
  *) echo "usage: tools/speed-bench.sh [--markdown]" >&2; exit 2 ;;
esac

toolchain="${NANOFRAMEWORK_TOOLCHAIN:-../shared/nanoframework}"
if [ ! -x "$toolchain/nanoclr/nanoFramework.nanoCLR.test" ] || [ ! -f "$toolchain/mdp/mdp.dll" ]; then
  echo "speed-bench: no nanoFramework toolchain at $toolchain (nanoclr/, mdp/); set NANOFRAMEWORK_TOOLCHAIN to a folder laid out as ../shared/nanoframework/README.md describes" >&2
  exit 1
fi

packages="${NUGET_PACKAGES:-$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')}"
corelib="$packages/nanoframework.corelibrary/1.17.11/lib"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build tools/SensorNode.SpeedBench.Nano/SensorNode.SpeedBench.Nano.csproj -c Release -nologo -v quiet >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "speed-bench: nanoFramework build failed" >&2; exit 1; }
dotnet build tools/SensorNode.SpeedBench.Net/SensorNode.SpeedBench.Net.csproj -c Release -nologo -v quiet >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "speed-bench: .NET build failed" >&2; exit 1; }

nano_bin=tools/SensorNode.SpeedBench.Nano/bin/Release/netstandard2.0
dotnet build tools/SensorNode.NanoClr/SensorNode.NanoClr.csproj -c Release -nologo -v quiet -o "$work/nanoclr-tool" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "speed-bench: SensorNode.NanoClr build failed" >&2; exit 1; }
convert() { # NAME: SensorNode.NanoClr's converter (the nanoCLR test stage's), references resolved beside the DLL
  dotnet "$work/nanoclr-tool/SensorNode.NanoClr.dll" convert "$toolchain" "$work" "$nano_bin/$1.dll" >"$work/mdp-$1.log" 2>&1 \
    || { cat "$work/mdp-$1.log" >&2; echo "speed-bench: MetadataProcessor could not convert $1" >&2; exit 1; }
}
convert SensorNode.Boot
convert SensorNode.Core
convert SensorNode.SpeedBench

# nanoCLR exits 0 whatever happens: the result lines are the only evidence (speed-bench.py reads them).
# stdbuf: nanoCLR's output is line-buffered, so each line arrives when the case ends.
python3 tools/speed-bench.py "$format" \
  "stdbuf -oL $toolchain/nanoclr/nanoFramework.nanoCLR.test $corelib/mscorlib.pe $work/SensorNode.Boot.pe $work/SensorNode.Core.pe $work/SensorNode.SpeedBench.pe" \
  "dotnet tools/SensorNode.SpeedBench.Net/bin/Release/net10.0/SensorNode.SpeedBench.dll"
