namespace Bot.Domain.Organization;

/// <summary>Where the officials of the directory are kept (LiteDB now, PostgreSQL later).</summary>
public interface IDirectoryStore
{
    /// <summary>Adds or replaces officials by phone, all or none. Returns how many were new.</summary>
    int Upsert(IReadOnlyCollection<Official> officials);

    Official? ByPhone(string phone);

    Official? ByChatAccount(ChatAccount account);

    IReadOnlyList<Official> OfUnit(string unitCode);

    IReadOnlyList<Official> All();
}
