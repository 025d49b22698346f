using SensorNode.Core.Checksums;
using SensorNode.Core.Ports;

namespace SensorNode.Core.Provisioning
{
    /// <summary>
    /// Streaming decoder of COBS frames with a CRC-32 trailer (docs/spec/provisioning.md §2), fed one byte
    /// at a time. A partial frame is dropped when the gap between two bytes exceeds the inter-byte timeout
    /// (measured with <see cref="IClock"/>). Never throws on input and allocates only in its constructor.
    /// After <see cref="FrameStatus.Ready"/>, the message (without CRC) is
    /// <see cref="Buffer"/>[0..<see cref="MessageLength"/>) until the next byte is fed.
    /// </summary>
    public sealed class FrameDecoder
    {
        private readonly IClock _clock;
        private readonly int _timeoutMilliseconds;
        private readonly byte[] _buffer = new byte[ProvisioningLimits.MaxFrameBytes];
        private int _length;
        private int _remaining;
        private bool _pendingZero;
        private bool _inFrame;
        private bool _overflow;
        private long _lastByteMilliseconds;
        private int _messageLength;

        /// <summary>Creates a decoder using the protocol's inter-byte timeout.</summary>
        public FrameDecoder(IClock clock)
            : this(clock, ProvisioningLimits.InterByteTimeoutMilliseconds)
        {
        }

        /// <summary>Creates a decoder with an explicit inter-byte timeout, in milliseconds.</summary>
        public FrameDecoder(IClock clock, int timeoutMilliseconds)
        {
            _clock = clock;
            _timeoutMilliseconds = timeoutMilliseconds;
        }

        /// <summary>Decoded bytes; after Ready, the message is at [0, MessageLength).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Length of the last Ready message, in bytes (CRC excluded).</summary>
        public int MessageLength
        {
            get { return _messageLength; }
        }

        /// <summary>True while a frame has started and not yet ended.</summary>
        public bool InFrame
        {
            get { return _inFrame; }
        }

        /// <summary>Drops a partial frame whose inter-byte timeout has elapsed; returns TimedOut when it did.</summary>
        public FrameStatus Poll()
        {
            if (_inFrame && _clock.MonotonicMilliseconds - _lastByteMilliseconds > _timeoutMilliseconds)
            {
                Reset();
                return FrameStatus.TimedOut;
            }

            return FrameStatus.NeedMore;
        }

        /// <summary>Feeds one received byte.</summary>
        public FrameStatus Feed(byte value)
        {
            FrameStatus timedOut = Poll();
            _lastByteMilliseconds = _clock.MonotonicMilliseconds;
            if (value == 0)
            {
                if (!_inFrame)
                {
                    return timedOut;
                }

                FrameStatus status = Finish();
                Reset();
                return status;
            }

            _inFrame = true;
            if (_overflow)
            {
                return timedOut;
            }

            if (_remaining == 0)
            {
                // A code byte: the block before it ended with an implicit zero unless its code was 0xFF.
                if (_pendingZero)
                {
                    Append(0);
                }

                _remaining = value - 1;
                _pendingZero = value != 0xFF;
            }
            else
            {
                Append(value);
                _remaining--;
            }

            return timedOut;
        }

        /// <summary>Forgets any partial frame.</summary>
        public void Reset()
        {
            _length = 0;
            _remaining = 0;
            _pendingZero = false;
            _inFrame = false;
            _overflow = false;
        }

        private void Append(byte value)
        {
            if (_length == _buffer.Length)
            {
                _overflow = true;
                return;
            }

            _buffer[_length++] = value;
        }

        private FrameStatus Finish()
        {
            if (_overflow)
            {
                return FrameStatus.TooLong;
            }

            if (_remaining != 0)
            {
                return FrameStatus.BadEncoding;
            }

            if (_length <= ProvisioningLimits.CrcBytes)
            {
                return FrameStatus.TooShort;
            }

            int messageLength = _length - ProvisioningLimits.CrcBytes;
            if (Crc32.Compute(_buffer, 0, messageLength) != Wire.ReadU32(_buffer, messageLength))
            {
                return FrameStatus.BadCrc;
            }

            _messageLength = messageLength;
            return FrameStatus.Ready;
        }
    }
}
