using System.Globalization;
using Bot.Domain.Assignments;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Time;
using Bot.Hosting;
using Bot.Storage;
using Bot.Testing.Telegram;

namespace Bot.Testing;

/// <summary>
/// A district whose officials each have one task due today, for the reminder tests and `bench remind`:
/// every official gets one "due today" nudge on <see cref="WorkingMorning"/>.
/// </summary>
public static class ReminderFixture
{
    /// <summary>A Monday morning in working hours, with the sample directory's calendar.</summary>
    public static readonly DateTimeOffset WorkingMorning = new(2023, 10, 23, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>The reminder host's settings for a run against the fake server at the given overall limit (per chat: 10/s).</summary>
    public static Dictionary<string, string?> WorkerSettings(FakeTelegramServer server, string storePath, DateTimeOffset now, double overallPerSecond) => new()
    {
        ["Telegram:Token"] = server.Token,
        ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
        ["Storage:Path"] = storePath,
        ["Clock:Now"] = now.ToString("O", CultureInfo.InvariantCulture),
        ["Delivery:OverallPerSecond"] = overallPerSecond.ToString(CultureInfo.InvariantCulture),
        ["Delivery:PerChatPerSecond"] = "10",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>
    /// A store with <paramref name="officials"/> staff officials spread over the district's non-office
    /// units, each linked to Telegram user 100000+i, and one assignment per unit due at 17:00 today:
    /// every official has one "due today" nudge (the earlier ones are passed over).
    /// </summary>
    public static void Prepare(string storePath, int officials, DateTimeOffset now, Action<long> makeChat)
    {
        ArgumentNullException.ThrowIfNull(makeChat);
        var units = UnitsFile.Load(ConfigFiles.Find(ConfigFiles.Units)).Units.Where(u => u.Kind is UnitKind.Commune or UnitKind.Town or UnitKind.Department).ToList();
        using var store = BotStore.Open(new StoreOptions(storePath), TimeProvider.System);
        var people = Enumerable.Range(0, officials).Select(i => new Official
        {
            Phone = "09" + i.ToString("D8", CultureInfo.InvariantCulture),
            Name = "Cán bộ " + (i + 1).ToString(CultureInfo.InvariantCulture),
            UnitCode = units[i % units.Count].Code,
            Role = Role.Staff,
            ChatAccounts = [new ChatAccount("telegram", UserId(i).ToString(CultureInfo.InvariantCulture))],
        }).ToList();
        store.Directory.Upsert(people);
        for (var i = 0; i < officials; i++) makeChat(UserId(i));

        var due = VietnamTime.StartOfDay(DateOnly.FromDateTime(VietnamTime.ToLocal(now))).AddHours(17);
        var directive = new Directive("99/KH-UBND", "UBND huyện", DateOnly.FromDateTime(VietnamTime.ToLocal(now)).AddDays(-14), "Kế hoạch",
            "Tổng kết công tác năm", null, null, [], []);
        var tracked = new TrackedDirective("bench", directive, "bench", "bench", now.AddDays(-14), true, [], 1, []);
        var assignments = units.Take(Math.Min(units.Count, officials)).Select(u => new Assignment
        {
            Id = Assignment.MakeId("bench-1", u.Code, null),
            DirectiveId = "bench",
            DirectiveNumber = directive.Number,
            TaskId = "bench-1",
            TaskRef = "1",
            TaskText = "Gửi báo cáo tổng kết công tác năm về Văn phòng HĐND và UBND huyện",
            UnitCode = u.Code,
            DueBefore = due,
            DeadlineText = "trong ngày",
            CreatedAt = now.AddDays(-14),
        }).ToList();
        store.Assignments.Save(tracked, new Reconciliation(assignments, [], []), new AuditEntry(now, "", "import", null, "bench", "bench data"));
    }

    public static long UserId(int official) => 100_000 + official;
}
