using System.Diagnostics;

namespace BroadcastHub.Audio.Output;

/// <summary>
/// Runs an action at an instant with sub-millisecond precision: a coarse async timer until
/// <see cref="DedicatedWindow"/> before, then a dedicated thread (immune to thread-pool starvation) that sleeps
/// in short steps and spins the last <see cref="SpinWindow"/>.
/// </summary>
public static class PreciseClock
{
    /// <summary>How long before the instant the dedicated thread takes over from the async timer.</summary>
    public static readonly TimeSpan DedicatedWindow = TimeSpan.FromSeconds(1);

    /// <summary>How long before the instant the dedicated thread stops sleeping and spins.</summary>
    public static readonly TimeSpan SpinWindow = TimeSpan.FromMilliseconds(30);

    private static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Waits for <paramref name="instant"/> per <paramref name="time"/> and runs <paramref name="action"/> on the
    /// dedicated thread at that instant (at once if it is past). The clock is re-read at least every second, so a
    /// stepped wall clock is followed.
    /// </summary>
    /// <param name="time">The clock.</param>
    /// <param name="instant">Target instant.</param>
    /// <param name="action">What to do at the instant (e.g. start a player); its exception faults the task.</param>
    /// <param name="cancel">Cancels the wait (the action is then not run).</param>
    /// <exception cref="OperationCanceledException">Cancelled before the instant.</exception>
    public static async Task RunAtAsync(TimeProvider time, DateTimeOffset instant, Action action, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(action);
        var left = instant - time.GetUtcNow();
        while (left > DedicatedWindow)
        {
            var step = left - DedicatedWindow;
            await Task.Delay(step > MaxStep ? MaxStep : step, time, cancel).ConfigureAwait(false);
            left = instant - time.GetUtcNow();
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => FinalApproach(time, instant, action, cancel, done))
        {
            IsBackground = true, Name = "PreciseClock", Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        await done.Task.ConfigureAwait(false);
    }

    private static void FinalApproach(
        TimeProvider time, DateTimeOffset instant, Action action, CancellationToken cancel, TaskCompletionSource done)
    {
        try
        {
            var guard = Stopwatch.StartNew();
            var limit = instant - time.GetUtcNow() + TimeSpan.FromMilliseconds(100);
            var spinner = default(SpinWait);
            TimeSpan left;

            // The real-time guard ends the wait even if the clock does not advance (a test fake).
            while ((left = instant - time.GetUtcNow()) > TimeSpan.Zero && guard.Elapsed < limit)
            {
                if (left > SpinWindow ? cancel.WaitHandle.WaitOne(left - SpinWindow) : cancel.IsCancellationRequested)
                {
                    break;
                }

                if (left <= SpinWindow)
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                }
            }

            cancel.ThrowIfCancellationRequested();
            action();
            done.TrySetResult();
        }
        catch (OperationCanceledException ex)
        {
            done.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            done.TrySetException(ex);
        }
    }
}
