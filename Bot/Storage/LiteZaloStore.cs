using Bot.Channels.Zalo;
using LiteDB;

namespace Bot.Storage;

/// <summary>The Zalo channel's state in the bot's file: the token pair (one document, replaced whole) and users' last interactions. Instants are UTC.</summary>
internal sealed class LiteZaloStore(BotStore store) : IZaloStore
{
    private const string PairId = "oa";

    private ILiteCollection<TokenDoc> TokenDocs => store.Database.GetCollection<TokenDoc>("zalo_tokens");

    private ILiteCollection<InteractionDoc> Interactions => store.Database.GetCollection<InteractionDoc>("zalo_interactions");

    public ZaloTokenPair? Tokens() => TokenDocs.FindById(PairId) is { } d
        ? new ZaloTokenPair(d.AccessToken, d.RefreshToken, Utc(d.AccessExpiresAt), Utc(d.ObtainedAt), d.SeededFrom)
        : null;

    public void SaveTokens(ZaloTokenPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        store.Write(() => TokenDocs.Upsert(new TokenDoc
        {
            Id = PairId,
            AccessToken = pair.AccessToken,
            RefreshToken = pair.RefreshToken,
            AccessExpiresAt = Stored(pair.AccessExpiresAt),
            ObtainedAt = Stored(pair.ObtainedAt),
            SeededFrom = pair.SeededFrom,
        }));
    }

    public DateTimeOffset? LastInteraction(string userId) => Interactions.FindById(userId) is { } d ? Utc(d.At) : null;

    public void SaveInteraction(string userId, DateTimeOffset at) =>
        store.Write(() => Interactions.Upsert(new InteractionDoc { Id = userId, At = Stored(at) }));

    // LiteDB keeps DateTime; MinValue stays MinValue rather than overflowing on the way to UTC.
    private static DateTime Stored(DateTimeOffset at) => at == DateTimeOffset.MinValue ? DateTime.MinValue : at.UtcDateTime;

    private static DateTimeOffset Utc(DateTime at) => at == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    internal sealed class TokenDoc
    {
        public string Id { get; set; } = "";
        public string AccessToken { get; set; } = "";
        public string RefreshToken { get; set; } = "";
        public DateTime AccessExpiresAt { get; set; }
        public DateTime ObtainedAt { get; set; }
        public string SeededFrom { get; set; } = "";
    }

    internal sealed class InteractionDoc
    {
        public string Id { get; set; } = "";
        public DateTime At { get; set; }
    }
}
