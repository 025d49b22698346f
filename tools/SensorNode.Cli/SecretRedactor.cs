using System;
using System.Collections.Generic;

namespace SensorNode.Cli;

/// <summary>
/// The secrets a command line gives (the values of --password and of any credentials inside a URL), and
/// a redaction of them from any text that leaves the process (docs/hostile-peers.md). The last line of
/// defence behind each verb's own rule never to print them.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>Options whose value is a secret.</summary>
    public static readonly string[] SecretOptions = { "--password", "--mqtt-password", "--wifi-password" };

    private readonly List<string> _secrets = new();

    public SecretRedactor(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            foreach (string option in SecretOptions)
            {
                if (arg == option && i + 1 < args.Count)
                {
                    Add(args[i + 1]);
                }
                else if (arg.StartsWith(option + "=", StringComparison.Ordinal) || arg.StartsWith(option + ":", StringComparison.Ordinal))
                {
                    Add(arg[(option.Length + 1)..]);
                }
            }

            // Credentials inside any URL (a broker, a postgres:// database): user:password between "://" and the last '@'.
            int scheme = arg.IndexOf("://", StringComparison.Ordinal);
            int at = arg.LastIndexOf('@');
            if (scheme >= 0 && at > scheme + 3)
            {
                string userInfo = arg[(scheme + 3)..at];
                Add(userInfo);
                int colon = userInfo.IndexOf(':');
                if (colon >= 0)
                {
                    Add(userInfo[(colon + 1)..]);
                }
            }
        }
    }

    /// <summary>True when the command line carries a secret.</summary>
    public bool Any => _secrets.Count > 0;

    /// <summary><paramref name="text"/> with every secret replaced by "***".</summary>
    public string Redact(string text)
    {
        foreach (string secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }

    private void Add(string secret)
    {
        AddOne(secret);
        // As written in a URL (percent-encoded) and as meant (decoded): both are hidden.
        try
        {
            AddOne(Uri.UnescapeDataString(secret));
        }
        catch (UriFormatException)
        {
        }

        AddOne(Uri.EscapeDataString(secret));
    }

    private void AddOne(string secret)
    {
        // One- and two-character values would redact ordinary words; they are not worth hiding either.
        if (secret.Length >= 3 && !_secrets.Contains(secret))
        {
            _secrets.Add(secret);
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }
}
