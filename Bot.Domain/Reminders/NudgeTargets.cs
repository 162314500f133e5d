using System.Collections.Immutable;
using Bot.Domain.Assignments;
using Bot.Domain.Organization;

namespace Bot.Domain.Reminders;

/// <summary>
/// Turns open assignments into what the planner needs: who carries each (the unit's officials who
/// can be reached on the channel and did not mute everything), who hears of it when it is very late
/// (the unit's heads and the district office), and who muted or snoozed it.
/// </summary>
public static class NudgeTargets
{
    /// <summary>
    /// Deadlines further than this from now can have no reminder due: the earliest goes 3 working
    /// days before, the escalation 6 working days after. Even with Tết (up to 9 days off in a row)
    /// plus weekends, 6 working days stay within ~20 calendar days, so 30 days covers the policy
    /// with room. <see cref="Window"/> checks it against the actual policy.
    /// </summary>
    public static readonly TimeSpan Reach = TimeSpan.FromDays(30);

    /// <summary>The deadlines the planner looks at: [now − reach, now + reach], widened if the policy reaches further.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Window(ReminderPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        // A working day is at most ~2.5 calendar days on average even around Tết; keep the larger.
        var before = TimeSpan.FromDays(Math.Ceiling(policy.WorkingDaysBefore.DefaultIfEmpty(0).Max() * 2.5) + 10);
        var after = TimeSpan.FromDays(Math.Ceiling((policy.WorkingDaysAfter + 1) * 2.5) + 10);
        return (now - Max(Reach, after), now + Max(Reach, before));
    }

    /// <param name="open">Open assignments with a deadline (those without one are skipped).</param>
    /// <param name="officials">Every official of the directory.</param>
    /// <param name="units">The district's units (for the district office).</param>
    /// <param name="preferences">Per phone: what each asked of the reminders.</param>
    /// <param name="channels">The channels the reminders go through ("telegram", later "zalo").</param>
    public static List<NudgeTarget> Build(
        IEnumerable<OpenTask> open, IReadOnlyList<Official> officials, UnitDirectory units,
        IReadOnlyDictionary<string, OfficialPreferences> preferences, IReadOnlyCollection<string> channels)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(officials);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(preferences);
        var reachable = officials.Where(o => Reachable(o, preferences, channels)).ToList();
        var byUnit = reachable.GroupBy(o => o.UnitCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Phone).ToImmutableArray(), StringComparer.Ordinal);
        var heads = reachable.Where(o => o.Role == Role.UnitHead).GroupBy(o => o.UnitCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Phone).ToList(), StringComparer.Ordinal);
        var office = units.Units.Where(u => u.Kind == UnitKind.Office).SelectMany(u => byUnit.TryGetValue(u.Code, out var staff) ? staff : []).ToList();
        var escalation = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);

        var targets = new List<NudgeTarget>();
        foreach (var a in open)
        {
            if (a.DueBefore is not { } due) continue;
            var carriers = byUnit.TryGetValue(a.UnitCode, out var unitOfficials) ? unitOfficials : [];
            if (!escalation.TryGetValue(a.UnitCode, out var escalateTo))
                escalation[a.UnitCode] = escalateTo = [.. (heads.GetValueOrDefault(a.UnitCode) ?? []).Concat(office).Distinct(StringComparer.Ordinal)];
            HashSet<string>? muted = null;
            Dictionary<string, DateTimeOffset>? snoozed = null;
            foreach (var phone in carriers.Concat(escalateTo))
            {
                if (!preferences.TryGetValue(phone, out var p)) continue;
                if (p.MutedAssignments.Contains(a.AssignmentId)) (muted ??= new(StringComparer.Ordinal)).Add(phone);
                if (p.Snoozed.TryGetValue(a.AssignmentId, out var until)) (snoozed ??= new(StringComparer.Ordinal))[phone] = until;
            }
            targets.Add(new NudgeTarget(a.AssignmentId, due, carriers, escalateTo, muted, snoozed));
        }
        return targets;
    }

    /// <summary>Linked on one of the channels, not muted for everything, and no channel refused them.</summary>
    public static bool Reachable(Official official, IReadOnlyDictionary<string, OfficialPreferences> preferences, IReadOnlyCollection<string> channels)
    {
        ArgumentNullException.ThrowIfNull(official);
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(channels);
        if (!official.ChatAccounts.Any(c => channels.Contains(c.Channel))) return false;
        return !preferences.TryGetValue(official.Phone, out var p) || (!p.MutedAll && p.UnreachableSince is null);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
