// Declared surface (upstream nanoFramework.System.Threading/Threading/CancellationToken.cs): a struct.
namespace System.Threading
{
    public struct CancellationToken
    {
        public bool IsCancellationRequested
        {
            get { throw new NotImplementedException(); }
        }
    }
}
