using Bot.Reports;

namespace Bot.Tests.Reports;

/// <summary>
/// The workbook's read-ahead: every item in order, the source read on one thread that is not the reader's (the
/// LiteDB gate is held by the thread that runs a query), a failure reaches the reader, and a reader that stops
/// early stops the read.
/// </summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void Gives_every_item_in_order_read_on_one_other_thread()
    {
        var threads = new HashSet<int>();
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 100_000; i++)
            {
                threads.Add(Environment.CurrentManagedThreadId);
                yield return i;
            }
        }

        var read = ReadAhead.Of(Source(), capacity: 16).ToList();

        Assert.Equal(Enumerable.Range(0, 100_000), read);
        var reader = Assert.Single(threads);
        Assert.NotEqual(Environment.CurrentManagedThreadId, reader);
    }

    [Fact]
    public void A_failing_read_fails_the_reader_after_the_items_before_it()
    {
        IEnumerable<int> Source()
        {
            yield return 1;
            yield return 2;
            throw new InvalidOperationException("đọc hỏng");
        }

        var seen = new List<int>();
        var failure = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in ReadAhead.Of(Source())) seen.Add(item);
        });

        Assert.Equal("đọc hỏng", failure.Message);
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void A_reader_that_stops_early_stops_the_read()
    {
        var produced = 0;
        var disposed = false;
        IEnumerable<int> Source()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    produced++;
                    yield return i;
                }
            }
            finally
            {
                disposed = true;
            }
        }

        var first = ReadAhead.Of(Source(), capacity: 8).Take(3).ToList();

        Assert.Equal([0, 1, 2], first);
        Assert.True(disposed, "the source was not disposed: its query would hold the store");
        Assert.InRange(produced, 3, 3 + 8 + 2);
    }
}
