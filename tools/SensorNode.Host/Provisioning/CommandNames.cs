using SensorNode.Core.Provisioning;

namespace SensorNode.Host.Provisioning;

/// <summary>The spec's names of the requests (docs/spec/provisioning.md §4), for messages a person reads.</summary>
public static class CommandNames
{
    public static string Of(ProvisioningCommand command) => command switch
    {
        ProvisioningCommand.Hello => "hello",
        ProvisioningCommand.Info => "info",
        ProvisioningCommand.SetConfig => "set-config",
        ProvisioningCommand.FileBegin => "file-begin",
        ProvisioningCommand.FileChunk => "file-chunk",
        ProvisioningCommand.FileEnd => "file-end",
        ProvisioningCommand.Validate => "validate",
        ProvisioningCommand.Commit => "commit",
        ProvisioningCommand.GetConfig => "get-config",
        ProvisioningCommand.Reboot => "reboot",
        ProvisioningCommand.FactoryReset => "factory-reset",
        ProvisioningCommand.DiscardStaged => "discard-staged",
        ProvisioningCommand.RemoveFile => "remove-file",
        _ => $"command 0x{(byte)command:x2}",
    };
}
