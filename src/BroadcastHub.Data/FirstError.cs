using System.Runtime.ExceptionServices;

namespace BroadcastHub.Data;

/// <summary>Runs a <see cref="Parallel"/> loop and lets its first failure out as itself, not wrapped.</summary>
public static class FirstError
{
    /// <summary>
    /// Runs <paramref name="parallelLoop"/>; when it throws an <see cref="AggregateException"/>, rethrows the first inner
    /// exception with its own stack: callers (and the outage handling of requests) expect the database's or the job
    /// storage's own exception, as when the work runs on one thread.
    /// </summary>
    public static void Rethrow(Action parallelLoop)
    {
        try
        {
            parallelLoop();
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
