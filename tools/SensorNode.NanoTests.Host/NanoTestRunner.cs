#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoTest = nanoFramework.TestFramework;

namespace SensorNode.NanoTests.Host;

/// <summary>
/// Maps the nanoFramework test runner onto MSTest. Every [TestMethod] and every [DataRow] of every
/// nano-style [TestClass] becomes one MSTest case. As in nanoFramework's UnitTestLauncher, each class's
/// [Setup] methods run once before its first test and its [Cleanup] methods once after the run, and a
/// SkipTestException from [Setup] skips the whole class.
/// </summary>
[TestClass]
public sealed class NanoTestRunner
{
    private static readonly Assembly TestAssembly = typeof(NanoTestRunner).Assembly;
    private static readonly Dictionary<Type, object> Fixtures = new();
    private static readonly Dictionary<Type, string> SkippedClasses = new();

    public static IEnumerable<object[]> Cases()
    {
        foreach (Type type in NanoClasses())
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<NanoTest.TestMethodAttribute>() != null)
                {
                    yield return new object[] { type.FullName + "." + method.Name, -1 };
                }

                NanoTest.DataRowAttribute[] rows = method.GetCustomAttributes<NanoTest.DataRowAttribute>().ToArray();
                for (int i = 0; i < rows.Length; i++)
                {
                    yield return new object[] { type.FullName + "." + method.Name, i };
                }
            }
        }
    }

    public static string CaseName(MethodInfo _, object[] data)
    {
        int row = (int)data[1];
        return row < 0 ? (string)data[0] : data[0] + " [row " + row + "]";
    }

    [TestMethod]
    [DynamicData(nameof(Cases), DynamicDataDisplayName = nameof(CaseName))]
    public void Run(string qualifiedMethod, int dataRow)
    {
        int split = qualifiedMethod.LastIndexOf('.');
        Type type = TestAssembly.GetType(qualifiedMethod.Substring(0, split), throwOnError: true)!;
        MethodInfo method = type.GetMethod(qualifiedMethod.Substring(split + 1))!;
        object fixture = FixtureFor(type);
        if (SkippedClasses.TryGetValue(type, out string? reason))
        {
            Assert.Inconclusive("class skipped in [Setup]: " + reason);
        }

        object[]? args = null;
        if (dataRow >= 0)
        {
            args = method.GetCustomAttributes<NanoTest.DataRowAttribute>().ElementAt(dataRow).MethodParameters;
        }

        try
        {
            method.Invoke(method.IsStatic ? null : fixture, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is NanoTest.SkipTestException skip)
        {
            Assert.Inconclusive(skip.Message);
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
    }

    [TestMethod]
    public void Discovery_FindsNanoTests()
    {
        Assert.IsTrue(Cases().Any(), "no nanoFramework-style tests were found in nfproj-tests/");
    }

    [AssemblyCleanup]
    public static void RunCleanups()
    {
        lock (Fixtures)
        {
            foreach (KeyValuePair<Type, object> pair in Fixtures)
            {
                foreach (MethodInfo m in Marked<NanoTest.CleanupAttribute>(pair.Key))
                {
                    m.Invoke(m.IsStatic ? null : pair.Value, null);
                }
            }
        }
    }

    private static IEnumerable<Type> NanoClasses() =>
        TestAssembly.GetTypes().Where(t => t.GetCustomAttribute<NanoTest.TestClassAttribute>() != null).OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static IEnumerable<MethodInfo> Marked<TAttribute>(Type type)
        where TAttribute : Attribute =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<TAttribute>() != null);

    private static object FixtureFor(Type type)
    {
        lock (Fixtures)
        {
            if (Fixtures.TryGetValue(type, out object? existing))
            {
                return existing;
            }

            object fixture = Activator.CreateInstance(type)!;
            Fixtures[type] = fixture;
            foreach (MethodInfo setup in Marked<NanoTest.SetupAttribute>(type))
            {
                try
                {
                    setup.Invoke(setup.IsStatic ? null : fixture, null);
                }
                catch (TargetInvocationException ex) when (ex.InnerException is NanoTest.SkipTestException skip)
                {
                    SkippedClasses[type] = skip.Message;
                }
            }

            return fixture;
        }
    }
}
