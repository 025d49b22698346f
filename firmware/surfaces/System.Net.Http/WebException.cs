namespace System.Net
{
    /// <summary>Declared surface of nanoFramework's System.Net.WebException.</summary>
    public class WebException : InvalidOperationException
    {
        public WebException()
        {
        }

        public WebResponse Response => throw new NotImplementedException();
    }
}
