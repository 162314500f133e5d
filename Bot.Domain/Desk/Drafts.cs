using Bot.Domain.Assignments;
using Bot.Domain.Calendar;
using Bot.Domain.Directives;
using Bot.Domain.Organization;
using Bot.Domain.Text;
using Bot.Domain.Time;

namespace Bot.Domain.Desk;

/// <summary>
/// The rules of a draft, pure: how a read directive becomes a draft (a proposed deadline where it gives
/// none), how the office changes it (units, deadline, drop, add), and what keeps it from being published.
/// Task numbers are positions in <see cref="Draft.Tasks"/>, 1-based, as the card shows them.
/// </summary>
public static class Drafts
{
    /// <summary>A new draft of a read directive: tasks without a deadline get the office's default for its urgency, marked proposed.</summary>
    public static Draft Start(string id, string ownerPhone, string chat, ReadDirective read, string originalId,
        DeskPolicy policy, IWorkCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(policy);
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        var tasks = read.Directive.Tasks.Select(t => WithDefaultDeadline(t, read.Directive.Urgency, policy, calendar, today)).ToList();
        return new Draft(id, ownerPhone, chat, read.Directive with { Tasks = [] }, read.Text, read.Source, originalId, tasks, [], now);
    }

    private static DraftTask WithDefaultDeadline(DirectiveTask task, string? urgency, DeskPolicy policy, IWorkCalendar calendar, DateOnly today)
    {
        if (task.Kind != TaskKind.Task || task.DueBefore is not null || task.Recurrence is not null) return new DraftTask(task);
        var due = policy.ProposedDue(urgency, today, calendar);
        return new DraftTask(task with { DueBefore = due, DeadlineText = null }, DeadlineProposed: true,
            ProposedWhy: $"văn bản không ghi hạn: đề xuất {policy.WorkingDaysFor(urgency)} ngày làm việc theo độ khẩn ({urgency ?? "thường"}), cần xác nhận");
    }

