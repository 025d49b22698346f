using nanoFramework.TestFramework;
using SensorNode.Core.Provisioning;

namespace NFUnitTest.Provisioning
{
    [TestClass]
    public class FrameDecoderTests
    {
        private static byte[] Message(int length, int seed)
        {
            byte[] m = new byte[length];
            for (int i = 0; i < length; i++)
            {
                // Plenty of zeros and 0xFF runs to exercise COBS block boundaries.
                m[i] = (byte)((i + seed) % 5 == 0 ? 0 : (i * seed) + 1);
            }

            return m;
        }

        private static FrameStatus FeedAll(FrameDecoder d, byte[] wire, int count)
        {
            FrameStatus last = FrameStatus.NeedMore;
            for (int i = 0; i < count; i++)
            {
                FrameStatus s = d.Feed(wire[i]);
                if (s != FrameStatus.NeedMore)
                {
                    last = s;
                }
            }

            return last;
        }

        [TestMethod]
        public void RoundTrip_EveryLengthUpToMax_DecodesSameMessage()
        {
            ManualClock clock = new ManualClock();
            FrameDecoder d = new FrameDecoder(clock);
            byte[] wire = new byte[ProvisioningLimits.MaxEncodedBytes];
            for (int length = 1; length <= ProvisioningLimits.MaxMessageBytes; length++)
            {
                byte[] m = Message(length, 3);
                int n = FrameEncoder.Encode(m, 0, length, wire, 0);
                Assert.IsTrue(n <= ProvisioningLimits.MaxEncodedBytes);
                Assert.AreEqual((int)FrameStatus.Ready, (int)FeedAll(d, wire, n));
                Assert.AreEqual(length, d.MessageLength);
                for (int i = 0; i < length; i++)
                {
                    Assert.AreEqual(m[i], d.Buffer[i]);
                }
            }
        }

        [TestMethod]
        public void Decode_EmptyMessage_IsTooShort()
        {
            FrameDecoder d = new FrameDecoder(new ManualClock());
            byte[] wire = new byte[16];
            int n = FrameEncoder.Encode(new byte[0], 0, 0, wire, 0);
            Assert.AreEqual((int)FrameStatus.TooShort, (int)FeedAll(d, wire, n));
        }

        [TestMethod]
        public void Encode_LongerThanMax_ReturnsMinusOne()
        {
            byte[] m = new byte[ProvisioningLimits.MaxMessageBytes + 1];
            Assert.AreEqual(-1, FrameEncoder.Encode(m, 0, m.Length, new byte[2048], 0));
        }

        [TestMethod]
        public void Decode_TruncatedAtEveryLength_ReturnsNeedMore()
        {
            ManualClock clock = new ManualClock();
            byte[] m = Message(300, 7);
            byte[] wire = new byte[ProvisioningLimits.MaxEncodedBytes];
            int n = FrameEncoder.Encode(m, 0, m.Length, wire, 0);
            for (int cut = 0; cut < n - 1; cut++)
            {
                FrameDecoder d = new FrameDecoder(clock);
                Assert.AreEqual((int)FrameStatus.NeedMore, (int)FeedAll(d, wire, cut));
            }
        }

        [TestMethod]
        public void Decode_AnyFlippedBit_IsNeverReadyWithOtherContent()
        {
            ManualClock clock = new ManualClock();
            byte[] m = Message(40, 11);
            byte[] wire = new byte[ProvisioningLimits.MaxEncodedBytes];
            int n = FrameEncoder.Encode(m, 0, m.Length, wire, 0);
            for (int i = 1; i < n - 1; i++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    wire[i] ^= (byte)(1 << bit);
                    FrameDecoder d = new FrameDecoder(clock);
                    FrameStatus s = FeedAll(d, wire, n);
                    wire[i] ^= (byte)(1 << bit);
                    Assert.AreNotEqual((int)FrameStatus.Ready, (int)s);
                }
            }
        }

