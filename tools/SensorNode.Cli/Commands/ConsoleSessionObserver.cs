using System;
using System.Globalization;
using System.IO;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;
using SensorNode.Core.Telemetry;

namespace SensorNode.Cli.Commands;

/// <summary>The simulator's live log: connects, samples (with anomalies), telemetry publishes, commands, failures.</summary>
internal sealed class ConsoleSessionObserver : ISessionObserver
{
    private readonly TextWriter _out;
    private readonly MqttTopics _topics;
    private int _discoveryPublished;

    public ConsoleSessionObserver(TextWriter output, MqttTopics topics)
    {
        _out = output;
        _topics = topics;
    }

    public void Connected(MqttLinkStatus status, int attempt)
    {
        _out.WriteLine(status == MqttLinkStatus.Ok
            ? $"{Now} connected: '{StatusPayload.Online}' on {_topics.Status} (retained), subscribed to {_topics.Command}"
            : $"{Now} connect failed ({Describe(status)}), attempt {attempt}; readings stay buffered");
    }

    public void Sampled(SampleRecord r)
    {
        string anomaly = r.AnomalyMask == 0 ? string.Empty : "  ANOMALY (" + Channels(r.AnomalyMask) + ")";
        _out.WriteLine($"{Now} sample seq {r.Sequence}: {V(r, Channel.Temperature, 2)} °C  {V(r, Channel.Humidity, 2)} %  {V(r, Channel.Pressure, 2)} hPa  {V(r, Channel.VibrationRms, 3)} g  crest {V(r, Channel.CrestFactor, 3)}{anomaly}");
    }

    public void Published(string topic, int bytes, MqttLinkStatus status)
    {
        if (status != MqttLinkStatus.Ok)
        {
            _out.WriteLine($"{Now} publish to {topic} failed: {Describe(status)}");
        }
        else if (topic == _topics.Telemetry)
        {
            _out.WriteLine($"{Now} published {(bytes - TelemetryFormat.HeaderSize) / TelemetryFormat.ReadingSize} reading(s) to {topic} ({bytes} bytes, QoS 1, acknowledged)");
        }
        else if (topic.StartsWith(MqttTopics.DiscoveryPrefix + "/", StringComparison.Ordinal) && ++_discoveryPublished == DiscoveryWriter.Count)
        {
            _out.WriteLine($"{Now} published {DiscoveryWriter.Count} Home Assistant discovery configs under {MqttTopics.DiscoveryPrefix}/");
        }
    }

    public void CommandHandled(Command command, CommandStatus status)
    {
        string name = command.Kind == CommandKind.None ? "(unrecognised)" : CommandParser.Names[(int)command.Kind];
        _out.WriteLine($"{Now} command {name}: {(status == CommandStatus.Ok ? "ok" : CommandResultWriter.ErrorNames[(int)status] + (command.ErrorField != null ? " (" + command.ErrorField + ")" : string.Empty))}");
    }

    public void Dropped(uint sequence) => _out.WriteLine($"{Now} buffer full: dropped reading seq {sequence}");

    private static string Now => DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string V(SampleRecord r, Channel c, int decimals) =>
        r.StatusOf(c) == ReadingStatus.Ok ? FixedText.Format(r.Get(c), decimals) : r.StatusOf(c).ToString();

    private static string Channels(int mask)
    {
        string s = string.Empty;
        for (int c = 0; c < SampleRecord.ChannelCount; c++)
        {
            if ((mask & (1 << c)) != 0)
            {
                s += (s.Length > 0 ? ", " : string.Empty) + DiscoveryWriter.ObjectIds[c];
            }
        }

        return s;
    }

    private static string Describe(MqttLinkStatus status) => status switch
    {
        MqttLinkStatus.Unreachable => "broker unreachable",
        MqttLinkStatus.TlsFailed => "TLS failed",
        MqttLinkStatus.BadCredentials => "bad user name or password",
        MqttLinkStatus.NotAuthorized => "not authorized",
        MqttLinkStatus.NotConnected => "not connected",
        _ => status.ToString(),
    };
}
