using System.Text;
using SensorNode.Core.Telemetry;

namespace SensorNode.Host.Storage;

/// <summary>Persisted texts (docs/spec/storage.md §3): malformed reasons and topic kinds. Never rename a value.</summary>
public static class StorageText
{
    /// <summary>The reason stored for a refused batch: the <see cref="BatchStatus"/> name in snake_case (<c>length_mismatch</c>).</summary>
    public static string Reason(BatchStatus status)
    {
        string name = status.ToString();
        var b = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                b.Append('_');
            }

            b.Append(char.ToLowerInvariant(name[i]));
        }

        return b.ToString();
    }

    /// <summary>The <c>kind</c> column of node_topics: <c>status</c>, <c>state</c> or <c>health</c>.</summary>
    public static string Kind(TopicKind kind) => kind.ToString().ToLowerInvariant();
}