        [TestMethod]
        public void Decode_CorruptCrc_ReturnsBadCrc()
        {
            ManualClock clock = new ManualClock();
            FrameDecoder d = new FrameDecoder(clock);
            // "hello-seq1" with the last CRC byte changed 0x81 -> 0x82.
            byte[] wire = new byte[] { 0x00, 0x04, 0x01, 0x01, 0x01, 0x05, 0x0f, 0xe3, 0x21, 0x82, 0x00 };
            Assert.AreEqual((int)FrameStatus.BadCrc, (int)FeedAll(d, wire, wire.Length));
        }

        [TestMethod]
        public void Decode_DelimiterInsideBlock_ReturnsBadEncoding()
        {
            ManualClock clock = new ManualClock();
            FrameDecoder d = new FrameDecoder(clock);
            byte[] wire = new byte[] { 0x00, 0x09, 0x01, 0x02, 0x00 };
            Assert.AreEqual((int)FrameStatus.BadEncoding, (int)FeedAll(d, wire, wire.Length));
        }

        [TestMethod]
        public void Decode_ShortFrame_ReturnsTooShort()
        {
            ManualClock clock = new ManualClock();
            FrameDecoder d = new FrameDecoder(clock);
            byte[] wire = new byte[] { 0x00, 0x04, 0x01, 0x02, 0x03, 0x00 };
            Assert.AreEqual((int)FrameStatus.TooShort, (int)FeedAll(d, wire, wire.Length));
        }

        [TestMethod]
        public void Decode_Overlong_ReturnsTooLongThenRecovers()
        {
            ManualClock clock = new ManualClock();
            FrameDecoder d = new FrameDecoder(clock);
            for (int i = 0; i < 2000; i++)
            {
                Assert.AreEqual((int)FrameStatus.NeedMore, (int)d.Feed((byte)(i % 200 == 0 ? 0xFF : 0x41)));
            }

            Assert.AreEqual((int)FrameStatus.TooLong, (int)d.Feed(0));
            byte[] wire = new byte[] { 0x00, 0x04, 0x01, 0x01, 0x01, 0x05, 0x0f, 0xe3, 0x21, 0x81, 0x00 };
            Assert.AreEqual((int)FrameStatus.Ready, (int)FeedAll(d, wire, wire.Length));
        }

        [TestMethod]
        public void Decode_GapLongerThanTimeout_DropsPartialFrame()
        {
            ManualClock clock = new ManualClock();
            FrameDecoder d = new FrameDecoder(clock);
            byte[] wire = new byte[] { 0x00, 0x04, 0x01, 0x01, 0x01, 0x05, 0x0f, 0xe3, 0x21, 0x81, 0x00 };
            FeedAll(d, wire, 6);
            clock.Now += ProvisioningLimits.InterByteTimeoutMilliseconds + 1;
            Assert.AreEqual((int)FrameStatus.TimedOut, (int)d.Poll());
            Assert.IsFalse(d.InFrame);
            Assert.AreEqual((int)FrameStatus.Ready, (int)FeedAll(d, wire, wire.Length));
        }

        [TestMethod]
        public void Decode_GapWithinTimeout_KeepsFrame()
        {
            ManualClock clock = new ManualClock();
            FrameDecoder d = new FrameDecoder(clock);
            byte[] wire = new byte[] { 0x00, 0x04, 0x01, 0x01, 0x01, 0x05, 0x0f, 0xe3, 0x21, 0x81, 0x00 };
            for (int i = 0; i < wire.Length - 1; i++)
            {
                Assert.AreEqual((int)FrameStatus.NeedMore, (int)d.Feed(wire[i]));
                clock.Now += ProvisioningLimits.InterByteTimeoutMilliseconds;
            }

            Assert.AreEqual((int)FrameStatus.Ready, (int)d.Feed(0));
        }

        [TestMethod]
        public void Decode_TimeoutNoticedOnNextByte_ReportsTimedOut()
        {
            ManualClock clock = new ManualClock();
            FrameDecoder d = new FrameDecoder(clock);
            d.Feed(0x05);
            d.Feed(0x41);
            clock.Now += 10000;
            Assert.AreEqual((int)FrameStatus.TimedOut, (int)d.Feed(0x00));
        }
    }
}
