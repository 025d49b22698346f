using SensorNode.Core.Ports;

namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// Runs a <see cref="ProvisioningConsole"/> over an <see cref="ISerialLink"/>: bytes in, frames decoded,
    /// one response frame out per good request frame. Bad frames are counted and dropped without a reply
    /// (the sender retries on timeout, docs/spec/provisioning.md §3). Allocates only in its constructor.
    /// </summary>
    public sealed class ProvisioningSession
    {
        private readonly ISerialLink _link;
        private readonly ProvisioningConsole _console;
        private readonly FrameDecoder _decoder;
        private readonly byte[] _rx = new byte[64];
        private readonly byte[] _response = new byte[ProvisioningLimits.MaxMessageBytes];
        private readonly byte[] _tx = new byte[ProvisioningLimits.MaxEncodedBytes];

        /// <summary>Creates a session.</summary>
        public ProvisioningSession(ISerialLink link, IClock clock, ProvisioningConsole console)
        {
            _link = link;
            _console = console;
            _decoder = new FrameDecoder(clock);
        }

        /// <summary>Requests answered.</summary>
        public int FramesAnswered { get; private set; }

        /// <summary>Frames dropped (bad CRC, bad encoding, too long, too short, timed out).</summary>
        public int FramesDropped { get; private set; }

        /// <summary>The console being served.</summary>
        public ProvisioningConsole Console
        {
            get { return _console; }
        }

        /// <summary>Reads what arrives within timeoutMilliseconds and answers complete requests; false when the link is closed.</summary>
        public bool Pump(int timeoutMilliseconds)
        {
            int n = _link.Read(_rx, 0, _rx.Length, timeoutMilliseconds);
            if (n < 0)
            {
                return false;
            }

            if (n == 0 && _decoder.Poll() == FrameStatus.TimedOut)
            {
                FramesDropped++;
            }

            for (int i = 0; i < n; i++)
            {
                Feed(_rx[i]);
            }

            return true;
        }

        /// <summary>Feeds one received byte; answers when it completes a good request.</summary>
        public FrameStatus Feed(byte value)
        {
            FrameStatus status = _decoder.Feed(value);
            if (status == FrameStatus.Ready)
            {
                int length = _console.Handle(_decoder.Buffer, _decoder.MessageLength, _response);
                if (length > 0)
                {
                    int wire = FrameEncoder.Encode(_response, 0, length, _tx, 0);
                    _link.Write(_tx, 0, wire);
                    FramesAnswered++;
                }
            }
            else if (status != FrameStatus.NeedMore)
            {
                FramesDropped++;
            }

            return status;
        }
    }
}
