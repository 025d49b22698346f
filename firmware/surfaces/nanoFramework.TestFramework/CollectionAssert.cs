using System.Collections;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "")
        {
            if (collection.Count != 0) throw new AssertFailedException("CollectionAssert.Empty failed. " + message);
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            if (collection.Count == 0) throw new AssertFailedException("CollectionAssert.NotEmpty failed. " + message);
        }

        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            if (!Same(expected, actual)) throw new AssertFailedException("CollectionAssert.AreEqual failed. " + message);
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (Same(notExpected, actual)) throw new AssertFailedException("CollectionAssert.AreNotEqual failed. " + message);
        }

        private static bool Same(ICollection a, ICollection b)
        {
            if (a.Count != b.Count) return false;
            IEnumerator ea = a.GetEnumerator();
            IEnumerator eb = b.GetEnumerator();
            while (ea.MoveNext() && eb.MoveNext())
            {
                if (!object.Equals(ea.Current, eb.Current)) return false;
            }

            return true;
        }
    }
}
