using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SensorNode.Cli.Monitor;

/// <summary>
/// The terminal view (Spectre.Console): one table per node with its status, latest values and sparklines,
/// the anomaly flag, health, the latest update report and warnings. Same content as <see cref="FleetView"/>.
/// </summary>
internal static class FleetTable
{
    public static IRenderable Build(Fleet fleet, DateTimeOffset now) => fleet.Read(nodes =>
    {
        var parts = new List<IRenderable>
        {
            new Markup(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"prefix {fleet.Prefix}  {nodes.Count} node(s)  {now:yyyy-MM-dd HH:mm:ss}Z")), new Style(decoration: Decoration.Bold)),
        };
        if (nodes.Count == 0)
        {
            parts.Add(new Markup("[dim](no node has published yet)[/]"));
        }

        foreach (NodeState node in nodes)
        {
            parts.AddRange(Node(node, now));
        }

        return (IRenderable)new Rows(parts);
    });

    private static IEnumerable<IRenderable> Node(NodeState node, DateTimeOffset now)
    {
        string status = node.Status switch
        {
            MqttContract.Online => "[green]" + Markup.Escape(node.Status) + "[/]",
            MqttContract.Sleeping => "[dim]" + Markup.Escape(node.Status) + "[/]",
            _ => "[yellow]" + Markup.Escape(node.Status) + "[/]",
        };
        string title = $"[bold]{Markup.Escape(node.Id)}[/]  {status}  seq {Markup.Escape(FleetView.Field(node.State, MqttContract.Seq.Key))}  at {Markup.Escape(FleetView.Field(node.State, MqttContract.Timestamp.Key))}"
            + (node.Anomaly == true ? "  [bold red]ANOMALY[/]" : string.Empty);
        var table = new Table { Border = TableBorder.Rounded, Expand = false };
        table.AddColumn("channel").AddColumn(new TableColumn("value").RightAligned()).AddColumn("trend");
        foreach (MqttField channel in MqttContract.Channels)
        {
            string spark = node.History.TryGetValue(channel.Key, out List<double>? values) ? Sparkline.Render(values) : string.Empty;
            table.AddRow(Markup.Escape(channel.Key), Markup.Escape(FleetView.Field(node.State, channel.Key)), "[blue]" + Markup.Escape(spark) + "[/]");
        }

        var notes = new List<string> { "  health: " + Markup.Escape(FleetView.Health(node)) };
        if (FleetView.NextWake(node) is string next)
        {
            notes.Add("  next wake " + Markup.Escape(next));
        }

        if (node.Ota.Count > 0)
        {
            string state = node.Ota.TryGetValue(MqttContract.OtaState.Key, out JsonElement e) ? Json.Display(e) : string.Empty;
            string colour = state switch { "rejected" or "rolled_back" => "yellow", "confirmed" => "green", _ => "default" };
            notes.Add($"  update: [{colour}]{Markup.Escape(FleetView.Update(node.Ota))}[/]");
        }

        foreach (string warning in HealthRules.Warnings(node, now))
        {
            notes.Add("  [yellow]! " + Markup.Escape(warning) + "[/]");
        }

        yield return new Text(string.Empty);
        yield return new Markup(title);
        yield return table;
        foreach (string note in notes)
        {
            yield return new Markup(note);
        }
    }
}
