using System;
using System.Collections.Generic;
using SensorNode.Core.Config;
using SensorNode.Core.Provisioning;

namespace SensorNode.Cli.Provisioning;

/// <summary>
/// `provision --remove-file KIND` (docs/provisioning.md): ca, cert (client certificate and key, which go together,
/// docs/spec/provisioning.md §6) or ota-pubkey, to the file kinds whose removal the run stages (docs/spec/provisioning.md §4.9).
/// </summary>
internal static class RemoveFileOption
{
    /// <summary>The kinds of each name, with the file options that upload them.</summary>
    private static readonly (string Name, ConfigField[] Kinds, string[] Options)[] Names =
    {
        ("ca", new[] { ConfigField.CaCertificate }, new[] { "--ca" }),
        ("cert", new[] { ConfigField.ClientCertificate, ConfigField.ClientKey }, new[] { "--cert", "--key" }),
        ("ota-pubkey", new[] { ConfigField.OtaPublicKey }, new[] { "--ota-pubkey" }),
    };

    /// <summary>The file kinds to remove, each once, in id order; a bad name or a file option for the same kind is a usage error.</summary>
    public static IReadOnlyList<ConfigField> Parse(IReadOnlyList<string> values, Func<string, string?> option)
    {
        var kinds = new SortedSet<ConfigField>();
        foreach (string value in values)
        {
            int at = Array.FindIndex(Names, n => n.Name == value);
            if (at < 0)
            {
                throw new CliException($"--remove-file must be ca, cert or ota-pubkey, got '{value}'");
            }

            foreach (string file in Names[at].Options)
            {
                if (option(file) != null)
                {
                    throw new CliException($"--remove-file {value} and {file} name the same file; give one of them: {file} uploads a new file, --remove-file removes the committed one");
                }
            }

            kinds.UnionWith(Names[at].Kinds);
        }

        return new List<ConfigField>(kinds);
    }
}
