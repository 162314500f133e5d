using Dapper;
using Npgsql;

namespace Bot.Storage.Postgres;

/// <summary>
/// The schema, as numbered steps. A database records the steps it has (<c>schema_migrations</c>); opening a
/// store applies the missing ones in order, each in its own transaction, under an advisory lock so two nodes
/// starting together do not both apply them. A step is never edited once released: a change is a new step.
/// </summary>
internal static class PgMigrations
{
    /// <summary>Held while migrating; any constant the other locks of the bot do not use.</summary>
    private const long LockKey = 0x426f74_0001;

    internal static readonly IReadOnlyList<(int Version, string Sql)> Steps =
    [
        (1, """
            create table directives (
              id text collate "C" primary key,
              content_hash text not null,
              number_key text collate "C",
              doc jsonb not null);
            create index directives_hash on directives (content_hash);
            create index directives_number on directives (number_key text_pattern_ops);

            -- Keys compare as the LiteDB store compares them (ordinal: collate "C"). open: not done. The two partial indexes answer a unit's open work and the reminders' window in order.
            create table assignments (
              id text collate "C" primary key,
              directive_id text collate "C" not null,
              unit_code text collate "C" not null,
              due_before timestamptz,
              open boolean not null,
              done_at timestamptz,
              doc jsonb not null);
            create index assignments_open_of_unit on assignments (unit_code, due_before, id) where open;
            create index assignments_open_due on assignments (due_before, unit_code, id) where open;
            create index assignments_directive on assignments (directive_id, unit_code);
            create index assignments_done_of_unit on assignments (unit_code, done_at) where not open;
            create index assignments_due on assignments (due_before);

            create table audit (
              seq bigint generated always as identity primary key,
              at timestamptz not null,
              by_phone text not null,
              action text not null,
              assignment_id text,
              directive_id text,
              detail text not null,
              origin_id text unique); -- its id in the LiteDB file it was migrated from: a second migration adds nothing
            create index audit_assignment on audit (assignment_id);

            create table officials (
              phone text primary key,
              unit_code text not null,
              account_keys text[] not null,
              doc jsonb not null);
            create index officials_unit on officials (unit_code);
            create index officials_accounts on officials using gin (account_keys);

            create table preferences (phone text primary key, doc jsonb not null);

            create table chat_lists (id text primary key, chat text not null, at timestamptz not null, doc jsonb not null);
            create index chat_lists_at on chat_lists (at);
            create table chat_last_list (chat text primary key, list_id text not null);
            create table chat_focus (chat text primary key, assignment_id text not null);
            create table invites (code text primary key, phone text not null, expires timestamptz not null, used boolean not null default false);
            create table settings (key text primary key, value bytea not null);

            create table drafts (id text primary key, chat text not null, saved_at timestamptz not null, doc jsonb not null);
            create index drafts_chat on drafts (chat, saved_at);
            create table originals (id text primary key, file_name text not null, content bytea not null);

            create table zalo_tokens (id text primary key, doc jsonb not null);
            create table zalo_interactions (user_id text primary key, at timestamptz not null);

            -- The outbox: a nudge's key is its primary key, so it is recorded once; a message is claimed by the
            -- node that delivers it (claimed_until: a node killed meanwhile lets it go when the claim runs out).
            create table outbox_nudges (
              key text primary key,
              message_id text,
              assignment_id text not null,
              official text not null,
              kind int not null,
              step int not null,
              due_before timestamptz not null,
              planned_at timestamptz not null,
              recorded_at timestamptz not null);
            create index outbox_nudges_due on outbox_nudges (due_before);
            create index outbox_nudges_recorded on outbox_nudges (recorded_at);
            create table outbox_messages (
              id text primary key,
              kind int not null,
              official text not null,
              nudge_keys text[] not null,
              created_at timestamptz not null,
              state int not null,
              attempts int not null default 0,
              last_attempt_at timestamptz,
              channel_message_id text,
              done_at timestamptz,
              error text,
              claimed_by text,
              claimed_until timestamptz);
            create index outbox_messages_state on outbox_messages (state, created_at);
            create index outbox_messages_created on outbox_messages (created_at);

            -- Each channel update handled once across nodes (webhooks are retried; polling leaders change).
            create table seen_updates (channel text not null, update_id bigint not null, at timestamptz not null, primary key (channel, update_id));
            create index seen_updates_at on seen_updates (at);
            """),
        (2, """
            -- Extension requests: the record as jsonb beside what it is found by; one open request per task.
            create table extension_requests (
              id text primary key,
              assignment_id text not null,
              drafting_chat text,
              answering_chat text,
              open boolean not null,
              unanswered boolean not null,
              touched_at timestamptz not null,
              doc jsonb not null);
            create index extension_requests_assignment on extension_requests (assignment_id);
            create unique index extension_requests_one_open on extension_requests (assignment_id) where open;
            create index extension_requests_drafting on extension_requests (drafting_chat) where drafting_chat is not null;
            create index extension_requests_answering on extension_requests (answering_chat) where answering_chat is not null;
            create index extension_requests_unanswered on extension_requests (unanswered) where unanswered;

            -- Progress in part: the latest of a task is the one with the latest time.
            create table progress_reports (
              id text primary key,
              assignment_id text not null,
              percent int not null,
              note text,
              by_phone text not null,
              by_name text not null,
              at timestamptz not null);
            create index progress_reports_assignment on progress_reports (assignment_id, at desc);
            create index progress_reports_by on progress_reports (by_phone, at desc);
            """),
        (3, """
            -- Reports: a period's tally from the deadline index alone (it carries what the counts need), and a unit's
            -- work of a period in deadline order, done or not (a workbook's rows).
            drop index assignments_due;
            create index assignments_due on assignments (due_before) include (unit_code, open, done_at);
            create index assignments_unit_due on assignments (unit_code, due_before, id);
            """),
        (4, """
            -- Evidence files of progress reports: their ids in originals, names and sizes.
            alter table progress_reports add column files jsonb not null default '[]';
            """),
        (5, """
            -- The work of a directive without a number carries its subject and date, which name it to people.
            update assignments a
            set doc = a.doc || jsonb_strip_nulls(jsonb_build_object('DirectiveSubject', d.doc->'Subject', 'DirectiveIssuedOn', d.doc->'IssuedOn'))
            from directives d
            where d.id = a.directive_id and coalesce(d.doc->>'Number', '') = '';
            """),
        (6, """
            -- A count of the writes that can make a reminder due (IWorkChanges): work added, reopened, moved to another
            -- deadline or unit; the directory; preferences. Not a confirmation: it only takes work away, and it is the
            -- writes most made. Bumped in the writer's own transaction, so a reader never counts a write it cannot yet
            -- see, and spread over 16 rows by transaction id, so writers seldom wait on one another's row lock.
            create table work_changes (slot int primary key, n bigint not null);
            create function count_work_change() returns void language sql as $$
              insert into work_changes (slot, n) values ((txid_current() % 16)::int, 1)
              on conflict (slot) do update set n = work_changes.n + 1 $$;
            create function note_work_change() returns trigger language plpgsql as $$
            begin
              perform count_work_change();
              return null;
            end $$;
            -- An upsert whose rows all existed fires the statement's insert trigger too: only rows really added count.
            create function note_work_added() returns trigger language plpgsql as $$
            begin
              if exists (select 1 from added) then perform count_work_change(); end if;
              return null;
            end $$;
            create trigger assignments_added after insert on assignments referencing new table as added
              for each statement execute function note_work_added();
            create trigger assignments_changed after update on assignments for each row
              when (new.open and (not old.open or old.due_before is distinct from new.due_before or old.unit_code <> new.unit_code))
              execute function note_work_change();
            create trigger officials_changed after insert or update or delete on officials for each statement execute function note_work_change();
            create trigger preferences_changed after insert or update or delete on preferences for each statement execute function note_work_change();
            """),
        (7, """
            -- Who writes from a chat account: every turn asks it first. A key of its own, not the GIN index on the
            -- array (a prepared statement's generic plan for `@> … limit 1` scans the table). Kept by a trigger, so
            -- every write of an official keeps it true; an account on two officials is the last written's.
            create table chat_accounts (key text collate "C" primary key, phone text not null);
            create index chat_accounts_phone on chat_accounts (phone);
            create function keep_chat_accounts() returns trigger language plpgsql as $$
            begin
              if tg_op <> 'INSERT' then
                delete from chat_accounts where phone = old.phone and (tg_op = 'DELETE' or not (key = any(new.account_keys)));
              end if;
              if tg_op <> 'DELETE' then
                insert into chat_accounts (key, phone) select k, new.phone from unnest(new.account_keys) as k
                on conflict (key) do update set phone = excluded.phone;
              end if;
              return null;
            end $$;
            create trigger officials_accounts after insert or update or delete on officials for each row execute function keep_chat_accounts();
            insert into chat_accounts (key, phone) select distinct on (k) k, phone from officials, unnest(account_keys) as k order by k, phone
            on conflict (key) do nothing;
            """),
        (8, """
            -- Every node's read caches (PgChangeFeed) hear what was written, at commit: the table's name, and for work
            -- the unit whose work changed (one notification per unit and transaction: the server merges repeats).
            create function notify_table_change() returns trigger language plpgsql as $$
            begin
              perform pg_notify('bot_changes', tg_table_name);
              return null;
            end $$;
            create trigger officials_notify after insert or update or delete on officials for each statement execute function notify_table_change();
            create trigger preferences_notify after insert or update or delete on preferences for each statement execute function notify_table_change();
            create trigger extension_requests_notify after insert or update or delete on extension_requests for each statement execute function notify_table_change();
            create trigger progress_reports_notify after insert or update or delete on progress_reports for each statement execute function notify_table_change();
            create function notify_work_change() returns trigger language plpgsql as $$
            begin
              if tg_op = 'INSERT' then
                perform pg_notify('bot_changes', 'assignments:' || u) from (select distinct unit_code as u from new_rows) s;
              elsif tg_op = 'DELETE' then
                perform pg_notify('bot_changes', 'assignments:' || u) from (select distinct unit_code as u from old_rows) s;
              else
                perform pg_notify('bot_changes', 'assignments:' || u)
                from (select unit_code as u from new_rows union select unit_code from old_rows) s;
              end if;
              return null;
            end $$;
            create trigger assignments_notify_insert after insert on assignments referencing new table as new_rows
              for each statement execute function notify_work_change();
            create trigger assignments_notify_update after update on assignments referencing old table as old_rows new table as new_rows
              for each statement execute function notify_work_change();
            create trigger assignments_notify_delete after delete on assignments referencing old table as old_rows
              for each statement execute function notify_work_change();
            """),
        (9, """
            -- An update is claimed by a node (its life an advisory lock it holds) and marked when handled: a claim whose
            -- node died may be taken by another, and a queued one keeps what it said (payload) for whoever takes it.
            alter table seen_updates add column handled boolean not null default true, add column claimed_by bigint, add column payload text;
            create index seen_updates_unhandled on seen_updates (channel, at) where not handled;
            """),
    ];

    public static int Current => Steps[^1].Version;

    public static void Apply(NpgsqlConnection connection)
    {
        connection.Execute("create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())");
        connection.Execute("select pg_advisory_lock(@LockKey)", new { LockKey });
        try
        {
            var applied = connection.Query<int>("select version from schema_migrations").ToHashSet();
            foreach (var (version, sql) in Steps)
            {
                if (applied.Contains(version)) continue;
                using var transaction = connection.BeginTransaction();
                connection.Execute(sql, transaction: transaction);
                connection.Execute("insert into schema_migrations (version) values (@version)", new { version }, transaction);
                transaction.Commit();
            }
        }
        finally
        {
            connection.Execute("select pg_advisory_unlock(@LockKey)", new { LockKey });
        }
    }
}
