using System.Text.Json;
using Bot.Domain.Extensions;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Bot.Storage;

/// <summary>
/// Extension requests in the bot's file: the domain record as JSON beside the fields they are found by (the
/// task, the chat a request is drafted in, the chat an approver answers in, whether it is open). Changes are
/// compare-and-set on the state under the store's write gate, so one task has one open request and two
/// approvers give one decision. A PostgreSQL store implements <see cref="IExtensionRequests"/> as a table with
/// those columns and a jsonb one, and the same conditions in its UPDATE … WHERE.
/// </summary>
internal sealed class LiteExtensionRequests : IExtensionRequests
{
    internal const string Name = "extension_requests";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly BotStore _store;

    // Every turn asks whether its chat is drafting or answering a request; almost none is. A process that owns
    // the file knows those chats without a query (the set is re-read after each change); beside another
    // process (shared) it asks the file.
    private HashSet<string> _chatsInPlay = [];

    public LiteExtensionRequests(BotStore store)
    {
        _store = store;
        Docs.EnsureIndex(d => d.AssignmentId);
        Docs.EnsureIndex(d => d.DraftingChat);
        Docs.EnsureIndex(d => d.AnsweringChat);
        Docs.EnsureIndex(d => d.Unanswered);
        _chatsInPlay = ChatsInPlay();
    }

    private HashSet<string> ChatsInPlay() =>
        [.. Docs.Find(Query.Or(Query.Not(nameof(RequestDoc.DraftingChat), BsonValue.Null), Query.Not(nameof(RequestDoc.AnsweringChat), BsonValue.Null)))
            .SelectMany(d => new[] { d.DraftingChat, d.AnsweringChat }).OfType<string>()];

    private bool MayBeInPlay(string chat) => _store.Shared || Volatile.Read(ref _chatsInPlay).Contains(chat);

    private ILiteCollection<RequestDoc> Docs => _store.Database.GetCollection<RequestDoc>(Name);

    public ExtensionRequest? Get(string id) => Docs.FindById(id) is { } doc ? Read(doc) : null;

    public ExtensionRequest? OpenOf(string assignmentId) =>
        Docs.Find(Query.EQ(nameof(RequestDoc.AssignmentId), assignmentId)).Where(d => d.Open).Select(Read).FirstOrDefault();

    public int CountOf(string assignmentId) => Docs.Count(Query.EQ(nameof(RequestDoc.AssignmentId), assignmentId));

    public ExtensionRequest? DraftingIn(string chat) => !MayBeInPlay(chat) ? null :
        Docs.Find(Query.EQ(nameof(RequestDoc.DraftingChat), chat)).Select(Read).OrderByDescending(r => r.TouchedAt).FirstOrDefault();

    public ExtensionRequest? AnsweringIn(string chat) => !MayBeInPlay(chat) ? null :
        Docs.Find(Query.EQ(nameof(RequestDoc.AnsweringChat), chat)).Select(Read).OrderByDescending(r => r.AnsweringSince).FirstOrDefault();

    public bool TryOpen(ExtensionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _store.Write(() =>
        {
            if (Docs.Find(Query.EQ(nameof(RequestDoc.AssignmentId), request.AssignmentId)).Any(d => d.Open)) return false;
            Docs.Insert(ToDoc(request));
            Volatile.Write(ref _chatsInPlay, ChatsInPlay());
            return true;
        });
    }

    public bool TryUpdate(ExtensionRequest request, ExtensionState expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _store.Write(() =>
        {
            if (Docs.FindById(request.Id) is not { } doc || Read(doc).State != expected) return false;
            Docs.Update(ToDoc(request));
            Volatile.Write(ref _chatsInPlay, ChatsInPlay());
            return true;
        });
    }

    public IReadOnlyList<ExtensionRequest> Unanswered() => [.. Docs.Find(Query.EQ(nameof(RequestDoc.Unanswered), true)).Select(Read)];

    public IReadOnlyList<ExtensionRequest> OfAssignment(string assignmentId) =>
        [.. Docs.Find(Query.EQ(nameof(RequestDoc.AssignmentId), assignmentId)).Select(Read).OrderBy(r => r.Number)];

    private static ExtensionRequest Read(RequestDoc doc) => JsonSerializer.Deserialize<ExtensionRequest>(doc.Json, Json)!;

    private static RequestDoc ToDoc(ExtensionRequest r) => new()
    {
        Id = r.Id,
        AssignmentId = r.AssignmentId,
        DraftingChat = r.State == ExtensionState.Drafting ? r.Chat : null,
        AnsweringChat = r.State == ExtensionState.Asked ? r.AnsweringChat : null,
        Open = r.IsOpen,
        Unanswered = r.State == ExtensionState.Asked && r.RemindedAt is null,
        Json = JsonSerializer.Serialize(r, Json),
    };

    internal sealed class RequestDoc
    {
        public string Id { get; set; } = "";
        public string AssignmentId { get; set; } = "";
        public string? DraftingChat { get; set; }
        public string? AnsweringChat { get; set; }
        public bool Open { get; set; }
        public bool Unanswered { get; set; }
        public string Json { get; set; } = "";
    }
}
