using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("SensorNode.Core")]
[assembly: AssemblyDescription("SensorNode portable firmware core")]
[assembly: AssemblyProduct("SensorNode")]
[assembly: AssemblyCopyright("SensorNode contributors, MIT licence")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
