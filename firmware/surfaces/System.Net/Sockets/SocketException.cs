namespace System.Net.Sockets
{
    // Declared surface (upstream System.Net/Sockets/SocketException.cs).
    public class SocketException : Exception
    {
        public int ErrorCode
        {
            get { throw new NotImplementedException(); }
        }
    }
}
