using System;
using System.Collections.Generic;

namespace SensorNode.Cli;

/// <summary>`sensornode VERB --help`: each verb's synopsis and where its full description lives.</summary>
internal static class VerbHelp
{
    private static readonly Dictionary<string, string> Usage = new(StringComparer.Ordinal)
    {
        ["collect"] =
            "usage: sensornode collect --broker mqtt[s]://host[:port] [--ca ca.pem] [--cert c.pem --key c.key] [--username U [--password P]]\n" +
            "                          [--prefix P] [--db readings.db|postgres://user:pass@host/db] [--client-id ID] [--share GROUP] [--batch N]\n" +
            "       sensornode collect --gaps [--db ...] [--node ID]\n" +
            "schema, exactly-once and gaps: docs/spec/storage.md",
        ["export"] =
            "usage: sensornode export [--db readings.db|postgres://...] --node ID --channel temperature|humidity|pressure|vibration_rms|crest_factor\n" +
            "                         [--from 2026-11-27] [--to 2026-11-28T12:00:00Z] [--output FILE]\n" +
            "writes the t,value CSV of `replay stats`; format: docs/spec/storage.md",
        ["monitor"] =
            "usage: sensornode monitor --broker mqtt[s]://host[:port] [--prefix P] [--ca ca.pem] [--cert node.pem --key node.key]\n" +
            "                          [--username U [--password P]] [--once [--json]] [--wait 2s] [--refresh 1s] [--history N]\n" +
            "                          [--timeout 10s] [--no-color] [--db readings.db|postgres://... (gaps recorded by collect)]\n" +
            "topics and payloads: docs/spec/mqtt.md",
        ["ota"] =
            "usage: sensornode ota keygen --out DIR\n" +
            "       sensornode ota sign --key KEY --version V --security-counter N --board B --input FILE... --output IMAGE\n" +
            "                           [--firmware-compat NAME=MAJOR.MINOR.BUILD.REVISION[:CHECKSUM]...] [--entry-type TYPE]\n" +
            "       sensornode ota verify --pubkey PUB --input IMAGE\n" +
            "       sensornode ota info --input IMAGE [--json]\n" +
            "       sensornode ota getpub --pubkey PUB [--namespace NS] [--output FILE]\n" +
            "       sensornode ota target --firmware native_assemblies.csv|FW.zip --board B [--namespace NS] [--output FILE]\n" +
            "image format: docs/spec/ota-image.md",
        ["power"] =
            "usage: sensornode power [--config node.json] [--interval S] [--publish-every N] [--max-latency S] [--command-window S]\n" +
            "                        [--board-profile FILE|DIR|NAME] [--sleep-ua X] [--active-ma X] [--tx-ma X] [--boot-ms X]\n" +
            "                        [--wifi-ms X] [--tls-ms X] [--sample-ms X] [--mqtt-ms X] [--listen-ms X] [--battery-mah X]\n" +
            "                        [--usable-fraction F]\n" +
            "model, assumptions and sources: docs/power.md",
        ["provision"] =
            "usage: sensornode provision --port DEV --config node.json [--ca ca.pem] [--cert node.pem --key node.key] [--ota-pubkey pub.pem] [--baud N]\n" +
            "       sensornode provision --port DEV --info [--baud N]\n" +
            "       sensornode provision --via-nanoff [--port DEV] --config node.json [--ca ...] [--out DIR] [--dry-run]\n" +
            "node.json fields: docs/provisioning.md",
        ["replay"] =
            "usage: sensornode replay stats --window N --z-threshold T --input in.csv --output out.csv\n" +
            "       sensornode replay crest --window N --input vib.csv --output out.csv\n" +
            "N is 1..4096; T is 0.001..1000000; formats and arithmetic: docs/spec/signal-chain.md",
        ["simulate"] =
            "usage: sensornode simulate [--broker mqtt[s]://host[:port] | --embedded-port N] [--node-id ID] [--prefix P]\n" +
            "                           [--ca ca.pem] [--cert node.pem --key node.key] [--username U [--password P]]\n" +
            "                           [--interval 5s] [--cycles N] [--state DIR] [--scenario NAME] [--seed N] [--keepalive S]\n" +
            "                           [--mode always-on|deep-sleep] [--serial DEV]\n" +
            "  deep-sleep (needs --state DIR): [--speed X] [--publish-every N] [--max-latency S] [--capacity N]\n" +
            "                                  [--awake-budget-ms MS] [--broker-down K] [--wakes N] [--verbose]\n" +
            "  --serial DEV: serve the provisioning console on DEV until provisioned, then run with that configuration\n" +
            "topics and payloads: docs/spec/mqtt.md; scenarios: docs/simulated-sensors.md; deep sleep: docs/spec/retained-state.md",
    };

    /// <summary>True when the verb's arguments ask for help (--help or -h anywhere).</summary>
    public static bool Wanted(IReadOnlyList<string> args)
    {
        foreach (string a in args)
        {
            if (a is "--help" or "-h")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The verb's usage text, or a pointer to the verb list when there is none.</summary>
    public static string For(string verb) =>
        Usage.TryGetValue(verb, out string? text) ? text : $"usage: sensornode {verb} [options]; run 'sensornode --help' for the verbs";
}
