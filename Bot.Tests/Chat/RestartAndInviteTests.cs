using Bot.Domain.Conversation;
using Bot.Domain.Organization;

namespace Bot.Tests.Chat;

/// <summary>What the conversation remembers is in the store: a restart keeps lists and their buttons; invites work once.</summary>
public class RestartAndInviteTests
{
    [Fact]
    public void Buttons_of_a_list_still_work_after_a_restart()
    {
        using var world = BotWorld.Create();
        string done1;
        using (var before = world.Open())
        {
            var minh = before.Store.Directory.ByPhone("0900000015")!;
            before.Store.Directory.Upsert([minh with { ChatAccounts = [new ChatAccount("telegram", "1001")] }]);
            var list = before.Assistant.Handle(new Inbound("telegram", "1001", "1001") { Text = "việc của tôi" });
            done1 = list.Messages[0].Buttons.SelectMany(r => r).Single(b => b.Text == "✅ Đã xong 1").Data;
        }
        using var after = world.Open();
        var reply = after.Assistant.Handle(new Inbound("telegram", "1001", "1001") { Tap = new ButtonTap(done1, "7", "q1") });
        Assert.Equal("Đã ghi nhận hoàn thành. Cảm ơn anh/chị.", reply.Answer?.Text);
        Assert.Equal("7", reply.Messages[0].EditMessageId);
        Assert.Contains("Lê Văn Minh xác nhận xong", reply.Messages[0].Text, StringComparison.Ordinal);
        // "việc 1" still means the same task after the restart.
        Assert.Contains("Trạng thái: ✅ Lê Văn Minh", after.Assistant.Handle(new Inbound("telegram", "1001", "1001") { Text = "việc 1" }).Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invite_links_a_chat_once_and_not_after_it_expires()
    {
        using var world = BotWorld.Create();
        using var app = world.Open();
        var code = app.Store.Conversation.CreateInvite("0900000016", BotWorld.Today.AddDays(7));
        var linked = app.Assistant.Handle(new Inbound("telegram", "2002", "2002") { Text = $"/start {code}" });
        Assert.Contains("Chào anh/chị Phạm Thị Nam", linked.Messages[0].Text, StringComparison.Ordinal);
        Assert.NotNull(app.Store.Directory.ByChatAccount(new ChatAccount("telegram", "2002")));

        var again = app.Assistant.Handle(new Inbound("telegram", "3003", "3003") { Text = $"/start {code}" });
        Assert.Contains("Mã mời không đúng hoặc đã hết hạn", again.Messages[0].Text, StringComparison.Ordinal);
        Assert.Null(app.Store.Directory.ByChatAccount(new ChatAccount("telegram", "3003")));

        var stale = app.Store.Conversation.CreateInvite("0900000017", BotWorld.Today.AddMinutes(-1));
        var late = app.Assistant.Handle(new Inbound("telegram", "4004", "4004") { Text = $"/start {stale}" });
        Assert.Contains("Mã mời không đúng hoặc đã hết hạn", late.Messages[0].Text, StringComparison.Ordinal);
    }
}
