#!/usr/bin/env bash
# What the tests need besides the .NET SDK, and how test.sh gets it. Sourced by test.sh; run it alone to
# install without testing: bash tools/test-deps.sh
#
# To add a dependency, add one line to TEST_DEPENDENCIES:
#   "<Debian package> | <shell check that succeeds when it is there> | <what needs it>"
# (fields are separated by " | " with spaces; a check may use "||" but not a spaced single pipe)
# On Debian/Ubuntu a dependency is there when dpkg has its package installed; elsewhere, when its check succeeds.

TEST_DEPENDENCIES=(
  "mosquitto | command -v mosquitto || test -x /usr/sbin/mosquitto | MQTT broker for the Mosquitto integration tests"
  "mosquitto-clients | command -v mosquitto_sub | mosquitto_sub/mosquitto_pub for the broker tests"
  "socat | command -v socat | virtual serial port pairs for the provisioning tests"
  "openssl | command -v openssl | test CA and certificates for the TLS tests"
  "python3-serial | /usr/bin/python3 -c 'import serial' || python3 -c 'import serial' | pyserial, the serial peer in the provisioning tests"
  "postgresql | ls /usr/lib/postgresql/*/bin/initdb || command -v initdb | PostgreSQL server (initdb, postgres) for the storage tests"
  "bsdutils | command -v script | script, the pseudo-terminal the CLI terminal-output tests run under"
)

# Prints field 1 (package), 2 (check) or 3 (what needs it) of a TEST_DEPENDENCIES entry.
dependency_field() {
  local rest="$1" i
  for ((i = 1; i < $2; i++)); do rest="${rest#* | }"; done
  echo "${rest%% | *}"
}

# Prints the missing dependencies' package names, one per line.
missing_test_dependencies() {
  local entry pkg check
  for entry in "${TEST_DEPENDENCIES[@]}"; do
    pkg="$(dependency_field "$entry" 1)"
    check="$(dependency_field "$entry" 2)"
    if command -v dpkg-query >/dev/null 2>&1; then
      [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" = "install ok installed" ] || echo "$pkg"
    else
      bash -c "$check" >/dev/null 2>&1 || echo "$pkg"
    fi
  done
}

# Installs what is missing (Debian/Ubuntu: apt-get as root, else sudo, else stop with the command to run;
# elsewhere: stop with the list), stops the system broker the Debian package starts, restores the pinned
# .NET local tools. Returns non-zero when the tests cannot run.
ensure_test_dependencies() {
  local -a need
  mapfile -t need < <(missing_test_dependencies)
  if [ ${#need[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
      local -a as=()
      if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
          as=(sudo)
        else
          echo "test.sh: missing ${need[*]}; run as root, then run ./test.sh again:" >&2
          echo "  apt-get update && apt-get install -y ${need[*]}" >&2
          return 1
        fi
      fi
      echo "test.sh: installing ${need[*]}" >&2
      if ! { "${as[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${as[@]}" apt-get install -y -qq "${need[@]}" >/dev/null; }; then
        echo "test.sh: apt-get install ${need[*]} failed; install them and run ./test.sh again" >&2
        return 1
      fi
      # The Debian packages start system services (mosquitto on 1883, postgresql on 5432); the tests
      # start their own on free ports.
      local service
      for service in mosquitto postgresql; do
        "${as[@]}" systemctl stop "$service" >/dev/null 2>&1 || "${as[@]}" service "$service" stop >/dev/null 2>&1 || true
      done
      mapfile -t need < <(missing_test_dependencies)
      if [ ${#need[@]} -gt 0 ]; then
        echo "test.sh: still missing after apt-get install: ${need[*]}" >&2
        return 1
      fi
    else
      echo "test.sh: this is not a Debian/Ubuntu system; install these, then run ./test.sh again:" >&2
      local entry pkg check why
      for entry in "${TEST_DEPENDENCIES[@]}"; do
        pkg="$(dependency_field "$entry" 1)"
        check="$(dependency_field "$entry" 2)"
        why="$(dependency_field "$entry" 3)"
        bash -c "$check" >/dev/null 2>&1 || echo "  $pkg: $why (check: $check)" >&2
      done
      return 1
    fi
  fi

  if ! dotnet tool restore >/dev/null; then
    echo "test.sh: 'dotnet tool restore' failed (pinned tools in .config/dotnet-tools.json)" >&2
    return 1
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  cd "$(dirname "$0")/.." && ensure_test_dependencies
fi
