using Bot.Domain.Conversation;

namespace Bot.Tests.Storage;

/// <summary>Lists shown and the task in focus are written behind: readable at once, and on disk once the store closes.</summary>
public sealed class ConversationStoreTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Lists_and_focus_are_read_back_at_once_and_after_the_store_is_closed()
    {
        var at = _temp.Clock.GetUtcNow();
        using (var store = _temp.Open())
        {
            var memory = store.Conversation;
            memory.SaveList(new TaskList("l1", "tg:1", "Việc còn phải làm", ["a1", "a2"], at));
            memory.SaveList(new TaskList("l2", "tg:1", "Việc đã quá hạn", ["a2"], at));
            memory.SetFocus("tg:1", "a2");
            memory.SetFocus("tg:2", "a1");
            memory.SetFocus("tg:2", "a9"); // the latest wins

            Assert.Equal(["a1", "a2"], memory.GetList("l1")!.AssignmentIds);
            Assert.Equal("l2", memory.LastList("tg:1")!.Id);
            Assert.Equal("a2", memory.Focus("tg:1"));
            Assert.Equal("a9", memory.Focus("tg:2"));
            Assert.Null(memory.Focus("tg:3"));
        }

        using var reopened = _temp.Open();
        Assert.Equal(["a1", "a2"], reopened.Conversation.GetList("l1")!.AssignmentIds);
        Assert.Equal("l2", reopened.Conversation.LastList("tg:1")!.Id);
        Assert.Equal("a2", reopened.Conversation.Focus("tg:1"));
        Assert.Equal("a9", reopened.Conversation.Focus("tg:2"));
        Assert.Null(reopened.Conversation.LastList("tg:3"));
    }

    [Fact]
    public void Flushed_lists_and_focus_are_documents_of_the_file_any_reader_can_open()
    {
        var store = _temp.Open();
        store.Conversation.SaveList(new TaskList("l1", "tg:1", "Việc còn phải làm", ["a1"], _temp.Clock.GetUtcNow()));
        store.Conversation.SetFocus("tg:1", "a1");
        ((Bot.Storage.LiteConversationStore)store.Conversation).Flush();
        store.Dispose();
        var copy = _temp.File("copy.db");
        File.Copy(_temp.DbPath, copy);
        using var raw = new LiteDB.LiteDatabase(copy);
        Assert.Equal("a1", raw.GetCollection("chat_focus").FindById("tg:1")["AssignmentId"].AsString);
        Assert.NotNull(raw.GetCollection("chat_lists").FindById("l1"));
    }
}
