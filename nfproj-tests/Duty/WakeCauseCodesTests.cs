using nanoFramework.TestFramework;
using SensorNode.Core.Duty;
using SensorNode.Core.Ports;

namespace NFUnitTest.Duty
{
    [TestClass]
    public class WakeCauseCodesTests
    {
        [DataRow(0, 1)]
        [DataRow(2, 3)]
        [DataRow(3, 3)]
        [DataRow(4, 2)]
        [DataRow(5, 3)]
        [DataRow(7, 3)]
        public void KnownCodes_MapToTheirCause(int code, int expected)
        {
            Assert.AreEqual(expected, (int)WakeCauseCodes.FromEspSleepWakeup(code));
        }

        [TestMethod]
        public void UndefinedIsAColdBoot_TimerIsTheDutyCycleWake()
        {
            Assert.AreEqual(WakeCause.PowerOn, WakeCauseCodes.FromEspSleepWakeup(WakeCauseCodes.Undefined));
            Assert.AreEqual(WakeCause.Timer, WakeCauseCodes.FromEspSleepWakeup(WakeCauseCodes.Timer));
        }

        [TestMethod]
        public void SourcesTheNodeNeverEnables_AreUnknown()
        {
            int[] codes = new int[] { 1, 6, 8, 9, 10, 11, 12, -1, 99 };
            for (int i = 0; i < codes.Length; i++)
            {
                Assert.AreEqual(WakeCause.Unknown, WakeCauseCodes.FromEspSleepWakeup(codes[i]), "code " + codes[i].ToString());
            }
        }
    }
}