    /// <summary>Whether <paramref name="number"/> is a task of the draft.</summary>
    public static bool Has(Draft draft, int number)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return number >= 1 && number <= draft.Tasks.Count;
    }

    public static Draft Drop(Draft draft, int number)
    {
        Check(draft, number);
        return draft with { Tasks = [.. draft.Tasks.Where((_, i) => i != number - 1)], Awaiting = null };
    }

    /// <summary>The task's units as the office gave them (names as the directory writes them).</summary>
    public static Draft WithUnits(Draft draft, int number, IReadOnlyList<string> lead, IReadOnlyList<string>? support = null)
    {
        Check(draft, number);
        ArgumentNullException.ThrowIfNull(lead);
        return Change(draft, number, t => t with { Task = t.Task with { Lead = lead, Support = support ?? t.Task.Support, Confidence = Checked(t.Task.Confidence) } });
    }

    /// <summary>One unit in or out of the task's lead units (a tap on the unit's button).</summary>
    public static Draft ToggleLead(Draft draft, int number, string unitName)
    {
        Check(draft, number);
        var lead = draft.Tasks[number - 1].Task.Lead;
        var next = lead.Contains(unitName, StringComparer.Ordinal) ? lead.Where(n => n != unitName).ToList() : [.. lead, unitName];
        return WithUnits(draft, number, next);
    }

    /// <summary>The deadline the office typed, as the time recognizer read it: a due instant or a repetition.</summary>
    public static Draft WithDeadline(Draft draft, int number, TimeMention deadline)
    {
        Check(draft, number);
        ArgumentNullException.ThrowIfNull(deadline);
        return Change(draft, number, t => new DraftTask(t.Task with
        {
            DeadlineText = deadline.Text,
            DueBefore = deadline.Recurrence is null ? deadline.DueBefore ?? deadline.End : deadline.DueBefore,
            Recurrence = deadline.Recurrence,
            Confidence = Checked(t.Task.Confidence),
        }));
    }

    /// <summary>A task the office typed, added at the end; with no deadline of its own it gets the default, proposed.</summary>
    public static Draft Add(Draft draft, DirectiveTask task, DeskPolicy policy, IWorkCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(policy);
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(now));
        var added = WithDefaultDeadline(task with { Ref = "+" + (draft.Tasks.Count(t => t.Task.Ref.StartsWith('+')) + 1) }, draft.Directive.Urgency, policy, calendar, today);
        return draft with { Tasks = [.. draft.Tasks, added], Awaiting = null };
    }

    /// <summary>
    /// What keeps the draft from being published, one line each: no task, a task no unit carries, a unit name the
    /// directory does not know, "Các cơ quan, đơn vị liên quan" not resolved to real units.
    /// </summary>
    public static IReadOnlyList<string> Problems(Draft draft, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(units);
        var problems = new List<string>();
        if (!draft.Tasks.Any(t => t.Task.Kind == TaskKind.Task)) problems.Add("chưa có nhiệm vụ nào để giao");
        var related = draft.RelatedUnitCodes.Select(units.ByCode).OfType<Unit>().ToList();
        for (var i = 0; i < draft.Tasks.Count; i++)
        {
            var task = draft.Tasks[i].Task;
            if (task.Kind != TaskKind.Task) continue;
            var number = i + 1;
            if (task.Lead.Count + task.Support.Count == 0)
            {
                problems.Add($"nhiệm vụ {number}: chưa có đơn vị thực hiện");
                continue;
            }
            foreach (var name in task.Lead.Concat(task.Support))
            {
                var resolved = units.Resolve(name, related);
                if (resolved.Result == UnitResolution.Outcome.Unknown) problems.Add($"nhiệm vụ {number}: «{name}» không có trong danh bạ đơn vị");
                else if (resolved.Result == UnitResolution.Outcome.NeedsChoice) problems.Add($"nhiệm vụ {number}: «{name}» cần chọn đơn vị cụ thể");
            }
        }
        return problems;
    }

    /// <summary>What the office should check on a task: the reader's doubts, a proposed deadline, a missing deadline.</summary>
    public static IReadOnlyList<string> Doubts(DraftTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var doubts = new List<string>(task.Task.Confidence.Review);
        if (task.DeadlineProposed) doubts.Add(task.ProposedWhy ?? "văn bản không ghi hạn: hạn do trợ lý đề xuất, cần xác nhận");
        else if (task.Task.Kind == TaskKind.Task && task.Task.DueBefore is null && task.Task.Recurrence is null) doubts.Add("chưa có hạn");
        return doubts;
    }

    /// <summary>The card's order: tasks to check first, each keeping its number.</summary>
    public static IReadOnlyList<int> ReviewOrder(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var numbers = Enumerable.Range(1, draft.Tasks.Count).ToList();
        return [.. numbers.Where(n => Doubts(draft.Tasks[n - 1]).Count > 0), .. numbers.Where(n => Doubts(draft.Tasks[n - 1]).Count == 0)];
    }

    /// <summary>
    /// Units as the office typed them ("Phòng Nội vụ, phòng tư pháp", "xã Đại Sơn và xã Hà Kỳ"; accents optional), as the
    /// directory names them; groups ("UBND các xã, thị trấn") stay groups. "phối hợp ..." names support units. Null when a
    /// name is not in the directory (<paramref name="unknown"/> says which).
    /// </summary>
    public static (IReadOnlyList<string> Lead, IReadOnlyList<string> Support)? ReadUnits(string typed, UnitDirectory units, out string? unknown)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(units);
        unknown = null;
        var lead = new List<string>();
        var support = new List<string>();
        var target = lead;
        var whole = units.Resolve(typed.Trim());
        if (whole.Result is UnitResolution.Outcome.Group or UnitResolution.Outcome.NeedsChoice) return ([typed.Trim()], []);
        foreach (var raw in typed.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = raw;
            var key = VietnameseText.Key(part);
            if (key.StartsWith("phoi hop", StringComparison.Ordinal)) (target, part) = (support, part[8..].Trim(' ', ':'));
            else if (key.StartsWith("chu tri", StringComparison.Ordinal)) (target, part) = (lead, part[7..].Trim(' ', ':'));
            if (part.Length == 0) continue;
            // "xã A và xã B" is two units; "Phòng Văn hóa và Thông tin" is one: the whole is tried first.
            var names = units.Resolve(part).Result == UnitResolution.Outcome.Unknown ? SplitAnd(part) : [part];
            foreach (var name in names)
            {
                var resolved = units.Resolve(name);
                switch (resolved.Result)
                {
                    case UnitResolution.Outcome.Unit:
                        if (!target.Contains(resolved.Units[0].Name)) target.Add(resolved.Units[0].Name);
                        break;
                    case UnitResolution.Outcome.Group or UnitResolution.Outcome.NeedsChoice:
                        target.Add(name);
                        break;
                    default:
                        unknown = name;
                        return null;
                }
            }
        }
        return lead.Count + support.Count == 0 ? null : (lead, support);
    }

    private static string[] SplitAnd(string part)
    {
        var at = part.IndexOf(" và ", StringComparison.OrdinalIgnoreCase);
        if (at < 0) at = part.IndexOf(" va ", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? [part] : [part[..at].Trim(), part[(at + 4)..].Trim()];
    }

    private static TaskConfidence Checked(TaskConfidence confidence) => confidence with { Review = [] };

    private static Draft Change(Draft draft, int number, Func<DraftTask, DraftTask> change)
    {
        var tasks = draft.Tasks.ToList();
        tasks[number - 1] = change(tasks[number - 1]);
        return draft with { Tasks = tasks, Awaiting = null };
    }

    private static void Check(Draft draft, int number)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Has(draft, number)) throw new ArgumentOutOfRangeException(nameof(number), number, "No such task in the draft.");
    }
}
