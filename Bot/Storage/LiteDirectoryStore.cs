using Bot.Domain.Organization;
using LiteDB;

namespace Bot.Storage;

/// <summary>The officials of the directory in LiteDB, keyed by phone.</summary>
internal sealed class LiteDirectoryStore(BotStore store) : IDirectoryStore
{
    // Every turn begins by finding who wrote: kept until the directory is written (a link, an import).
    private readonly ReadCache<string, Official?> _byAccount = new(() => store.Changes(BotStore.OfficialsName), capacity: 100_000);

    public int Upsert(IReadOnlyCollection<Official> officials)
    {
        ArgumentNullException.ThrowIfNull(officials);
        return store.Write(() =>
        {
            var docs = store.OfficialDocs;
            var added = 0;
            foreach (var official in officials)
            {
                var before = docs.FindById(official.Phone);
                // A directory file carries no chat links: keep the ones already made.
                var keep = before is not null && official.ChatAccounts.Count == 0 ? official with { ChatAccounts = StoreMapping.ToDomain(before).ChatAccounts } : official;
                docs.Upsert(StoreMapping.ToDoc(keep));
                if (before is null) added++;
            }
            return added;
        });
    }

    public Official? ByPhone(string phone) =>
        PhoneNumber.TryNormalize(phone, out var normal) && store.OfficialDocs.FindById(normal) is { } doc ? StoreMapping.ToDomain(doc) : null;

    public Official? ByChatAccount(ChatAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _byAccount.Get(StoreMapping.AccountKey(account), key =>
            store.OfficialDocs.FindOne(BsonExpression.Create("$.AccountKeys[*] ANY = @0", new BsonValue(key))) is { } doc ? StoreMapping.ToDomain(doc) : null);
    }

    public IReadOnlyList<Official> OfUnit(string unitCode) =>
        store.OfficialDocs.Find(Filter.Eq(nameof(OfficialDoc.UnitCode), unitCode)).Select(StoreMapping.ToDomain).ToList();

    public IReadOnlyList<Official> All() => store.OfficialDocs.FindAll().Select(StoreMapping.ToDomain).ToList();
}
