using SensorNode.Core.Sensors;

namespace NFUnitTest.Telemetry
{
    /// <summary>The readings behind the named vectors of docs/spec/mqtt.md §4 and §5.5.</summary>
    public static class Vectors
    {
        /// <summary>batch_one_reading (hex as in docs/spec/vectors/mqtt/batch_one_reading.hex).</summary>
        public const string BatchOneReadingHex = "0101160000bec1c59a0100002a000000000000000000006608a811cd8b010c008605";

        /// <summary>batch_two_readings_anomaly_and_faults.</summary>
        public const string BatchTwoReadingsHex = "0102160060a8c2c59a0100000700000000000000000008fffb0f27cd8101dc05681008000000e8030000080100fafb0000c88101e6050410";

        /// <summary>state_one_reading.</summary>
        public const string StateOneReading = "{\"temperature\":21.50,\"humidity\":45.20,\"pressure\":1013.25,\"vibration_rms\":0.012,\"crest_factor\":1.414,\"anomaly\":false,\"seq\":42,\"timestamp\":1764254400000}";

        /// <summary>state_faults.</summary>
        public const string StateFaults = "{\"temperature\":-10.30,\"humidity\":null,\"pressure\":null,\"vibration_rms\":1.510,\"crest_factor\":4.100,\"anomaly\":false,\"seq\":8,\"timestamp\":1764254461000}";

        public static SampleRecord OneReading()
        {
            SampleRecord r = new SampleRecord();
            r.Sequence = 42;
            r.UnixMilliseconds = 1764254400000;
            r.Set(Channel.Temperature, 2150, ReadingStatus.Ok);
            r.Set(Channel.Humidity, 4520, ReadingStatus.Ok);
            r.Set(Channel.Pressure, 101325, ReadingStatus.Ok);
            r.Set(Channel.VibrationRms, 12, ReadingStatus.Ok);
            r.Set(Channel.CrestFactor, 1414, ReadingStatus.Ok);
            return r;
        }

        public static SampleRecord[] TwoReadings()
        {
            SampleRecord a = new SampleRecord();
            a.Sequence = 7;
            a.UnixMilliseconds = 1764254460000;
            a.Set(Channel.Temperature, -1025, ReadingStatus.Ok);
            a.Set(Channel.Humidity, 9999, ReadingStatus.Ok);
            a.Set(Channel.Pressure, 98765, ReadingStatus.Ok);
            a.Set(Channel.VibrationRms, 1500, ReadingStatus.Ok);
            a.Set(Channel.CrestFactor, 4200, ReadingStatus.Ok);
            a.AnomalyMask = 1 << (int)Channel.VibrationRms;
            SampleRecord b = new SampleRecord();
            b.Sequence = 8;
            b.UnixMilliseconds = 1764254461000;
            b.Set(Channel.Temperature, -1030, ReadingStatus.Ok);
            b.Set(Channel.Humidity, 0, ReadingStatus.ReadFailed);
            b.Set(Channel.Pressure, 98760, ReadingStatus.Stuck);
            b.Set(Channel.VibrationRms, 1510, ReadingStatus.Ok);
            b.Set(Channel.CrestFactor, 4100, ReadingStatus.Ok);
            return new SampleRecord[] { a, b };
        }
    }
}
