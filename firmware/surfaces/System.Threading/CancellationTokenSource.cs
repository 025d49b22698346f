// Declared surface (upstream nanoFramework.System.Threading/Threading/CancellationTokenSource.cs).
namespace System.Threading
{
    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource(int millisecondsDelay)
        {
            throw new NotImplementedException();
        }

        public CancellationToken Token
        {
            get { throw new NotImplementedException(); }
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
