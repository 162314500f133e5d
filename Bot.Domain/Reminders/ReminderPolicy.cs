using System.Text.Json;
using Bot.Domain.Calendar;

namespace Bot.Domain.Reminders;

/// <summary>
/// When to nudge (config/reminders.json). The defaults are the office's habit: 3 and 1 working days
/// before, the morning of the due day, every working day for 5 days after, then one escalation to
/// the unit head and the district office; only in working hours; at most 3 nudge messages a day.
/// </summary>
public sealed record ReminderPolicy
{
    public IReadOnlyList<int> WorkingDaysBefore { get; init; } = [3, 1];

    public bool OnDueMorning { get; init; } = true;

    public int WorkingDaysAfter { get; init; } = 5;

    public bool EscalateAfterwards { get; init; } = true;

    public TimeOnly WorkStarts { get; init; } = new(7, 30);

    public TimeOnly WorkEnds { get; init; } = new(17, 0);

    /// <summary>The office's hours as the file gives them: the composition root hands them to the work calendar.</summary>
    public WorkingHours Hours => new(WorkStarts, WorkEnds);

    public int MaxMessagesPerOfficialPerDay { get; init; } = 3;

    public TimeOnly DigestAt { get; init; } = new(7, 30);

    public static ReminderPolicy Default { get; } = new();

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads the policy from JSON; what the file leaves out keeps its default.</summary>
    public static ReminderPolicy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var policy = JsonSerializer.Deserialize<ReminderPolicy>(json, Json)
            ?? throw new FormatException("The reminder policy is empty.");
        return policy.Validated();
    }

    public ReminderPolicy Validated()
    {
        if (WorkStarts >= WorkEnds) throw new FormatException("Reminder policy: WorkStarts must be before WorkEnds.");
        if (WorkingDaysBefore.Any(d => d < 1)) throw new FormatException("Reminder policy: WorkingDaysBefore takes days ≥ 1.");
        if (WorkingDaysAfter < 0) throw new FormatException("Reminder policy: WorkingDaysAfter must not be negative.");
        if (MaxMessagesPerOfficialPerDay < 1) throw new FormatException("Reminder policy: MaxMessagesPerOfficialPerDay must be ≥ 1.");
        return this;
    }
}
