using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("SensorNode.Device")]
[assembly: AssemblyDescription("SensorNode ESP32 adapters and composition root")]
[assembly: AssemblyProduct("SensorNode")]
[assembly: AssemblyCopyright("SensorNode contributors, MIT licence")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
