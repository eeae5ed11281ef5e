using System.Diagnostics;

namespace BroadcastHub.Audio.Output;

/// <summary>Waits for an instant with millisecond precision: a coarse timer, then a short spin.</summary>
public static class PreciseClock
{
    /// <summary>How long before the instant the coarse timer hands over to the spin.</summary>
    public static readonly TimeSpan SpinWindow = TimeSpan.FromMilliseconds(30);

    /// <summary>Longest single timer wait; the clock is re-read after each, so a stepped wall clock is followed.</summary>
    public static readonly TimeSpan MaxTimerStep = TimeSpan.FromSeconds(1);

    /// <summary>Completes at <paramref name="instant"/> per <paramref name="time"/> (at once if it is past).</summary>
    /// <param name="time">The clock.</param>
    /// <param name="instant">Target instant.</param>
    /// <param name="cancel">Cancels the wait.</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task WaitUntilAsync(TimeProvider time, DateTimeOffset instant, CancellationToken cancel)
    {
        var left = instant - time.GetUtcNow();
        while (left > SpinWindow)
        {
            var step = left - SpinWindow;
            await Task.Delay(step > MaxTimerStep ? MaxTimerStep : step, time, cancel).ConfigureAwait(false);
            left = instant - time.GetUtcNow();
        }

        if (left <= TimeSpan.Zero)
        {
            return;
        }

        // The spin also ends by real elapsed time, so a clock that is not advancing (a test fake) cannot hang it.
        var guard = Stopwatch.StartNew();
        var limit = left + TimeSpan.FromMilliseconds(100);
        var spinner = default(SpinWait);
        while (time.GetUtcNow() < instant && guard.Elapsed < limit)
        {
            cancel.ThrowIfCancellationRequested();
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
