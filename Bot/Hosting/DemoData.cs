using Bot.Domain.Assignments;
using Bot.Domain.Organization;
using Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Hosting;

/// <summary>
/// The demo's world: the sample directory of Tứ Kỳ district and the sample directives the district would issue or
/// receive, published, so a newcomer sees a living task list at once. The other districts' samples stay for `parse`.
/// </summary>
public static class DemoData
{
    /// <summary>The demo's day: the sample directives' deadlines are still ahead.</summary>
    public static readonly DateTimeOffset Today = new(2023, 10, 20, 8, 0, 0, TimeSpan.FromHours(7));

    public static void Seed(IServiceProvider bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var units = bot.GetRequiredService<UnitDirectory>();
        var report = DirectoryImport.Check(DirectoryFile.Read(ConfigFiles.Find(ConfigFiles.SampleDirectory)), units);
        bot.GetRequiredService<IDirectoryStore>().Upsert(report.Accepted);
        var importer = bot.GetRequiredService<DirectiveImporter>();
        var directives = bot.GetRequiredService<IDirectiveSource>();
        foreach (var file in Directory.GetFiles(ConfigFiles.Find(ConfigFiles.Samples), "*.txt").Order(StringComparer.Ordinal))
        {
            var read = directives.Read(file);
            if (units.Follows(read.Directive.Issuer)) importer.Import(read, publish: true, relatedUnits: [], byPhone: "demo");
        }
    }

    /// <summary>Who the demo talks as: the given phone, else the first commune official with work to do.</summary>
    public static Official Speaker(IServiceProvider bot, string? phone)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var directory = bot.GetRequiredService<IDirectoryStore>();
        if (phone is not null)
        {
            return PhoneNumber.TryNormalize(phone, out var normalized) && directory.ByPhone(normalized) is { } chosen
                ? chosen
                : throw new ArgumentException($"Không có cán bộ nào có số điện thoại {phone} trong danh bạ.");
        }
        var units = bot.GetRequiredService<UnitDirectory>();
        var assignments = bot.GetRequiredService<IAssignmentStore>();
        return directory.All()
            .Where(o => units.ByCode(o.UnitCode)?.Kind is UnitKind.Commune or UnitKind.Town)
            .OrderBy(o => o.Phone, StringComparer.Ordinal)
            .First(o => assignments.OpenOfUnit(o.UnitCode).Count > 0);
    }
}
