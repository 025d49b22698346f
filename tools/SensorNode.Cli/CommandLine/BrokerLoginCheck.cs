using System.IO;

namespace SensorNode.Cli.CommandLine;

/// <summary>
/// The checks monitor and collect apply to the options that go with a broker (--ca, --cert, --key, --username,
/// --password), with one set of messages; the URL itself is read by <see cref="Host.Mqtt.MqttEndpoint.TryParse"/>.
/// </summary>
internal static class BrokerLoginCheck
{
    /// <summary>Throws a <see cref="CliException"/> (exit 2) naming the first problem.</summary>
    public static void Check(bool tls, string? ca, string? cert, string? key, string? username, string? password)
    {
        if (password != null && username == null)
        {
            throw new CliException("--password needs --username");
        }

        if (!tls && (ca != null || cert != null || key != null))
        {
            throw new CliException("--ca, --cert and --key need an mqtts:// broker URL");
        }

        if ((cert == null) != (key == null))
        {
            throw new CliException("--cert and --key go together (client certificate and its private key)");
        }

        foreach ((string option, string? path) in new[] { ("--ca", ca), ("--cert", cert), ("--key", key) })
        {
            if (path != null && !File.Exists(path))
            {
                throw new CliException($"{option} file not found: {path}");
            }
        }
    }
}
