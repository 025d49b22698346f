using System;
using Npgsql;

namespace SensorNode.Host.Storage;

/// <summary>
/// Turns <c>postgres://user:password@host:port/database?sslmode=require</c> (also <c>postgresql://</c>) into an
/// Npgsql connection string. Query keys: <c>sslmode</c>, <c>host</c> (overrides the host, e.g. a Unix socket
/// directory), <c>application_name</c>.
/// </summary>
public static class PostgresUrl
{
    /// <summary>True when <paramref name="db"/> names a PostgreSQL URL rather than a SQLite file.</summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string, or an <see cref="ArgumentException"/> whose message says what is wrong.</summary>
    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException($"'{Redact(url)}' is not a PostgreSQL URL like postgres://user:password@host:5432/database");
        }

        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            throw new ArgumentException($"'{Redact(url)}' names no database: add /DATABASE after the host");
        }

        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
            ApplicationName = "sensornode-collect",
        };
        if (uri.UserInfo.Length > 0)
        {
            string[] parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                b.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            switch (kv[0])
            {
                case "sslmode":
                    b.SslMode = Enum.TryParse(value.Replace("-", string.Empty), true, out SslMode mode)
                        ? mode
                        : throw new ArgumentException($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full");
                    break;
                case "host":
                    b.Host = value;
                    break;
                case "application_name":
                    b.ApplicationName = value;
                    break;
                default:
                    throw new ArgumentException($"unknown PostgreSQL URL parameter '{kv[0]}' (known: sslmode, host, application_name)");
            }
        }

        return b.ConnectionString;
    }

    /// <summary>The URL with any password replaced by ***, for messages.</summary>
    public static string Redact(string url)
    {
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        int at = url.IndexOf('@');
        if (scheme < 0 || at < scheme)
        {
            return url;
        }

        int colon = url.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? url[..(colon + 1)] + "***" + url[at..] : url;
    }
}
