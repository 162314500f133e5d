using System.Security.Cryptography;
using System.Text.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;
using Bot.Domain.Desk;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// The office's desk in the bot's file: drafts (the domain record as JSON, so a draft's shape can grow without a
/// mapping of its own; found by id and by chat) and the original files in LiteDB's file storage, keyed by content.
/// A PostgreSQL store implements the same two interfaces (a table with a jsonb column, a bytea or large object).
/// </summary>
internal sealed class LiteDesk : IDraftStore, IOriginalFiles
{
    internal const string DraftsName = "drafts";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly BotStore _store;

    public LiteDesk(BotStore store)
    {
        _store = store;
        Drafts.EnsureIndex(d => d.Chat);
    }

    private ILiteCollection<DraftDoc> Drafts => _store.Database.GetCollection<DraftDoc>(DraftsName);

    private ILiteStorage<string> Files => _store.Database.GetStorage<string>("originals_files", "originals_chunks");

    public void Save(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var doc = new DraftDoc { Id = draft.Id, Chat = draft.Chat, Owner = draft.OwnerPhone, Json = JsonSerializer.Serialize(draft, Json), SavedAt = _store.Clock.GetUtcNow() };
        _store.Write(() => Drafts.Upsert(doc));
    }

    public Draft? Find(string id) => Drafts.FindById(id) is { } doc ? Read(doc) : null;

    public Draft? Latest(string chat) =>
        Drafts.Find(Filter.Eq(nameof(DraftDoc.Chat), chat)).OrderByDescending(d => d.SavedAt).FirstOrDefault() is { } doc ? Read(doc) : null;

    public void Delete(string id) => _store.Write(() => Drafts.Delete(id));

    public string Keep(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var id = Convert.ToHexStringLower(SHA256.HashData(content))[..24];
        _store.Write(() =>
        {
            if (Files.Exists(id)) return false;
            using var stream = new MemoryStream(content, writable: false);
            Files.Upload(id, Path.GetFileName(fileName), stream);
            return true;
        });
        return id;
    }

    public (string FileName, byte[] Content)? Open(string id)
    {
        var file = Files.FindById(id);
        if (file is null) return null;
        using var stream = new MemoryStream();
        file.CopyTo(stream);
        return (file.Filename, stream.ToArray());
    }

    private static Draft? Read(DraftDoc doc) => JsonSerializer.Deserialize<Draft>(doc.Json, Json);

    internal sealed class DraftDoc
    {
        public string Id { get; set; } = "";
        public string Chat { get; set; } = "";
        public string Owner { get; set; } = "";
        public string Json { get; set; } = "";
        public DateTimeOffset SavedAt { get; set; }
    }
}
