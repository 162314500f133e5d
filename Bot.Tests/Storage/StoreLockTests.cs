using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Storage;

namespace Bot.Tests.Storage;

/// <summary>
/// LiteDB has no lock between processes, and two direct opens of one file corrupt it: a store owns its
/// file alone unless every opener shares it (Storage:Shared), and then each sees what the others wrote.
/// </summary>
public sealed class StoreLockTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private BotStore Open(bool shared) => BotStore.Open(new StoreOptions(_temp.DbPath, Shared: shared), _temp.Clock);

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void A_second_opener_is_refused_unless_both_share_the_file(bool firstShared, bool secondShared)
    {
        using (Open(firstShared))
        {
            var refused = Assert.Throws<StoreInUseException>(() => Open(secondShared));
            Assert.Contains("Storage__Shared=true", refused.Message, StringComparison.Ordinal);
        }
        using var afterwards = Open(secondShared); // free once the first has closed
    }

    [Fact]
    public void Stores_that_share_the_file_read_what_the_other_wrote()
    {
        using var serve = Open(shared: true);
        using var worker = Open(shared: true);
        serve.Directory.Upsert([new Official { Phone = "0900000001", Name = "Nguyễn Văn A", UnitCode = "NV", Role = Role.Staff }]);
        Assert.Equal("Nguyễn Văn A", worker.Directory.ByPhone("0900000001")?.Name);

        // A reminder's list, written at once by the worker, is found by serve when its button is tapped.
        worker.Conversation.SaveList(new TaskList("r1", "telegram:1", "Nhắc việc", ["a1"], _temp.Clock.GetUtcNow()), writeNow: true);
        Assert.Equal(["a1"], serve.Conversation.GetList("r1")?.AssignmentIds);
        Assert.Equal(serve.Conversation.ButtonKey(), worker.Conversation.ButtonKey());
    }
}
