using System.Reflection;

[assembly: AssemblyVersion("1.1.0.0")]

namespace ProofCore
{
    /// <summary>Says which copy of the core is running.</summary>
    public static class CoreMarker
    {
        /// <summary>The marker of this build.</summary>
        public static string Text()
        {
#if DEPLOYED_CORE
            return "deployed-core";
#else
            return "image-core";
#endif
        }
    }
}
