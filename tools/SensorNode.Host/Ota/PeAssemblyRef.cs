using System;

namespace SensorNode.Host.Ota;

/// <summary>One AssemblyRef row of a .pe file: the name and version nanoCLR looks for (by name and major.minor).</summary>
public sealed record PeAssemblyRef(string Name, Version Version);
