using SensorNode.Core.Ota;

namespace SensorNode.Host.Ota;

/// <summary>What one deep-sleep wake of a <see cref="SimulatedOtaNode"/> did for an update.</summary>
/// <param name="ExtraMilliseconds">Awake time added for the update (bounded by the budget's cap).</param>
/// <param name="ByteBudget">Bytes the updater was allowed to fetch.</param>
/// <param name="Outcome">What the updater returned (Idle when nothing ran).</param>
/// <param name="Connected">Whether the wake reached the broker.</param>
public readonly record struct OtaWake(int ExtraMilliseconds, int ByteBudget, OtaOutcome Outcome, bool Connected);
