using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Domain.Calendar;

/// <summary>
/// Days off the government decided for one holiday in one year. They replace that holiday's default
/// days for the year (its statutory days as computed and their compensatory days).
/// </summary>
public sealed record PlannedDaysOff(int Year, string Holiday, DateOnly From, DateOnly To, string? Note, string Source)
{
    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1)) yield return day;
    }
}

/// <summary>A weekend day offices work, in exchange for a swapped (bridge) day off.</summary>
public sealed record PlannedWorkingDay(int Year, DateOnly Day, string Note, string Source);

/// <summary>
/// The yearly decisions on holidays (config/holidays.json): which days each holiday takes and which
/// Saturdays are worked. Parsing is pure; the host reads the file.
/// </summary>
public sealed record HolidayPlan(IReadOnlyList<PlannedDaysOff> DaysOff, IReadOnlyList<PlannedWorkingDay> WorkingDays)
{
    public static HolidayPlan Empty { get; } = new([], []);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, // a misspelt field is an error, not silently ignored
    };

    /// <summary>Reads the JSON text of the plan; throws <see cref="FormatException"/> with a message for the person editing the file.</summary>
    public static HolidayPlan Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        PlanFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PlanFile>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (dòng {line + 1}{(e.Path is { Length: > 0 } path ? $", {path}" : "")})" : "";
            throw new FormatException($"Tệp ngày nghỉ không đọc được{where}: cần JSON đúng mẫu config/holidays.json.", e);
        }
        if (file?.Years is null) throw new FormatException("Tệp ngày nghỉ thiếu danh sách \"years\".");

        var daysOff = new List<PlannedDaysOff>();
        var workingDays = new List<PlannedWorkingDay>();
        var seenYears = new HashSet<int>();
        foreach (var year in file.Years)
        {
            if (year is null || year.Year is < LunarCalendar.MinYear + 1 or > LunarCalendar.MaxYear - 1)
                throw new FormatException($"Tệp ngày nghỉ: năm \"{year?.Year}\" không hợp lệ.");
            if (!seenYears.Add(year.Year)) throw new FormatException($"Tệp ngày nghỉ: năm {year.Year} có hai lần.");
            daysOff.AddRange((year.DaysOff ?? []).Select((entry, i) => Read(year.Year, i + 1, entry)));
            workingDays.AddRange((year.WorkingDays ?? []).Select((entry, i) => Read(year.Year, i + 1, entry)));
        }

        var offDays = daysOff.SelectMany(d => d.Days()).ToHashSet();
        var clash = workingDays.FirstOrDefault(w => offDays.Contains(w.Day));
        if (clash is not null)
            throw new FormatException($"Tệp ngày nghỉ, năm {clash.Year}: ngày {Show(clash.Day)} vừa là ngày nghỉ vừa là ngày làm bù.");
        var listedTwice = daysOff.SelectMany(d => d.Days()).GroupBy(day => day).FirstOrDefault(g => g.Count() > 1);
        if (listedTwice is not null) throw new FormatException($"Tệp ngày nghỉ: ngày {Show(listedTwice.Key)} ghi hai lần.");

        return new HolidayPlan(daysOff, workingDays);
    }

    private static PlannedDaysOff Read(int year, int number, DaysOffEntry? entry)
    {
        var where = $"Tệp ngày nghỉ, năm {year}, ngày nghỉ thứ {number}";
        if (entry is null) throw new FormatException($"{where}: mục trống.");
        if (Blank(entry.Holiday) is null) throw new FormatException($"{where}: thiếu \"holiday\" (nghỉ dịp lễ nào).");
        var holiday = VietnamHolidays.Find(entry.Holiday!)
            ?? throw new FormatException($"{where}: \"{entry.Holiday}\" không phải ngày lễ; cần một trong: {string.Join(", ", VietnamHolidays.Names)}.");
        var from = ReadDay(entry.From, year, $"{where} ({holiday}), \"from\"");
        var to = entry.To is null ? from : ReadDay(entry.To, year, $"{where} ({holiday}), \"to\"");
        if (to < from) throw new FormatException($"{where} ({holiday}): ngày kết thúc {Show(to)} trước ngày bắt đầu {Show(from)}.");
        if (to.DayNumber - from.DayNumber > 14) throw new FormatException($"{where} ({holiday}): kỳ nghỉ dài quá hai tuần, xin kiểm tra lại.");
        return new PlannedDaysOff(year, holiday, from, to, Blank(entry.Note), RequireSource(entry.Source, where));
    }

    private static PlannedWorkingDay Read(int year, int number, WorkingDayEntry? entry)
    {
        var where = $"Tệp ngày nghỉ, năm {year}, ngày làm bù thứ {number}";
        if (entry is null) throw new FormatException($"{where}: mục trống.");
        var day = ReadDay(entry.Date, year, $"{where}, \"date\"");
        if (!VietnamHolidays.IsWeekend(day))
            throw new FormatException($"{where}: ngày {Show(day)} vốn là ngày làm việc; ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");
        var note = Blank(entry.Note) ?? throw new FormatException($"{where}: thiếu \"note\" (làm bù cho ngày nào).");
        return new PlannedWorkingDay(year, day, note, RequireSource(entry.Source, where));
    }

    /// <summary>A yyyy-MM-dd day of the year, or of the last days of the year before (a New Year break may start in December).</summary>
    private static DateOnly ReadDay(string? text, int year, string where)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new FormatException($"{where}: \"{text}\" không phải ngày dạng yyyy-MM-dd.");
        if (day.Year != year && !(day.Year == year - 1 && day.Month == 12))
            throw new FormatException($"{where}: ngày {Show(day)} không thuộc năm {year}.");
        return day;
    }

    private static string RequireSource(string? source, string where) =>
        Blank(source) ?? throw new FormatException($"{where}: thiếu \"source\" (văn bản nào quyết định).");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Show(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    // The file's shape. Fields are nullable so that a missing one gets our message, not a serializer's.
    private sealed record PlanFile(List<YearEntry?>? Years, [property: JsonPropertyName("$comment")] string? Comment);

    private sealed record YearEntry(int Year, List<DaysOffEntry?>? DaysOff, List<WorkingDayEntry?>? WorkingDays);

    private sealed record DaysOffEntry(string? Holiday, string? From, string? To, string? Note, string? Source);

    private sealed record WorkingDayEntry(string? Date, string? Note, string? Source);
}
