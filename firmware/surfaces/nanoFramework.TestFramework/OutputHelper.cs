using System;

namespace nanoFramework.TestFramework
{
    public static class OutputHelper
    {
        public static void Write(string message)
        {
            Console.Write(message);
        }

        public static void WriteLine(string message)
        {
            Console.WriteLine(message);
        }
    }
}
