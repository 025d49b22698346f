using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace SensorNode.Cli.Views;

/// <summary>
/// A progress bar for slow work (signing or verifying a large image, a provisioning transfer, a long
/// deep-sleep run) on a terminal; elsewhere the work runs with no progress output at all, so what is
/// printed stays the same plain text.
/// </summary>
internal static class WorkProgress
{
    /// <summary>
    /// Runs <paramref name="work"/>, which reports (done, total) through the callback it is given. On a
    /// terminal the bar appears only once the work has taken <paramref name="showAfter"/>, so quick runs print nothing extra.
    /// </summary>
    public static T Run<T>(TextWriter stdout, string description, TimeSpan showAfter, Func<Action<long, long>, T> work)
    {
        if (!Terminal.IsRich(stdout))
        {
            return work((_, _) => { });
        }

        long done = 0;
        long total = 1;
        var worker = Task.Run(() => work((d, t) =>
        {
            Interlocked.Exchange(ref total, Math.Max(1, t));
            Interlocked.Exchange(ref done, d);
        }));
        if (worker.Wait(showAfter))
        {
            return worker.GetAwaiter().GetResult();
        }

        Terminal.For(stdout).Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask bar = ctx.AddTask(description);
                while (!worker.Wait(TimeSpan.FromMilliseconds(100)))
                {
                    bar.MaxValue = Interlocked.Read(ref total);
                    bar.Value = Interlocked.Read(ref done);
                }

                bar.Value = bar.MaxValue;
            });
        return worker.GetAwaiter().GetResult();
    }
}
