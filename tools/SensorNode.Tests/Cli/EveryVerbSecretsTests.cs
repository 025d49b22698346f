using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Host.Mqtt;
using SensorNode.Tests.Mqtt;
using SensorNode.Tests.Provisioning;
using SensorNode.Tests.Storage;

namespace SensorNode.Tests.Cli;

/// <summary>
/// Issue 17 item 6 (docs/hostile-peers.md): every command of `sensornode`, enumerated from the System.CommandLine
/// tree, is run in-process with the secrets it can take (broker passwords, credentials in a broker URL, a
/// postgres:// password, node.json's Wi-Fi and MQTT passwords, private keys, a password given through a response
/// file), on its success path and on failure paths (a broker that refuses the password, an unreachable broker or
/// database, a bad file, a usage error), against a real Mosquitto over TLS, a real PostgreSQL and a socat pty.
/// Neither stdout nor stderr may hold any secret, as given, percent-encoded, decoded or in base64.
/// A command of the tree without a scenario here fails; a run that does not end is stopped and fails.
/// </summary>
[TestClass]
public sealed class EveryVerbSecretsTests
{
    private const string UrlUser = "urlbob";
    private const string UrlPassword = "Url-S3cret@Pw/9";
    private const string WrongPassword = "Wr0ng-S3cret-5521";
    private const string DbPassword = "Pg-S3cret-31";
    private const string WifiPassword = "Wifi-S3cret-Q7";
    private const string ProbePassword = "Probe-S3cret-64";
    private const string LiteralFileName = "Lit-S3cret-88";

    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    private static BrokerFixture? _broker;
    private static PostgresServer? _postgres;
    private static string _dir = string.Empty;
    private static string _privateKey = string.Empty;
    private static string _publicKey = string.Empty;
    private static string _image = string.Empty;
    private static string[] _secrets = Array.Empty<string>();

    /// <summary>Every exit code a verb's success path (0) and failure paths (non-zero) gave, per command.</summary>
    private readonly Dictionary<string, (bool Success, bool Failure)> _paths = new();

    /// <summary>Every command of the CLI below the root ("collect", "ota", "ota sign", ...).</summary>
    public static IEnumerable<object[]> Commands() => Walk(SensorNode.Cli.Program.BuildRoot(), string.Empty).Select(c => new object[] { c });

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _broker = BrokerFixture.Start("secrets");
        _postgres = PostgresServer.Start("secrets");
        _dir = Directory.CreateDirectory(Path.Combine(_broker.Directory, "files")).FullName;
        string keys = Path.Combine(_dir, "keys");
        var keygen = CliRunner.Run("ota", "keygen", "--out", keys);
        Assert.AreEqual(0, keygen.ExitCode, keygen.Stderr);
        _privateKey = Path.Combine(keys, "ota-private.pem");
        _publicKey = Path.Combine(keys, "ota-public.pem");
        File.WriteAllBytes(Path.Combine(_dir, "App.pe"), Encoding.ASCII.GetBytes("not really a pe, but bytes to sign"));
        _image = Path.Combine(_dir, "app.snimg");
        var sign = CliRunner.Run("ota", "sign", "--key", _privateKey, "--version", "1.0.0", "--security-counter", "1", "--board", "esp32-devkitc-ve", "--input", Path.Combine(_dir, "App.pe"), "--output", _image);
        Assert.AreEqual(0, sign.ExitCode, sign.Stderr);
        File.WriteAllText(Path.Combine(_dir, LiteralFileName), Mosquitto.Password + "\n");

