namespace SensorNode.Core.Ports
{
    /// <summary>
    /// A file store that keeps the file it last read open (LittleFS on the device): the loader lets go of it
    /// before it hands the drive to the application it starts.
    /// </summary>
    public interface IReadHandleHolder
    {
        /// <summary>Closes the file kept open for reading, if any.</summary>
        void ReleaseReadHandle();
    }
}
