namespace SensorNode.Core.Ports
{
    /// <summary>Outcome of <see cref="IHttpRange.Open"/>.</summary>
    public enum HttpRangeStatus
    {
        /// <summary>206: the body starts at the requested offset.</summary>
        Partial = 0,

        /// <summary>200: the body is the whole resource, from byte 0 (the server ignored the range).</summary>
        Whole = 1,

        /// <summary>404 or 410: the resource does not exist.</summary>
        NotFound = 2,

        /// <summary>416: the offset is at or past the end.</summary>
        RangeNotSatisfiable = 3,

        /// <summary>Connection, TLS or other HTTP failure: worth retrying.</summary>
        Failed = 4,
    }
}
