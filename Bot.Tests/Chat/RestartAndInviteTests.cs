using Bot.Domain.Conversation;
using Bot.Domain.Organization;

namespace Bot.Tests.Chat;

/// <summary>What the conversation remembers is in the store: a restart keeps lists and their buttons; invites work once, until they expire.</summary>
public class RestartAndInviteTests
{
    [Fact]
    public void Buttons_of_a_list_still_work_after_a_restart()
    {
        using var world = BotWorld.Create();
        string done1;
        using (var before = world.Open())
        {
            before.Link("0900000015", new ChatAccount("telegram", "1001"));
            var list = before.Handle(new Inbound("telegram", "1001", "1001") { Text = "việc của tôi" });
            done1 = list.Messages[0].Buttons.SelectMany(r => r).Single(b => b.Text == "✅ Đã xong 1").Data;
        }
        using var after = world.Open();
        var reply = after.Handle(new Inbound("telegram", "1001", "1001") { Tap = new ButtonTap(done1, "7", "q1") });
        Assert.Equal("Đã ghi nhận hoàn thành. Cảm ơn anh/chị.", reply.Answer?.Text);
        Assert.Equal("7", reply.Messages[0].EditMessageId);
        Assert.Contains("Lê Văn Minh xác nhận xong", reply.Messages[0].Text, StringComparison.Ordinal);
        // "việc 1" still means the same task after the restart.
        Assert.Contains("Trạng thái: ✅ Lê Văn Minh", after.Handle(new Inbound("telegram", "1001", "1001") { Text = "việc 1" }).Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invite_links_a_chat_once()
    {
        using var world = BotWorld.Create();
        using var app = world.Open();
        var code = app.Store.Conversation.CreateInvite("0900000016", BotWorld.Today.AddDays(7));
        var linked = app.Handle(new Inbound("telegram", "2002", "2002") { Text = $"/start {code}" });
        Assert.Contains("Chào anh/chị Phạm Thị Nam", linked.Messages[0].Text, StringComparison.Ordinal);
        Assert.NotNull(app.Store.Directory.ByChatAccount(new ChatAccount("telegram", "2002")));

        var again = app.Handle(new Inbound("telegram", "3003", "3003") { Text = $"/start {code}" });
        Assert.Contains("Mã mời không đúng hoặc đã hết hạn", again.Messages[0].Text, StringComparison.Ordinal);
        Assert.Null(app.Store.Directory.ByChatAccount(new ChatAccount("telegram", "3003")));
    }

    [Theory]
    [InlineData(6.9, true)]
    [InlineData(7, false)]
    [InlineData(8, false)]
    public void An_invite_for_seven_days_works_until_they_have_passed(double daysLater, bool links)
    {
        using var world = BotWorld.Create();
        using var app = world.Open();
        var code = app.Store.Conversation.CreateInvite("0900000017", world.Clock.GetUtcNow().AddDays(7));
        world.Clock.Advance(TimeSpan.FromDays(daysLater));
        var reply = app.Handle(new Inbound("telegram", "4004", "4004") { Text = $"/start {code}" });
        Assert.Equal(links, app.Store.Directory.ByChatAccount(new ChatAccount("telegram", "4004")) is not null);
        Assert.Equal(!links, reply.Messages[0].Text.Contains("Mã mời không đúng hoặc đã hết hạn", StringComparison.Ordinal));
    }
}
