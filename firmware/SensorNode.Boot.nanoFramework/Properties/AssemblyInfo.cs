using System.Reflection;
using System.Runtime.InteropServices;

// The loader deploys this assembly and every image binds to that copy: an image built against another
// major.minor does not bind and `sensornode ota sign` refuses it (docs/spec/ota-slots.md §10).
[assembly: AssemblyTitle("SensorNode.Boot")]
[assembly: AssemblyDescription("SensorNode boot half: SHA-256, RSA-PSS, update image format, slots, boot table, file store port")]
[assembly: AssemblyProduct("SensorNode")]
[assembly: AssemblyCopyright("SensorNode contributors, MIT licence")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
