using Bot.Domain.Organization;
using Bot.Storage;

namespace Bot.Hosting;

/// <summary>
/// The demo's world: the sample directory of Tứ Kỳ district and the five sample directives,
/// published, so a newcomer sees a living task list at once.
/// </summary>
public static class DemoData
{
    /// <summary>The demo's day: the sample directives' deadlines are still ahead.</summary>
    public static readonly DateTimeOffset Today = new(2023, 10, 20, 8, 0, 0, TimeSpan.FromHours(7));

    public static void Seed(BotApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var rows = DirectoryFile.Read(BotConfiguration.FindFile("config/directory.sample.csv"));
        var report = DirectoryImport.Check(rows, app.Units);
        app.Store.Directory.Upsert(report.Accepted);
        var samples = BotConfiguration.FindFile("samples");
        foreach (var file in System.IO.Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal))
            app.Importer.Import(app.Directives.Read(file), publish: true, relatedUnits: [], byPhone: "demo");
    }

    /// <summary>Who the demo talks as: the given phone, else the first commune official with work to do.</summary>
    public static Official Speaker(BotApp app, string? phone)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (phone is not null)
        {
            return PhoneNumber.TryNormalize(phone, out var normalized) && app.Store.Directory.ByPhone(normalized) is { } chosen
                ? chosen
                : throw new ArgumentException($"Không có cán bộ nào có số điện thoại {phone} trong danh bạ.");
        }
        return app.Store.Directory.All()
            .Where(o => app.Units.ByCode(o.UnitCode)?.Kind is UnitKind.Commune or UnitKind.Town)
            .OrderBy(o => o.Phone, StringComparer.Ordinal)
            .First(o => app.Store.Assignments.OpenOfUnit(o.UnitCode).Count > 0);
    }
}
