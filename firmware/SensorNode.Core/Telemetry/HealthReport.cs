using SensorNode.Core.Sensors;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The node's health, published on &lt;base&gt;/health (docs/spec/mqtt.md §6). Filled by the composition
    /// root (and the duty cycle); written by <see cref="HealthWriter"/>. Allocated once and reused.
    /// </summary>
    public sealed class HealthReport
    {
        /// <summary>Boots since the flash was formatted (every deep-sleep wake is a boot).</summary>
        public uint BootCount;

        /// <summary>Why the node last booted.</summary>
        public ResetReason ResetReason;

        /// <summary>Seconds since this boot.</summary>
        public long UptimeSeconds;

        /// <summary>Wi-Fi signal, dBm; 0 when unknown (host simulator).</summary>
        public int RssiDbm;

        /// <summary>Free managed heap, bytes; -1 when unknown.</summary>
        public long FreeMemoryBytes = -1;

        /// <summary>Failed reads per channel since boot, indexed by <see cref="Channel"/>.</summary>
        public readonly uint[] SensorErrors = new uint[SampleRecord.ChannelCount];

        /// <summary>Readings waiting to be published.</summary>
        public int BufferFill;

        /// <summary>Readings the buffer can hold.</summary>
        public int BufferCapacity;

        /// <summary>Readings lost because the buffer was full, since the flash was formatted.</summary>
        public uint ReadingsDropped;

        /// <summary>Version of the application image running now (after an update, the new one); defaults to <see cref="FirmwareInfo.Version"/>.</summary>
        public string FirmwareVersion = FirmwareInfo.Version;

        /// <summary>Configuration version (NodeConfig.ConfigVersion).</summary>
        public int ConfigVersion;

        /// <summary>Overall level.</summary>
        public HealthLevel Level;

        /// <summary>Counts the failed channels of a sample into <see cref="SensorErrors"/>; returns how many failed.</summary>
        public int CountErrors(SampleRecord record)
        {
            int failed = 0;
            for (int c = 0; c < SampleRecord.ChannelCount; c++)
            {
                if (record.Statuses[c] != (byte)ReadingStatus.Ok)
                {
                    SensorErrors[c]++;
                    failed++;
                }
            }

            return failed;
        }

        /// <summary>Sets <see cref="Level"/> from the latest sample's failures and the drop count.</summary>
        public void UpdateLevel(int failedChannels, bool droppedSinceLastReport)
        {
            if (failedChannels >= SampleRecord.ChannelCount)
            {
                Level = HealthLevel.Failed;
            }
            else
            {
                Level = failedChannels > 0 || droppedSinceLastReport ? HealthLevel.Warning : HealthLevel.Ok;
            }
        }
    }
}
