using JsonSerializer = System.Text.Json.JsonSerializer;
using Bot.Domain.Assignments;
using Dapper;
using LiteDB;
using Npgsql;

namespace Bot.Storage.Postgres;

/// <summary>How many of a kind the LiteDB file held and the database holds after the copy.</summary>
public sealed record MigratedCount(string What, long InFile, long InDatabase)
{
    public bool Agrees => InFile == InDatabase;
}

/// <summary>
/// `Bot migrate`: copies everything a LiteDB store holds into a PostgreSQL one, in batches (one transaction each),
/// every row written as an upsert on its key, so a second run (or a run after an interrupted one) changes
/// nothing and completes what is missing. Then counts both sides, kind by kind.
/// </summary>
public static class StoreMigration
{
    private const int Batch = 5_000;

    public static IReadOnlyList<MigratedCount> Copy(BotStore from, PgStore to, Action<string, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var lite = from.Database;
        Pages<DirectiveDoc>(lite, BotStore.DirectivesName, page => to.Write((c, t) =>
            PgAssignmentStore.UpsertDirectives(c, t, [.. page.Select(StoreMapping.ToDomain)])), "directives", progress);
        Pages<AssignmentDoc>(lite, BotStore.AssignmentsName, page => to.Write((c, t) =>
            PgAssignmentStore.WriteAssignments(c, t, [.. page.Select(StoreMapping.ToDomain)], upsert: true)), "assignments", progress);
        Pages<OfficialDoc>(lite, BotStore.OfficialsName, page => to.Write((c, t) =>
            PgDirectoryStore.Write(c, t, [.. page.Select(StoreMapping.ToDomain)])), "officials", progress);
        Pages<AuditDoc>(lite, BotStore.AuditName, page => to.Write((c, t) => c.Execute("""
            insert into audit (at, by_phone, action, assignment_id, directive_id, detail, origin_id)
            select * from unnest(@ats, @bys, @actions, @assignments, @directives, @details, @origins) on conflict (origin_id) do nothing
            """, new
        {
            ats = page.Select(e => e.At.UtcDateTime).ToArray(),
            bys = page.Select(e => e.ByPhone).ToArray(),
            actions = page.Select(e => e.Action).ToArray(),
            assignments = page.Select(e => e.AssignmentId).ToArray(),
            directives = page.Select(e => e.DirectiveId).ToArray(),
            details = page.Select(e => e.Detail).ToArray(),
            origins = page.Select(e => e.Id!.ToString()).ToArray(),
        }, t)), "audit", progress);

        to.Write((c, t) =>
        {
            foreach (var p in from.Preferences.AllPreferences())
                c.Execute("insert into preferences (phone, doc) values (@phone, @json::jsonb) on conflict (phone) do update set doc = excluded.doc",
                    new { phone = p.Phone, json = PgPreferenceStore.ToJson(p) }, t);
            foreach (var invite in lite.GetCollection<LiteConversationStore.InviteDoc>("invites").FindAll())
                c.Execute("insert into invites (code, phone, expires, used) values (@Id, @Phone, @expires, @Used) on conflict (code) do update set used = excluded.used",
                    new { invite.Id, invite.Phone, expires = DateTime.SpecifyKind(invite.Expires, DateTimeKind.Utc), invite.Used }, t);
            if (lite.GetCollection("settings").FindById("button-key") is { } key)
                c.Execute("insert into settings (key, value) values ('button-key', @value) on conflict (key) do update set value = excluded.value", new { value = key["value"].AsBinary }, t);
            foreach (var draft in lite.GetCollection<LiteDesk.DraftDoc>(LiteDesk.DraftsName).FindAll())
                c.Execute("insert into drafts (id, chat, saved_at, doc) values (@Id, @Chat, @at, @Json::jsonb) on conflict (id) do update set doc = excluded.doc, saved_at = excluded.saved_at",
                    new { draft.Id, draft.Chat, at = draft.SavedAt.ToUniversalTime(), draft.Json }, t);
            if (from.Zalo.Tokens() is { } tokens)
                c.Execute("insert into zalo_tokens (id, doc) values ('oa', @json::jsonb) on conflict (id) do update set doc = excluded.doc", new { json = JsonSerializer.Serialize(tokens, PgJson.Options) }, t);
            foreach (var seen in lite.GetCollection<LiteZaloStore.InteractionDoc>("zalo_interactions").FindAll())
                c.Execute("insert into zalo_interactions (user_id, at) values (@Id, @at) on conflict (user_id) do update set at = excluded.at",
                    new { seen.Id, at = DateTime.SpecifyKind(seen.At, DateTimeKind.Utc) }, t);
        });
        var files = lite.GetStorage<string>("originals_files", "originals_chunks");
        foreach (var file in files.FindAll())
        {
            using var content = new MemoryStream();
            file.CopyTo(content);
            to.Write((c, t) => c.Execute("insert into originals (id, file_name, content) values (@id, @name, @content) on conflict (id) do nothing",
                new { id = file.Id, name = file.Filename, content = content.ToArray() }, t));
        }

        Pages<LiteNudgeOutbox.NudgeDoc>(lite, LiteNudgeOutbox.NudgesName, page => to.Write((c, t) => c.Execute("""
            insert into outbox_nudges (key, message_id, assignment_id, official, kind, step, due_before, planned_at, recorded_at)
            select * from unnest(@keys, @messages, @assignments, @officials, @kinds, @steps, @dues, @planned, @recorded) on conflict (key) do nothing
            """, new
        {
            keys = page.Select(n => n.Id).ToArray(),
            messages = page.Select(n => n.MessageId).ToArray(),
            assignments = page.Select(n => n.AssignmentId).ToArray(),
            officials = page.Select(n => n.Official).ToArray(),
            kinds = page.Select(n => (int)n.Kind).ToArray(),
            steps = page.Select(n => n.Step).ToArray(),
            dues = page.Select(n => n.DueBefore.UtcDateTime).ToArray(),
            planned = page.Select(n => n.PlannedAt.UtcDateTime).ToArray(),
            recorded = page.Select(n => n.RecordedAt.UtcDateTime).ToArray(),
        }, t)), "outbox nudges", progress);
        Pages<LiteNudgeOutbox.MessageDoc>(lite, LiteNudgeOutbox.MessagesName, page => to.Write((c, t) =>
        {
            foreach (var m in page)
                c.Execute("""
                    insert into outbox_messages (id, kind, official, nudge_keys, created_at, state, attempts, last_attempt_at, channel_message_id, done_at, error)
                    values (@Id, @kind, @Official, @keys, @created, @state, @Attempts, @last, @ChannelMessageId, @done, @Error)
                    on conflict (id) do update set state = excluded.state, attempts = excluded.attempts, last_attempt_at = excluded.last_attempt_at,
                      channel_message_id = excluded.channel_message_id, done_at = excluded.done_at, error = excluded.error
                    """, new
                {
                    m.Id, kind = (int)m.Kind, m.Official, keys = m.NudgeKeys.ToArray(), created = m.CreatedAt.ToUniversalTime(), state = (int)m.State, m.Attempts,
                    last = m.LastAttemptAt?.ToUniversalTime(), m.ChannelMessageId, done = m.DoneAt?.ToUniversalTime(), m.Error,
                }, t);
        }), "outbox messages", progress);

        var chats = from.Chats;
        Pages<LiteConversationStore.ListDoc>(chats, LiteConversationStore.ListsName, page => to.Write((c, t) =>
        {
            foreach (var l in page)
                c.Execute("insert into chat_lists (id, chat, at, doc) values (@Id, @Chat, @at, @json::jsonb) on conflict (id) do update set doc = excluded.doc, at = excluded.at",
                    new { l.Id, l.Chat, at = DateTime.SpecifyKind(l.At, DateTimeKind.Utc), json = JsonSerializer.Serialize(
                        new PgConversationStore.Doc(l.Id, l.Chat, l.Title, l.AssignmentIds, new DateTimeOffset(DateTime.SpecifyKind(l.At, DateTimeKind.Utc)), l.UnitCode, l.RankedBy), PgJson.Options) }, t);
        }), "chat lists", progress);
        to.Write((c, t) =>
        {
            foreach (var last in chats.GetCollection<LiteConversationStore.FocusDoc>(LiteConversationStore.LastListsName).FindAll())
                c.Execute("insert into chat_last_list (chat, list_id) values (@Id, @AssignmentId) on conflict (chat) do update set list_id = excluded.list_id", last, t);
            foreach (var focus in chats.GetCollection<LiteConversationStore.FocusDoc>(LiteConversationStore.FocusName).FindAll())
                c.Execute("insert into chat_focus (chat, assignment_id) values (@Id, @AssignmentId) on conflict (chat) do update set assignment_id = excluded.assignment_id", focus, t);
        });
        // The planner's statistics of what was just copied: without them the first hours' queries are planned blind
        // (a lookup by chat account or directive read as a scan of the table) until autovacuum comes by. The vacuum
        // marks the fresh pages all-visible, so index-only reads are that from the first turn, and autovacuum's first
        // pass over a million new rows does not come in the middle of the day's chat. It may take long: no timeout.
        to.Read(c => c.Execute("vacuum (analyze)", commandTimeout: 0, commandType: System.Data.CommandType.Text));
        return Counts(from, to);
    }

