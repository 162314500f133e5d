using Bot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Storage;

/// <summary>A real LiteDB file in a fresh temporary folder, with a fake clock; removed afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly List<BotStore> _open = [];

    public TempStore(DateTimeOffset? start = null, string? password = null)
    {
        Folder = Directory.CreateTempSubdirectory("bot-store-").FullName;
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2023, 9, 25, 9, 0, 0, TimeSpan.FromHours(7)));
        Password = password;
    }

    public string Folder { get; }

    public string DbPath => Path.Combine(Folder, "bot.db");

    public FakeTimeProvider Clock { get; }

    public string? Password { get; }

    public string File(string name) => Path.Combine(Folder, name);

    /// <summary>Opens the file, owned by this process or, <paramref name="shared"/>, as one of several.</summary>
    public BotStore Open(bool shared = false)
    {
        var store = BotStore.Open(new StoreOptions(DbPath, Password, shared), Clock);
        _open.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _open) store.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a failing test: the temp folder is cleaned by the system
        }
    }
}
