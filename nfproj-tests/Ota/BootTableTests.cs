using nanoFramework.TestFramework;
using SensorNode.Core.Ota;

namespace NFUnitTest.Ota
{
    /// <summary>The boot table driven through its facts, including which facts each decision asks.</summary>
    [TestClass]
    public class BootTableTests
    {
        // Facts in BootFact order: StateValid, TrialPending, TrialBootsLeft, TrialImageOk, ConfirmedImageOk, SlotAOk, SlotBOk.
        [DataRow("1111000", 0, "1111000")]
        [DataRow("1101100", 1, "1110100")]
        [DataRow("1110100", 2, "1111100")]
        [DataRow("1000100", 3, "1100100")]
        [DataRow("0000011", 4, "1000011")]
        [DataRow("0000010", 5, "1000011")]
        [DataRow("0000001", 6, "1000011")]
        [DataRow("0000000", 7, "1000011")]
        [DataRow("1000000", 7, "1100111")]
        public void Decide_PicksTheFirstMatchingRow_AskingOnlyWhatItNeeds(string facts, int expectedRow, string asked)
        {
            var f = new FakeFacts(facts);
            Assert.AreEqual(expectedRow, BootTable.Decide(f));
            Assert.AreEqual(asked, f.AskedMask());
        }

        [TestMethod]
        public void NoTrial_NeverVerifiesTheTrialImage()
        {
            var f = new FakeFacts("1011100");
            Assert.AreEqual((int)BootAction.BootConfirmed, (int)BootTable.ActionOf(BootTable.Decide(f)));
            Assert.IsFalse(f.WasAsked(BootFact.TrialImageOk));
            Assert.IsFalse(f.WasAsked(BootFact.SlotAOk));
        }

        private sealed class FakeFacts : IBootFacts
        {
            private readonly string _facts;
            private readonly bool[] _asked = new bool[7];

            public FakeFacts(string facts)
            {
                _facts = facts;
            }

            public bool Holds(BootFact fact)
            {
                _asked[(int)fact] = true;
                return _facts[(int)fact] == '1';
            }

            public bool WasAsked(BootFact fact)
            {
                return _asked[(int)fact];
            }

            public string AskedMask()
            {
                char[] c = new char[7];
                for (int i = 0; i < 7; i++)
                {
                    c[i] = _asked[i] ? '1' : '0';
                }

                return new string(c);
            }
        }
    }
}
