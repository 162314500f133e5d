using Bot.Cli;
using Bot.Domain.Conversation;
using Bot.Domain.Organization;
using Bot.Storage;
using Bot.Storage.Postgres;

namespace Bot.Tests.Storage;

/// <summary>
/// `Bot migrate` from a district's LiteDB file to PostgreSQL: everything arrives (a list shown before the move still
/// answers its buttons after, on the database), the counts agree, and a second run changes nothing.
/// </summary>
[Collection(OnePostgres.Name)]
public sealed class MigrateTests(PgServer server)
{
    [Fact]
    public async Task A_file_moved_to_PostgreSQL_answers_as_before_and_a_second_run_changes_nothing()
    {
        using var world = BotWorld.Create();
        var connection = server.NewDatabase();
        string done1, before;
        using (var lite = world.Open())
        {
            lite.Link("0900000015", new ChatAccount("telegram", "1001"));
            var list = lite.Handle(new Inbound("telegram", "1001", "1001") { Text = "việc của tôi" });
            before = list.Messages[0].Text;
            done1 = list.Messages[0].Buttons.SelectMany(r => r).Single(b => b.Text == "✅ Đã xong 1").Data;
            lite.Handle(new Inbound("telegram", "1001", "1001") { Text = "việc 2" });
            lite.Store.Preferences.SavePreferences(new Bot.Domain.Reminders.OfficialPreferences("0900000015") { Digest = true });
            lite.Store.Originals.Keep("cv.pdf", [37, 80, 68, 70]);
        }

        Assert.Equal(0, await MigrateCommand.RunAsync(new CliArgs(["--from", world.DbPath, "--to", connection]), world.Clock));
        IReadOnlyList<MigratedCount> first, second;
        using (var lite = BotStore.Open(new StoreOptions(world.DbPath), world.Clock))
        using (var pg = PgStore.Open(connection, world.Clock))
        {
            first = StoreMigration.Counts(lite, pg);
            second = StoreMigration.Copy(lite, pg); // again: upserts on every key
        }
        Assert.All(first, c => Assert.True(c.Agrees, $"{c.What}: {c.InFile} in the file, {c.InDatabase} in the database"));
        Assert.Equal(first, second);
        Assert.True(first.Single(c => c.What == "assignments").InFile > 100);
        Assert.True(first.Single(c => c.What == "chat lists").InFile >= 1, string.Join("; ", first));

        using var onPg = new TestBot(world.DbPath, world.Clock, world.Channel,
            new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = connection });
        Assert.IsType<PgStore>(onPg.Store);
        Assert.Equal(before, onPg.Handle(new Inbound("telegram", "1001", "1001") { Text = "việc của tôi" }).Messages[0].Text);
        var reply = onPg.Handle(new Inbound("telegram", "1001", "1001") { Tap = new ButtonTap(done1, "7", "q1") }); // a button signed before the move
        Assert.Equal("Đã ghi nhận hoàn thành. Cảm ơn anh/chị.", reply.Answer?.Text);
        Assert.Contains("Lê Văn Minh xác nhận xong", reply.Messages[0].Text, StringComparison.Ordinal);
        Assert.True(onPg.Store.Preferences.Preferences("0900000015").Digest);
        Assert.NotNull(onPg.Store.Directory.ByChatAccount(new ChatAccount("telegram", "1001")));
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_two_there_are()
    {
        var configuration = Bot.Hosting.BotConfiguration.Build(new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" });
        var e = Assert.Throws<InvalidOperationException>(() => Bot.Hosting.BotServices.StoreProvider(configuration));
        Assert.Contains("PostgreSql", e.Message, StringComparison.Ordinal);
        Assert.Equal(Bot.Hosting.BotServices.PostgreSql, Bot.Hosting.BotServices.StoreProvider(
            Bot.Hosting.BotConfiguration.Build(new Dictionary<string, string?> { ["Storage:Provider"] = "postgresql" })));
    }
}
