using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("SensorNode.Loader")]
[assembly: AssemblyDescription("SensorNode OTA loader: A/B slot choice, verification, Assembly.Load of the application")]
[assembly: AssemblyProduct("SensorNode")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
