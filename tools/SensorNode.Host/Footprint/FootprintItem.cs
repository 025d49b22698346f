namespace SensorNode.Host.Footprint;

/// <summary>
/// One measured figure of the footprint report: a deployable assembly's .pe size, or a deployment role's total.
/// <paramref name="Parts"/> lists the assemblies a role adds up (empty for an assembly); <paramref name="BudgetBytes"/>
/// is null when firmware/footprint-budgets.json sets none, which counts as over budget.
/// </summary>
public sealed record FootprintItem(string Name, string[] Parts, long Bytes, long? BudgetBytes)
{
    public bool WithinBudget => BudgetBytes is long budget && Bytes <= budget;
}
