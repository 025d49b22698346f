using System;

namespace SensorNode.Host.Mqtt;

/// <summary>
/// The one rule every verb applies to a broker URL (issue 17, docs/hostile-peers.md): credentials in it
/// (<c>mqtt://user:password@host</c>) are refused, in every verb the same way, with a message that never
/// repeats them; <see cref="Redact"/> hides them wherever a URL must be echoed.
/// </summary>
public static class BrokerUrlCredentials
{
    /// <summary>The refusal, one line, naming the option and the way to pass credentials instead.</summary>
    public const string Refusal = "--broker must not carry credentials (user:password@host); pass them with --username and --password (the URL is not repeated here)";

    /// <summary>True when the URL's authority (between "://" and the next '/', '?' or '#') holds a '@'.</summary>
    public static bool HasCredentials(string url)
    {
        int start = url.IndexOf("://", StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 3;
        int end = url.IndexOfAny(new[] { '/', '?', '#' }, start);
        end = end < 0 ? url.Length : end;
        return url.IndexOf('@', start, end - start) >= 0;
    }

    /// <summary>The URL with everything before the last '@' of its authority replaced by "***" (unchanged when it has no credentials).</summary>
    public static string Redact(string url)
    {
        if (!HasCredentials(url))
        {
            return url;
        }

        int start = url.IndexOf("://", StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 3;
        int end = url.IndexOfAny(new[] { '/', '?', '#' }, start);
        end = end < 0 ? url.Length : end;
        int at = url.LastIndexOf('@', end - 1, end - start);
        return url[..start] + "***" + url[at..];
    }
}
