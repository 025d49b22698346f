namespace SensorNode.Core.Ota
{
    /// <summary>
    /// The boot decision as an ordered table, row for row the table of docs/spec/ota-slots.md §3:
    /// the first row whose conditions all hold gives the action. Columns are the <see cref="BootFact"/>s
    /// in order; Y = must hold, N = must not hold, _ = not asked. Facts are asked left to right and only
    /// until a row fails, so expensive ones (full verification) run only when a row needs them.
    /// </summary>
    public static class BootTable
    {
        private const int Y = 1;
        private const int N = 0;
        private const int _ = -1;

        // StateValid, TrialPending, TrialBootsLeft, TrialImageOk, ConfirmedImageOk, SlotAOk, SlotBOk → action
        private static readonly int[][] Rows =
        {
            new[] { Y, Y, Y, Y, _, _, _, (int)BootAction.BootTrial },               // 1
            new[] { Y, Y, N, _, Y, _, _, (int)BootAction.RevertHealthCheckFailed }, // 2
            new[] { Y, Y, Y, N, Y, _, _, (int)BootAction.RevertTrialInvalid },      // 3
            new[] { Y, N, _, _, Y, _, _, (int)BootAction.BootConfirmed },           // 4
            new[] { _, _, _, _, _, Y, Y, (int)BootAction.AdoptNewer },              // 5
            new[] { _, _, _, _, _, Y, N, (int)BootAction.AdoptA },                  // 6
            new[] { _, _, _, _, _, N, Y, (int)BootAction.AdoptB },                  // 7
            new[] { _, _, _, _, _, _, _, (int)BootAction.NoBootableImage },         // 8
        };

        /// <summary>Number of rows (the spec's table has the same).</summary>
        public static int RowCount
        {
            get { return Rows.Length; }
        }

        /// <summary>The condition of row <paramref name="row"/> (0-based) on <paramref name="fact"/>: 1, 0 or -1 (not asked).</summary>
        public static int Condition(int row, BootFact fact)
        {
            return Rows[row][(int)fact];
        }

        /// <summary>The action of row <paramref name="row"/> (0-based).</summary>
        public static BootAction ActionOf(int row)
        {
            return (BootAction)Rows[row][Rows[row].Length - 1];
        }

        /// <summary>The first matching row (0-based); facts are asked lazily through <paramref name="facts"/>.</summary>
        public static int Decide(IBootFacts facts)
        {
            for (int row = 0; row < Rows.Length; row++)
            {
                int[] r = Rows[row];
                bool match = true;
                for (int f = 0; f < r.Length - 1 && match; f++)
                {
                    if (r[f] != _)
                    {
                        match = facts.Holds((BootFact)f) == (r[f] == Y);
                    }
                }

                if (match)
                {
                    return row;
                }
            }

            return Rows.Length - 1;
        }
    }
}
