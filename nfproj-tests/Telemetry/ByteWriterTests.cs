using nanoFramework.TestFramework;
using SensorNode.Core.Telemetry;

namespace NFUnitTest.Telemetry
{
    [TestClass]
    public class ByteWriterTests
    {
        [DataRow(2150L, 2, "21.50")]
        [DataRow(-5L, 3, "-0.005")]
        [DataRow(0L, 2, "0.00")]
        [DataRow(0L, 0, "0")]
        [DataRow(101325L, 2, "1013.25")]
        [DataRow(-1000L, 3, "-1.000")]
        [DataRow(9223372036854775807L, 0, "9223372036854775807")]
        [DataRow(-9223372036854775808L, 0, "-9223372036854775808")]
        [DataRow(-9223372036854775808L, 3, "-9223372036854775.808")]
        public void Decimal_WritesExactFixedPointText(long scaled, int decimals, string expected)
        {
            byte[] buffer = new byte[32];
            ByteWriter w = new ByteWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.Decimal(scaled, decimals);
            Assert.AreEqual(expected, TestText.FromAscii(buffer, w.Length));
        }

        [TestMethod]
        public void Overflow_KeepsCounting_AndNeverWritesPastTheEnd()
        {
            byte[] buffer = new byte[6];
            ByteWriter w = new ByteWriter();
            w.Reset(buffer, 1, 4);
            w.Text("abcdefgh");
            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual(8, w.Length);
            Assert.AreEqual((byte)0, buffer[0]);
            Assert.AreEqual((byte)0, buffer[5]);
            Assert.AreEqual("abcd", TestText.FromAscii(new byte[] { buffer[1], buffer[2], buffer[3], buffer[4] }, 4));
        }

        [TestMethod]
        public void JsonString_EscapesQuotesBackslashesAndControls_AndEncodesUtf8()
        {
            byte[] buffer = new byte[32];
            ByteWriter w = new ByteWriter();
            w.Reset(buffer, 0, buffer.Length);
            w.JsonString("a\"b\\c\n\u00B0");
            Assert.AreEqual("22615c22625c5c635c7530303061c2b022", TestText.ToHex(buffer, w.Length));
        }
    }
}
