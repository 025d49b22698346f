using System;
using SensorNode.Core.Ports;
using SensorNode.Core.Sensors;

namespace SensorNode.Host.Sensors;

/// <summary>
/// An accelerometer on a rotating machine: gravity on the measured axis, shaft rotation (fundamental plus
/// 2× and 3× harmonics), broadband noise, and an outer-race bearing fault as a train of impulses at
/// <see cref="FaultOrder"/> × shaft speed, each ringing a structural resonance and decaying. The impulses'
/// height is <see cref="FaultSeverity"/> × <see cref="ImpulseMilliG"/>, so raising the severity raises the crest
/// factor. Samples are quantized to the ADXL345's 3.9 mg step and clipped at full scale. The FIFO is always
/// full (33 waiting), as if the reader had waited; dropouts fail whole bursts. Deterministic for a seed.
/// </summary>
public sealed class SimulatedAccelerometer : IVibrationSensor
{
    private const int FifoSamples = 33;
    private readonly SplitMix64 _random;
    private long _sampleIndex;

    /// <summary>Creates the sensor at <paramref name="sampleRateHertz"/> and ±<paramref name="rangeG"/> g.</summary>
    public SimulatedAccelerometer(int sampleRateHertz, int rangeG, int seed)
    {
        SampleRateHertz = sampleRateHertz;
        FullScaleMilliG = rangeG * 1000;
        _random = new SplitMix64(seed, 3);
    }

    /// <inheritdoc />
    public int SampleRateHertz { get; }

    /// <inheritdoc />
    public int FullScaleMilliG { get; }

    /// <summary>Fault knobs (spikes and stuck do not apply; use <see cref="FaultSeverity"/> and dropouts).</summary>
    public SensorFaults Faults { get; } = new SensorFaults();

    /// <summary>Shaft speed, Hz (24.75 Hz = 1485 rpm, a 4-pole motor under load).</summary>
    public double ShaftHertz { get; set; } = 24.75;

    /// <summary>Amplitude of the 1× component, milli-g; 2× and 3× are 40 % and 15 % of it.</summary>
    public double ShaftMilliG { get; set; } = 120;

    /// <summary>Broadband noise, milli-g RMS.</summary>
    public double NoiseMilliG { get; set; } = 15;

    /// <summary>Bearing defect frequency in shaft orders (ball-pass frequency, outer race).</summary>
    public double FaultOrder { get; set; } = 3.57;

    /// <summary>Bearing fault severity: 0 healthy, 1 severe. Scales the impulse height linearly.</summary>
    public double FaultSeverity { get; set; }

    /// <summary>Impulse height at severity 1, milli-g.</summary>
    public double ImpulseMilliG { get; set; } = 1400;

    /// <summary>Structural resonance rung by each impulse, Hz (kept below Nyquist at 800 Hz).</summary>
    public double ResonanceHertz { get; set; } = 287;

    /// <summary>Decay time constant of each ring, seconds.</summary>
    public double DecaySeconds { get; set; } = 0.0015;

    /// <inheritdoc />
    public ReadingStatus ReadBurst(int[] samplesMilliG, int offset, int count, out int read)
    {
        read = 0;
        if (Faults.Absent)
        {
            return ReadingStatus.NotPresent;
        }

        if (_random.Chance(Faults.DropoutProbability))
        {
            return ReadingStatus.ReadFailed;
        }

        int n = Math.Min(count, FifoSamples);
        for (int i = 0; i < n; i++)
        {
            samplesMilliG[offset + i] = NextSample();
        }

        read = n;
        return ReadingStatus.Ok;
    }

    /// <summary>The next sample in milli-g, quantized and clipped as the ADXL345 would deliver it.</summary>
    public int NextSample()
    {
        double t = _sampleIndex / (double)SampleRateHertz;
        _sampleIndex++;
        double w = 2 * Math.PI * ShaftHertz * t;
        double a = 1000 + (ShaftMilliG * (Math.Sin(w) + (0.4 * Math.Sin((2 * w) + 0.7)) + (0.15 * Math.Sin((3 * w) + 1.9))));
        a += NoiseMilliG * _random.NextGaussian();
        if (FaultSeverity > 0)
        {
            double period = 1.0 / (FaultOrder * ShaftHertz);
            double sinceImpulse = t % period;
            a += FaultSeverity * ImpulseMilliG * Math.Exp(-sinceImpulse / DecaySeconds) * Math.Cos(2 * Math.PI * ResonanceHertz * sinceImpulse);
        }

        int raw = (int)Math.Round(a / 3.90625, MidpointRounding.AwayFromZero);
        int limit = FullScaleMilliG * 256 / 1000;
        raw = Math.Clamp(raw, -limit, limit - 1);
        return (int)Math.Round(raw * 3.90625, MidpointRounding.AwayFromZero);
    }
}