    /// <summary>Kind by kind, what the file holds beside what the database holds.</summary>
    public static IReadOnlyList<MigratedCount> Counts(BotStore from, PgStore to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var lite = from.Database;
        long Pg(string table) => to.Read(c => c.ExecuteScalar<long>($"select count(*) from {table}"));
        long Lite(LiteDatabase db, string name) => db.CollectionExists(name) ? db.GetCollection(name).LongCount() : 0;
        return
        [
            new("directives", Lite(lite, BotStore.DirectivesName), Pg("directives")),
            new("assignments", Lite(lite, BotStore.AssignmentsName), Pg("assignments")),
            new("audit", Lite(lite, BotStore.AuditName), Pg("audit")),
            new("officials", Lite(lite, BotStore.OfficialsName), Pg("officials")),
            new("preferences", Lite(lite, "preferences"), Pg("preferences")),
            new("invites", Lite(lite, "invites"), Pg("invites")),
            new("drafts", Lite(lite, LiteDesk.DraftsName), Pg("drafts")),
            new("originals", Lite(lite, "originals_files"), Pg("originals")),
            new("zalo interactions", Lite(lite, "zalo_interactions"), Pg("zalo_interactions")),
            new("outbox nudges", Lite(lite, LiteNudgeOutbox.NudgesName), Pg("outbox_nudges")),
            new("outbox messages", Lite(lite, LiteNudgeOutbox.MessagesName), Pg("outbox_messages")),
            new("chat lists", Lite(from.Chats, LiteConversationStore.ListsName), Pg("chat_lists")),
            new("chat focus", Lite(from.Chats, LiteConversationStore.FocusName), Pg("chat_focus")),
        ];
    }

    // A collection in pages by _id, each handed on as one batch (a LiteDB read of a million documents at once would hold them all).
    private static void Pages<T>(LiteDatabase database, string name, Action<List<T>> write, string what, Action<string, long>? progress)
    {
        if (!database.CollectionExists(name)) return;
        var collection = database.GetCollection<T>(name);
        BsonValue? after = null;
        long done = 0;
        while (true)
        {
            var query = collection.Query();
            if (after is not null) query = query.Where(Filter.Gt("_id", after));
            var page = query.OrderBy("_id").Limit(Batch).ToList();
            if (page.Count == 0) break;
            write(page);
            after = database.Mapper.ToDocument(page[^1])["_id"];
            done += page.Count;
            progress?.Invoke(what, done);
        }
    }
}
