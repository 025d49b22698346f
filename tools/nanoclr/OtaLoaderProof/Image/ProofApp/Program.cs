using System;
using System.Reflection;
using ProofCore;
using SensorNode.Core.Ota;

[assembly: AssemblyVersion("1.0.0.0")]

namespace ProofApp
{
    /// <summary>The image's entry point: prints which core runs and that the loader's SensorNode.Boot serves it.</summary>
    public static class Program
    {
        public static void Main()
        {
            var sha = new Sha256();
            sha.Update(new byte[] { 0x61, 0x62, 0x63 }, 0, 3);
            var digest = new byte[32];
            sha.Finish(digest, 0);
            Console.WriteLine("proof-app: core " + CoreMarker.Text() + " (" + typeof(CoreMarker).Assembly.FullName + "), boot " + typeof(Sha256).Assembly.FullName + ", sha256(abc)[0] 0x" + digest[0].ToString("x2"));
        }
    }
}
