using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SensorNode.Host.Ota;

/// <summary>firmware/deployments.json (docs/deployments.md), embedded in this assembly at build time.</summary>
public static class DeploymentTable
{
    /// <summary>The assembly names of one role ("direct", "loader", "image"), in deployment order.</summary>
    public static IReadOnlyList<string> Role(string role)
    {
        using Stream stream = typeof(DeploymentTable).Assembly.GetManifestResourceStream("deployments.json")
            ?? throw new InvalidOperationException("deployments.json is not embedded in SensorNode.Host");
        using JsonDocument doc = JsonDocument.Parse(stream);
        return doc.RootElement.GetProperty(role).EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
