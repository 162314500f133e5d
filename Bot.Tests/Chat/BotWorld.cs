using Bot.Hosting;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Chat;

/// <summary>
/// A real store in a temporary folder, filled like the demo: Tứ Kỳ's sample directory and the five
/// sample directives, published on 20/10/2023.
/// </summary>
internal sealed class BotWorld : IDisposable
{
    public static readonly DateTimeOffset Today = DemoData.Today;

    private BotWorld(string folder) => Folder = folder;

    public string Folder { get; }

    public string DbPath => Path.Combine(Folder, "bot.db");

    public static BotWorld Create()
    {
        var world = new BotWorld(Directory.CreateTempSubdirectory("bot-world-").FullName);
        using var app = world.Open();
        DemoData.Seed(app);
        return world;
    }

    /// <summary>Opens the world's store with the demo's clock (the caller disposes it).</summary>
    public BotApp Open(TimeProvider? clock = null) =>
        BotApp.Open(new ConfigurationBuilder().Build(), DbPath, clock ?? new StartedClock(Today));

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