        var secrets = new List<string> { Mosquitto.Password, UrlPassword, Uri.EscapeDataString(UrlPassword), WrongPassword, DbPassword, WifiPassword, LiteralFileName, ProbePassword };
        secrets.AddRange(secrets.Select(s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s))).ToList());
        secrets.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(UrlUser + ":" + UrlPassword)));
        secrets.AddRange(KeyMaterial(_privateKey));
        secrets.AddRange(KeyMaterial(_broker.Pki.ClientKeyFile));
        _secrets = secrets.ToArray();
    }

    [ClassCleanup]
    public static void Stop()
    {
        _postgres?.Dispose();
        _broker?.Dispose();
    }

    [TestMethod]
    public void TheTreeHasEveryVerb()
    {
        string[] commands = Commands().Select(c => (string)c[0]).ToArray();
        foreach (string verb in new[] { "collect", "export", "footprint", "monitor", "ota keygen", "ota sign", "ota verify", "ota info", "ota getpub", "ota target", "power", "provision", "replay stats", "replay crest", "simulate" })
        {
            CollectionAssert.Contains(commands, verb);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Commands))]
    public void Command_NeverPrintsTheSecretsItWasGiven(string command)
    {
        string[] words = command.Split(' ');
        Command declared = Find(words);
        GenericProbes(command, words, declared);
        if (declared.Subcommands.Count > 0)
        {
            return; // a group ("ota", "replay"): only names its subcommands; each of them is a row of its own
        }

        Action? scenario = command switch
        {
            "collect" => Collect,
            "export" => Export,
            "footprint" => Footprint,
            "monitor" => Monitor,
            "ota keygen" => OtaKeygen,
            "ota sign" => OtaSign,
            "ota verify" => OtaVerify,
            "ota info" => OtaInfo,
            "ota getpub" => OtaGetpub,
            "ota target" => OtaTarget,
            "power" => Power,
            "provision" => Provision,
            "replay stats" => ReplayStats,
            "replay crest" => ReplayCrest,
            "simulate" => Simulate,
            _ => null,
        };
        if (scenario == null)
        {
            Assert.Fail($"'sensornode {command}' has no secrets scenario: add its success and failure runs to {nameof(EveryVerbSecretsTests)}");
        }

        scenario();
        (bool success, bool failure) = _paths.GetValueOrDefault(command);
        Assert.IsTrue(success && failure, $"'sensornode {command}' must be exercised on a success path (exit 0) and a failure path (success {success}, failure {failure})");
    }

    // Every command, groups included: secrets given where they do not belong, or with a usage error, never come back.
    private void GenericProbes(string command, string[] words, Command declared)
    {
        string rsp = Path.Combine(_dir, "probe-" + command.Replace(' ', '-') + ".rsp");
        File.WriteAllText(rsp, $"--password {ProbePassword}\n--no-such-option\n");
        string[] url = { "--broker", $"mqtt://{UrlUser}:{Uri.EscapeDataString(UrlPassword)}@127.0.0.1:1" };
        Expect(2, words.Concat(new[] { "--password", ProbePassword, "--no-such-option" }));
        Expect(2, words.Concat(new[] { "--password=" + ProbePassword, "--no-such-option" }));
        Expect(2, words.Concat(new[] { "--db", $"postgres://u:{ProbePassword}@127.0.0.1:1/x", "--no-such-option" }));
        Expect(2, words.Concat(new[] { "@" + rsp }));
        var refused = Expect(2, words.Concat(url));
        if (declared.Options.Any(o => o.Name == "--broker"))
        {
            // Item 6: one rule, one message, in every verb that takes a broker.
            Assert.AreEqual($"sensornode {words[0]}: {BrokerUrlCredentials.Refusal}", refused.Stderr.TrimEnd(), command);
            Assert.AreEqual(string.Empty, refused.Stdout, command);
        }
    }

    private void Collect()
    {
        string sqlite = Path.Combine(_dir, "collect.db");
        string closed = $"mqtt://127.0.0.1:{Mosquitto.FreePort()}";
        Expect(0, Stop(TimeSpan.FromSeconds(6), "collect", "--broker", Broker.Url, "--ca", Pki.CaFile, "--username", "collector", "--password", Mosquitto.Password, "--db", PostgresWithPassword(), "--client-id", "secrets-collect"), shows: "collect: stopped");
        Expect(0, Stop(TimeSpan.FromSeconds(6), "collect", "--broker", Broker.Url, "--ca", Pki.CaFile, "--cert", Pki.ClientCertFile, "--key", Pki.ClientKeyFile, "--username", "collector", "--password", Mosquitto.Password, "--db", sqlite, "--client-id", "secrets-collect-2"), shows: "collect: stopped");
        Expect(0, "collect", "--gaps", "--db", PostgresWithPassword());
        Expect(1, "collect", "--broker", Broker.Url, "--ca", Pki.CaFile, "--username", "collector", "--password", WrongPassword, "--db", sqlite);
        Expect(1, "collect", "--broker", closed, "--username", "collector", "--password", Mosquitto.Password, "--db", sqlite);
        Expect(1, "collect", "--gaps", "--db", $"postgres://postgres:{DbPassword}@127.0.0.1:{Mosquitto.FreePort()}/sensornode");
        Expect(2, "collect", "--broker", Broker.Url, "--password", Mosquitto.Password, "--db", sqlite);
        Expect(2, "collect", "--gaps", "--db", $"mysql://u:{DbPassword}@127.0.0.1/x");
    }

    private void Export()
    {
        Expect(0, new[] { "export", "--db", PostgresWithPassword(), "--node", "node1", "--channel", "temperature" }, shows: "t,value");
        Expect(1, "export", "--db", $"postgres://postgres:{DbPassword}@127.0.0.1:{Mosquitto.FreePort()}/sensornode", "--node", "node1", "--channel", "temperature");
        Expect(2, "export", "--db", $"mysql://u:{DbPassword}@127.0.0.1/x", "--node", "node1", "--channel", "temperature");
        Expect(2, "export", "--db", PostgresWithPassword(), "--node", "node1", "--channel", "colour");
    }

    private void Footprint()
    {
        string pe = Directory.CreateDirectory(Path.Combine(_dir, "pe")).FullName;
        string deployments = Path.Combine(pe, "deployments.json");
        string budgets = Path.Combine(pe, "budgets.json");
        File.WriteAllText(deployments, """{ "direct": ["A.Core"], "loader": ["A.Core"], "image": ["A.Core"] }""");
        File.WriteAllText(budgets, """{ "assemblyBytes": { "A.Core": 2000 }, "roleBytes": { "direct": 5000, "loader": 5000, "image": 5000 } }""");
        File.WriteAllBytes(Path.Combine(pe, "A.Core.pe"), new byte[1500]);
        Expect(0, new[] { "footprint", "--pe-dir", pe, "--deployments", deployments, "--budgets", budgets }, shows: "A.Core");
        Expect(1, "footprint", "--pe-dir", Path.Combine(_dir, "no-such-dir"), "--deployments", deployments, "--budgets", budgets);
        Expect(1, "footprint", "--pe-dir", pe, "--deployments", deployments, "--budgets", _privateKey);
    }

    private void Monitor()
    {
        string[] tls = { "--broker", Broker.Url, "--ca", Pki.CaFile };
        Expect(0, tls.Concat(new[] { "--username", "watcher", "--password", Mosquitto.Password, "--once", "--json", "--wait", "1s", "--db", PostgresWithPassword() }).Prepend("monitor"), shows: "{");
        Expect(0, Stop(TimeSpan.FromSeconds(4), tls.Concat(new[] { "--username", "watcher", "--password", Mosquitto.Password, "--refresh", "500ms", "--cert", Pki.ClientCertFile, "--key", Pki.ClientKeyFile }).Prepend("monitor").ToArray()), shows: "node");
        var wrong = Expect(1, tls.Concat(new[] { "--username", "watcher", "--password", WrongPassword, "--once" }).Prepend("monitor"));
        StringAssert.Contains(wrong.Stderr, "refused the monitor (");
        Expect(1, "monitor", "--broker", $"mqtt://127.0.0.1:{Mosquitto.FreePort()}", "--username", "watcher", "--password", Mosquitto.Password, "--once", "--timeout", "2s");
        Expect(0, tls.Concat(new[] { "--username", "watcher", "--password", Mosquitto.Password, "--once", "--db", $"postgres://postgres:{DbPassword}@127.0.0.1:{Mosquitto.FreePort()}/x" }).Prepend("monitor"), shows: "recorded gaps: cannot open");
        Expect(2, "monitor", "--broker", Broker.Url, "--password", Mosquitto.Password, "--once");

        // Response files (docs/cli.md): credentials may come from one; an option's value starting with '@' is literal.
        string credentials = Path.Combine(_dir, "watcher.rsp");
        File.WriteAllText(credentials, $"--username watcher\n--password {Mosquitto.Password}\n");
        Expect(0, tls.Concat(new[] { "@" + credentials, "--once", "--wait", "500ms" }).Prepend("monitor"), shows: "node");
        var literal = Expect(1, tls.Concat(new[] { "--username", "watcher", "--password", "@" + Path.Combine(_dir, LiteralFileName), "--once" }).Prepend("monitor"));
        Assert.AreEqual(wrong.Stderr, literal.Stderr, "the password '@FILE' is sent as it is (a wrong one), not the file's content (which is the right password)");
    }

    private void OtaKeygen()
    {
        string keys = Path.Combine(_dir, "keygen-" + Guid.NewGuid().ToString("N"));
        var made = Expect(0, "ota", "keygen", "--out", keys);
        AssertClean(made.Stdout + made.Stderr, KeyMaterial(Path.Combine(keys, "ota-private.pem")), "ota keygen");
        var again = Expect(2, "ota", "keygen", "--out", keys);
        AssertClean(again.Stdout + again.Stderr, KeyMaterial(Path.Combine(keys, "ota-private.pem")), "ota keygen");
    }

    private void OtaSign()
    {
        string pe = Path.Combine(_dir, "App.pe");
        Expect(0, "ota", "sign", "--key", _privateKey, "--version", "1.0.1", "--security-counter", "1", "--board", "esp32-devkitc-ve", "--input", pe, "--output", Path.Combine(_dir, "signed-" + Guid.NewGuid().ToString("N") + ".snimg"));
        Expect(2, "ota", "sign", "--key", _publicKey, "--version", "1.0.1", "--security-counter", "1", "--board", "esp32-devkitc-ve", "--input", pe, "--output", Path.Combine(_dir, "never.snimg"));
        Expect(2, "ota", "sign", "--key", _privateKey, "--version", "1.0.1", "--security-counter", "1", "--board", "esp32-devkitc-ve", "--input", _privateKey, "--output", Path.Combine(_dir, "never.snimg"));
    }

    private void OtaVerify()
    {
        Expect(0, new[] { "ota", "verify", "--pubkey", _publicKey, "--input", _image }, shows: "valid");
        Expect(1, "ota", "verify", "--pubkey", _publicKey, "--input", _privateKey);
        Expect(1, "ota", "verify", "--pubkey", _privateKey, "--input", _privateKey);
    }

    private void OtaInfo()
    {
        Expect(0, new[] { "ota", "info", "--input", _image }, shows: "1.0.0");
        Expect(1, "ota", "info", "--input", _privateKey);
        Expect(1, "ota", "info", "--input", _privateKey, "--json");
    }

    private void OtaGetpub()
    {
        Expect(0, new[] { "ota", "getpub", "--pubkey", _publicKey }, shows: "namespace");
        Expect(0, new[] { "ota", "getpub", "--pubkey", _privateKey }, shows: "namespace");
        Expect(2, "ota", "getpub", "--pubkey", Pki.ClientKeyFile);
    }

    private void OtaTarget()
    {
        Expect(0, "ota", "target", "--firmware", Repo.Path("firmware", "SensorNode.Ota.Device", "native_assemblies.csv"), "--board", "esp32-devkitc-ve");
        Expect(2, "ota", "target", "--firmware", _privateKey, "--board", "esp32-devkitc-ve");
    }

    private void Power()
    {
        Expect(0, new[] { "power", "--config", NodeJson("node1", WifiPassword) }, shows: "power model");
        string broken = Path.Combine(_dir, "broken-node.json");
        File.WriteAllText(broken, $"{{ \"wifiPassword\": \"{WifiPassword}\", \"mqttPassword\": \"{Mosquitto.Password}\", ");
        Expect(2, "power", "--config", broken);
        Expect(2, "power", "--config", _privateKey);
    }

    private void Provision()
    {
        // A simulated node's console on one side of a pty, the provisioning verb on the other; the node then runs
        // with what it was given (TLS, the MQTT password) against the real broker.
        using (var pty = new PtyPair())
        {
            string state = Directory.CreateDirectory(Path.Combine(_dir, "serial-" + Guid.NewGuid().ToString("N"))).FullName;
            using InProcessVerb node = InProcessVerb.Start(TimeSpan.FromSeconds(240), "simulate", "--serial", pty.NodeSide, "--state", state, "--cycles", "2");
            WaitFor(() => node.Stdout.Contains("console listening", StringComparison.Ordinal), node);
            Expect(0, new[] { "provision", "--port", pty.HostSide, "--config", NodeJson("node6", WifiPassword), "--ca", Pki.CaFile, "--cert", Pki.ClientCertFile, "--key", Pki.ClientKeyFile }, shows: "committed config version");
            Check(node, 0, "stopped after 2 samples");
        }

        // --info against a provisioned console: secrets only as "set".
        using (var pty = new PtyPair())
        {
            var store = new SensorNode.Host.Storage.DirectoryFileStore(Path.Combine(_dir, "flash-" + Guid.NewGuid().ToString("N")));
            var console = new SensorNode.Core.Provisioning.ProvisioningConsole(store, Fixtures.Identity);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(240));
            var serving = System.Threading.Tasks.Task.Run(() =>
            {
                using var link = new SensorNode.Host.Provisioning.SerialPortLink(pty.NodeSide);
                try
                {
                    SensorNode.Host.Provisioning.SerialConsoleHost.Serve(link, console, TextWriter.Null, stop.Token, stopWhenProvisioned: false);
                }
                catch (OperationCanceledException)
                {
                }
            });
            Expect(0, "provision", "--port", pty.HostSide, "--config", NodeJson("node5", WifiPassword), "--ca", Pki.CaFile);
            Expect(0, new[] { "provision", "--port", pty.HostSide, "--info" }, shows: "\"set\"");
            stop.Cancel();
            Assert.IsTrue(serving.Wait(InProcessVerb.Grace), "the console did not stop");
        }

        Expect(0, new[] { "provision", "--via-nanoff", "--dry-run", "--config", NodeJson("node4", WifiPassword), "--ca", Pki.CaFile, "--cert", Pki.ClientCertFile, "--key", Pki.ClientKeyFile, "--out", Path.Combine(_dir, "nanoff-" + Guid.NewGuid().ToString("N")) }, shows: "nanoff");
        using (var silent = new PtyPair())
        {
            Expect(1, "provision", "--port", silent.HostSide, "--config", NodeJson("node3", WifiPassword), "--ca", Pki.CaFile);
        }

        Expect(2, "provision", "--via-nanoff", "--dry-run", "--config", NodeJson("node2", "Wf-S3c"), "--ca", Pki.CaFile);
        string hostWithCredentials = Path.Combine(_dir, "host-credentials.json");
        string json = File.ReadAllText(NodeJson("node2", WifiPassword));
        File.WriteAllText(hostWithCredentials, json.Replace("\"brokerHost\": \"127.0.0.1\"", $"\"brokerHost\": \"{UrlUser}:{Uri.EscapeDataString(UrlPassword)}@127.0.0.1\"", StringComparison.Ordinal));
        Assert.AreNotEqual(json, File.ReadAllText(hostWithCredentials));
        Expect(2, "provision", "--via-nanoff", "--dry-run", "--config", hostWithCredentials, "--ca", Pki.CaFile);
        Expect(2, "provision", "--port", Path.Combine(_dir, "no-such-port"), "--config", NodeJson("node2", WifiPassword), "--ca", Pki.CaFile);
    }

    private void ReplayStats()
    {
        string input = Path.Combine(_dir, "stats.csv");
        File.WriteAllText(input, "t,value\na,2\nb,4\nc,4\nd,4\ne,5\n");
        Expect(0, "replay", "stats", "--window", "3", "--z-threshold", "2", "--input", input, "--output", Path.Combine(_dir, "stats-" + Guid.NewGuid().ToString("N") + ".csv"));
        Expect(2, "replay", "stats", "--window", "3", "--z-threshold", "2", "--input", _privateKey, "--output", Path.Combine(_dir, "never.csv"));
    }

    private void ReplayCrest()
    {
        string input = Path.Combine(_dir, "vib.csv");
        File.WriteAllText(input, "t,accel\n0,1.5\n1,-0.5\n2,1.5\n3,-0.5\n");
        Expect(0, "replay", "crest", "--window", "2", "--input", input, "--output", Path.Combine(_dir, "crest-" + Guid.NewGuid().ToString("N") + ".csv"));
        Expect(2, "replay", "crest", "--window", "2", "--input", _privateKey, "--output", Path.Combine(_dir, "never.csv"));
    }

    private void Simulate()
    {
        string[] tls = { "--broker", Broker.Url, "--ca", Pki.CaFile };
        string State() => Directory.CreateDirectory(Path.Combine(_dir, "sim-" + Guid.NewGuid().ToString("N"))).FullName;
        Expect(0, new[] { "simulate" }.Concat(tls).Concat(new[] { "--node-id", "node7", "--username", "node7", "--password", Mosquitto.Password, "--cert", Pki.ClientCertFile, "--key", Pki.ClientKeyFile, "--interval", "1s", "--cycles", "1", "--state", State() }), shows: "stopped after 1 samples");
        Expect(0, new[] { "simulate", "--mode", "deep-sleep" }.Concat(tls).Concat(new[] { "--node-id", "node8", "--username", "node8", "--password", Mosquitto.Password, "--wakes", "2", "--publish-every", "1", "--state", State() }), shows: "deep-sleep node");
        Expect(1, new[] { "simulate" }.Concat(tls).Concat(new[] { "--node-id", "node7", "--username", "node7", "--password", WrongPassword, "--cycles", "1", "--state", State() }));

        // An unreachable broker: the always-on node keeps trying until it is stopped, and says why in its log.
        var unreachable = Expect(0, Stop(TimeSpan.FromSeconds(4), "simulate", "--broker", $"mqtt://127.0.0.1:{Mosquitto.FreePort()}", "--node-id", "node7", "--username", "node7", "--password", Mosquitto.Password, "--interval", "1s"), shows: "stopped after");
        Assert.AreNotEqual(string.Empty, unreachable.Stdout);
        Expect(0, new[] { "simulate", "--mode", "deep-sleep", "--broker-down", "2", "--username", "node8", "--password", Mosquitto.Password, "--wakes", "3", "--state", State() }, shows: "simulated network");
        Expect(2, "simulate", "--broker", Broker.Url, "--password", Mosquitto.Password);
        Expect(2, "simulate", "--broker", Broker.Url, "--username", "node7", "--password", Mosquitto.Password, "--key", Path.Combine(_dir, "no-such.key"));
    }

    private static BrokerFixture Fixture => _broker ?? throw new InvalidOperationException("no broker");

    private static Mosquitto Broker => Fixture.Broker;

    private static TestPki Pki => Fixture.Pki;

    private static string PostgresWithPassword() =>
        (_postgres ?? throw new InvalidOperationException("no postgres")).CreateDatabase().Replace("postgres://postgres@", $"postgres://postgres:{DbPassword}@", StringComparison.Ordinal);

    // A node.json for the fixture's broker (TLS, the node's own user and password) with the given Wi-Fi password.
    private static string NodeJson(string node, string wifiPassword)
    {
        string path = Path.Combine(_dir, $"{node}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            {
              "nodeId": "{{node}}", "topicPrefix": "sensornode", "wifiSsid": "Lab", "wifiPassword": "{{wifiPassword}}",
              "brokerHost": "127.0.0.1", "brokerPort": {{Broker.Port}}, "useTls": true,
              "mqttUsername": "{{node}}", "mqttPassword": "{{Mosquitto.Password}}", "mode": "alwaysOn", "sampleIntervalSeconds": 1
            }
            """);
        return path;
    }

    private static (TimeSpan StopAfter, string[] Args) Stop(TimeSpan after, params string[] args) => (after, args);

    private InProcessVerb Expect(int exit, params string[] args) => Expect(exit, (IEnumerable<string>)args);

    private InProcessVerb Expect(int exit, IEnumerable<string> args, string? shows = null) => Expect(exit, (Quick, args.ToArray()), shows);

    // Runs one command line to its end (asked to stop after StopAfter) and checks its exit code, that it did its
    // work (shows), and that no secret is in its output.
    private InProcessVerb Expect(int exit, (TimeSpan StopAfter, string[] Args) run, string? shows = null)
    {
        using InProcessVerb verb = InProcessVerb.Start(run.StopAfter, run.Args);
        Check(verb, exit, shows);
        return verb;
    }

    private void Check(InProcessVerb verb, int exit, string? shows)
    {
        string line = string.Join(' ', verb.Args);
        int? code = verb.Wait();
        string output = verb.Stdout + verb.Stderr;
        Assert.IsNotNull(code, $"'sensornode {line}' did not end within {InProcessVerb.Grace.TotalSeconds} s of being asked to stop:\n{output}");
        Assert.AreEqual(exit, code, $"'sensornode {line}':\n{output}");
        if (shows != null)
        {
            StringAssert.Contains(verb.Stdout, shows, $"'sensornode {line}' did not do its work:\n{output}");
        }

        AssertClean(output, _secrets, line);
        string command = string.Join(' ', verb.Args.TakeWhile(a => !a.StartsWith('-') && !a.StartsWith('@')));
        (bool success, bool failure) = _paths.GetValueOrDefault(command);
        _paths[command] = (success || code == 0, failure || code != 0);
    }

    private static void AssertClean(string output, IEnumerable<string> secrets, string line)
    {
        foreach (string secret in secrets)
        {
            Assert.IsFalse(output.Contains(secret, StringComparison.Ordinal), $"'sensornode {line}' printed the secret '{secret}':\n{output}");
        }
    }

    // Lines of a PEM private key's body: the key itself, which no output may hold.
    private static IEnumerable<string> KeyMaterial(string pemFile) =>
        File.ReadAllLines(pemFile).Where(l => l.Length >= 40 && !l.StartsWith("-----", StringComparison.Ordinal)).Take(3).ToArray();

    private static void WaitFor(Func<bool> condition, InProcessVerb verb)
    {
        DateTime deadline = DateTime.UtcNow + InProcessVerb.Grace;
        while (!condition())
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, $"'sensornode {string.Join(' ', verb.Args)}' did not get ready:\n{verb.Stdout}{verb.Stderr}");
            Thread.Sleep(100);
        }
    }

    private static Command Find(string[] words)
    {
        Command command = SensorNode.Cli.Program.BuildRoot();
        foreach (string word in words)
        {
            command = command.Subcommands.Single(c => c.Name == word);
        }

        return command;
    }

    private static IEnumerable<string> Walk(Command command, string path)
    {
        foreach (Command sub in command.Subcommands)
        {
            string name = path.Length == 0 ? sub.Name : path + " " + sub.Name;
            yield return name;
            foreach (string deeper in Walk(sub, name))
            {
                yield return deeper;
            }
        }
    }
}
