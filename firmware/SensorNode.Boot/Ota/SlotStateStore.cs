using SensorNode.Core.Ports;

namespace SensorNode.Core.Ota
{
    /// <summary>Loads and atomically saves the <see cref="SlotState"/> record (one Replace per save).</summary>
    public sealed class SlotStateStore
    {
        private readonly IFileStore _store;
        private readonly byte[] _buffer = new byte[SlotState.Length + 1];

        /// <summary>Creates a store over the node's files.</summary>
        public SlotStateStore(IFileStore store)
        {
            _store = store;
        }

        /// <summary>Reads the record into <paramref name="state"/>; false when absent or invalid.</summary>
        public bool Load(SlotState state)
        {
            int n = _store.Read(SlotFiles.State, 0, _buffer, 0, _buffer.Length);
            return state.Decode(_buffer, n);
        }

        /// <summary>Increments the sequence and replaces the record (atomic: old or new survives a power cut).</summary>
        public void Save(SlotState state)
        {
            state.Sequence++;
            state.Encode(_buffer);
            _store.Replace(SlotFiles.State, _buffer, 0, SlotState.Length);
        }
    }
}
