using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace NFUnitTest.Sensors
{
    /// <summary>A DHT22 stand-in: returns scripted statuses in turn (the last repeats) and logs read times.</summary>
    public sealed class FakeHumidityTemperatureSensor : IHumidityTemperatureSensor
    {
        private readonly IClock _clock;
        private ReadingStatus[] _script = new ReadingStatus[] { ReadingStatus.Ok };

        public FakeHumidityTemperatureSensor(IClock clock)
        {
            _clock = clock;
        }

        public int TemperatureCentiCelsius = 2150;
        public int HumidityCentiPercent = 4500;
        public int Calls;
        public long[] CallTimes = new long[16];

        public void Script(ReadingStatus[] statuses)
        {
            _script = statuses;
        }

        public ReadingStatus TryRead(out int temperatureCentiCelsius, out int humidityCentiPercent)
        {
            if (Calls < CallTimes.Length)
            {
                CallTimes[Calls] = _clock.MonotonicMilliseconds;
            }

            ReadingStatus status = _script[Calls < _script.Length ? Calls : _script.Length - 1];
            Calls++;
            temperatureCentiCelsius = TemperatureCentiCelsius;
            humidityCentiPercent = HumidityCentiPercent;
            return status;
        }
    }

    /// <summary>A BME280 stand-in with a settable status and values.</summary>
    public sealed class FakePressureSensor : IPressureSensor
    {
        public ReadingStatus Status = ReadingStatus.Ok;
        public int TemperatureCentiCelsius = 2200;
        public int PressurePascal = 101325;
        public int HumidityCentiPercent = 4000;
        public int Calls;

        public ReadingStatus TryRead(out int temperatureCentiCelsius, out int pressurePascal, out int humidityCentiPercent)
        {
            Calls++;
            temperatureCentiCelsius = TemperatureCentiCelsius + (Calls % 3);
            pressurePascal = PressurePascal + (Calls % 5);
            humidityCentiPercent = HumidityCentiPercent + (Calls % 7);
            return Status;
        }
    }

    /// <summary>An accelerometer stand-in producing a square wave of ±amplitude milli-g around 1 g.</summary>
    public sealed class FakeVibrationSensor : IVibrationSensor
    {
        public ReadingStatus Status = ReadingStatus.Ok;
        public int AmplitudeMilliG = 100;
        public int PerBurst = 33;
        public int Produced;

        public int SampleRateHertz
        {
            get { return 800; }
        }

        public int FullScaleMilliG
        {
            get { return 2000; }
        }

        public ReadingStatus ReadBurst(int[] samplesMilliG, int offset, int count, out int read)
        {
            read = 0;
            if (Status != ReadingStatus.Ok)
            {
                return Status;
            }

            int n = PerBurst < count ? PerBurst : count;
            for (int i = 0; i < n; i++)
            {
                samplesMilliG[offset + i] = 1000 + ((Produced & 1) == 0 ? AmplitudeMilliG : -AmplitudeMilliG);
                Produced++;
                read++;
            }

            return ReadingStatus.Ok;
        }
    }
}
