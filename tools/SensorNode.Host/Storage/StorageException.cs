using System;

namespace SensorNode.Host.Storage;

/// <summary>The database cannot be opened, migrated, written or read; the message is one sentence for a person.</summary>
public sealed class StorageException : Exception
{
    public StorageException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
