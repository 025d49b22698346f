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

    /// <summary>
    /// True when the URL holds a '@' anywhere. A broker URL (mqtt[s]://host[:port]) has no place for one but
    /// credentials, so a '@' is taken as credentials even where a typo moved it (<c>mqtt//bob:pw@host</c>,
    /// <c>mqtt://host/bob:pw@x</c>), and such a URL is never echoed.
    /// </summary>
    public static bool HasCredentials(string url) => url.Contains('@', StringComparison.Ordinal);

    /// <summary>The URL with everything between "://" (or its start) and its last '@' replaced by "***" (unchanged when it has no '@').</summary>
    public static string Redact(string url)
    {
        int at = url.LastIndexOf('@');
        if (at < 0)
        {
            return url;
        }

        int start = url.IndexOf("://", StringComparison.Ordinal);
        start = start < 0 || start + 3 > at ? 0 : start + 3;
        return url[..start] + "***" + url[at..];
    }
}
