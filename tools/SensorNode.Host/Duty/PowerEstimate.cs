namespace SensorNode.Host.Duty;

/// <summary>Result of the power and wear model for one configuration.</summary>
public sealed record PowerEstimate(
    double WakesPerDay,
    int RadioEveryWakes,
    double RadioWakesPerDay,
    double SampleWakeMilliseconds,
    double RadioSessionMilliseconds,
    double ChargePerDayMilliampSeconds,
    double AverageCurrentMilliamps,
    double BatteryLifeDays,
    double FlashWritesPerDay,
    double FlashDataBytesPerDay,
    double FlashProgrammedBytesPerDay,
    double YearsToWearOut);
