using Bot.Domain.Conversation;
using Bot.Storage;

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
    public void Flushed_lists_and_focus_are_documents_of_the_chat_file_any_reader_can_open()
    {
        var store = _temp.Open();
        store.Conversation.SaveList(new TaskList("l1", "tg:1", "Việc còn phải làm", ["a1"], _temp.Clock.GetUtcNow()));
        store.Conversation.SetFocus("tg:1", "a1");
        ((LiteConversationStore)store.Conversation).Flush();
        store.Dispose();
        var copy = _temp.File("copy.db");
        File.Copy(BotStore.ChatPath(_temp.DbPath), copy);
        using (var raw = new LiteDB.LiteDatabase(copy))
        {
            Assert.Equal("a1", raw.GetCollection("chat_focus").FindById("tg:1")["AssignmentId"].AsString);
            Assert.NotNull(raw.GetCollection("chat_lists").FindById("l1"));
        }
        File.Copy(_temp.DbPath, copy, overwrite: true);
        using var bot = new LiteDB.LiteDatabase(copy);
        Assert.DoesNotContain("chat_lists", bot.GetCollectionNames());
    }

    [Fact]
    public void Lists_no_longer_kept_in_memory_are_read_back_from_the_file()
    {
        using var store = _temp.Open();
        var memory = (LiteConversationStore)store.Conversation;
        memory.SaveList(new TaskList("l1", "tg:1", "Việc còn phải làm", ["a1"], _temp.Clock.GetUtcNow()));
        memory.SaveList(new TaskList("l2", "tg:1", "Việc đã quá hạn", ["a2"], _temp.Clock.GetUtcNow()));
        memory.Flush();
        memory.Flush(); // l1 is no longer the chat's last: forgotten from memory, kept in the file

        Assert.Equal(["a1"], memory.GetList("l1")!.AssignmentIds);
        _temp.Clock.Advance(LiteConversationStore.KeptInMemory + TimeSpan.FromMinutes(1));
        memory.SaveList(new TaskList("l3", "tg:2", "Việc còn phải làm", ["a3"], _temp.Clock.GetUtcNow()));
        memory.Flush();
        memory.Flush(); // l2 is old now

        Assert.Equal("l2", memory.LastList("tg:1")!.Id);
        Assert.Equal(["a2"], memory.GetList("l2")!.AssignmentIds);
        Assert.Equal("l3", memory.LastList("tg:2")!.Id);
    }

    [Fact]
    public void Lists_older_than_a_month_leave_the_file_and_newer_ones_stay()
    {
        using var store = _temp.Open();
        var memory = (LiteConversationStore)store.Conversation;
        var start = _temp.Clock.GetUtcNow();
        memory.SaveList(new TaskList("old", "tg:1", "Việc còn phải làm", ["a1"], start));
        memory.SaveList(new TaskList("newer", "tg:2", "Việc còn phải làm", ["a2"], start.AddDays(2)));
        memory.Flush();

        _temp.Clock.Advance(LiteConversationStore.KeptFor + TimeSpan.FromDays(1));
        memory.Flush(); // both leave memory (an hour old); the first flush of the day prunes
        memory.Flush();

        Assert.Null(memory.GetList("old"));
        Assert.Null(memory.LastList("tg:1"));
        Assert.Equal(["a2"], memory.GetList("newer")!.AssignmentIds);
        Assert.Equal("newer", memory.LastList("tg:2")!.Id);
    }

    [Fact]
    public void A_file_with_the_chat_collections_inside_moves_them_to_the_chat_file_once()
    {
        using (_temp.Open()) { }
        // The shape of version 2: lists and focus in the bot's own file.
        using (var raw = new LiteDB.LiteDatabase(_temp.DbPath))
        {
            raw.GetCollection("chat_lists").Insert(new LiteDB.BsonDocument
            {
                ["_id"] = "l1", ["Chat"] = "tg:1", ["Title"] = "Việc còn phải làm",
                ["AssignmentIds"] = new LiteDB.BsonArray(new LiteDB.BsonValue("a1"), new LiteDB.BsonValue("a2")), ["At"] = DateTime.UtcNow,
            });
            raw.GetCollection("chat_last_list").Insert(new LiteDB.BsonDocument { ["_id"] = "tg:1", ["AssignmentId"] = "l1" });
            raw.GetCollection("chat_focus").Insert(new LiteDB.BsonDocument { ["_id"] = "tg:1", ["AssignmentId"] = "a2" });
            raw.UserVersion = 2;
        }
        File.Delete(BotStore.ChatPath(_temp.DbPath));

        using (var upgraded = _temp.Open())
        {
            Assert.Equal(["a1", "a2"], upgraded.Conversation.LastList("tg:1")!.AssignmentIds);
            Assert.Equal("a2", upgraded.Conversation.Focus("tg:1"));
        }
        using (var raw = new LiteDB.LiteDatabase(_temp.DbPath))
        {
            Assert.Equal(BotStore.SchemaVersion, raw.UserVersion);
            Assert.DoesNotContain(raw.GetCollectionNames(), BotStore.ChatCollections.Contains);
        }
        using var again = _temp.Open();
        Assert.Equal("l1", again.Conversation.LastList("tg:1")!.Id);
    }
}
