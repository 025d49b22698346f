namespace SensorNode.Host.Storage;

/// <summary>What one committed transaction did: readings stored, duplicates dropped, malformed batches kept aside, gaps opened.</summary>
public sealed record IngestReport(int Messages, int ReadingsStored, int Duplicates, int Malformed, int GapsOpened);
