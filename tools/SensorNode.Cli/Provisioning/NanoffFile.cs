namespace SensorNode.Cli.Provisioning;

/// <summary>One entry of a nanoff file deployment: a host file and where it goes on the node (I:\...).</summary>
internal sealed record NanoffFile(string Source, string Destination);
