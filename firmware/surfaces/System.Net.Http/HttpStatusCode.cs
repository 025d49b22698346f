namespace System.Net
{
    /// <summary>Declared surface of nanoFramework's System.Net.HttpStatusCode (the members SensorNode names).</summary>
    public enum HttpStatusCode
    {
        OK = 200,
        PartialContent = 206,
        NotFound = 404,
        Gone = 410,
        RequestedRangeNotSatisfiable = 416,
    }
}
