using System;

// Upstream declares this in namespace TestFrameworkShared, not nanoFramework.TestFramework.
namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string message)
            : base(message)
        {
        }

        public AssertFailedException(string message, Exception ex)
            : base(message, ex)
        {
        }
    }
}
