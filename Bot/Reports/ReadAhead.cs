using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Bot.Reports;

/// <summary>
/// A sequence read on a thread of its own while its reader uses it: a workbook's rows come from the store
/// as fast as MiniExcel writes them, so on two cores the read and the write overlap instead of adding up.
/// </summary>
/// <remarks>
/// The source is enumerated wholly on one dedicated thread and synchronously: the LiteDB store's gate is a
/// monitor held by the thread that runs a query, so a query must start and end on the same thread. At most
/// <c>capacity</c> items wait; a reader that stops early (or fails) stops the read; a read that fails
/// rethrows its exception to the reader.
/// </remarks>
public static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int capacity = 4096)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return Read(source, capacity);
    }

    private static IEnumerable<T> Read<T>(IEnumerable<T> source, int capacity)
    {
        using var queue = new BlockingCollection<T>(capacity);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var reader = new Thread(() =>
        {
            try
            {
                foreach (var item in source) queue.Add(item, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // the reader stopped early: nothing more is wanted
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }) { IsBackground = true, Name = "read-ahead" };
        reader.Start();
        try
        {
            foreach (var item in queue.GetConsumingEnumerable()) yield return item;
            reader.Join();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }
    }
}
