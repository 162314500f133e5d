using Bot.Domain.Calendar;
using Bot.Domain.Text;
using Bot.Domain.Time;

namespace Bot.Domain.Desk;

/// <summary>
/// The office's defaults for a task whose directive gives it no deadline: working days from the day it
/// is received, by the directive's urgency mark (configured under <c>Desk:WorkingDays</c>). The deadline
/// is only proposed: the review card marks it ⚠ until the office keeps or changes it.
/// </summary>
public sealed record DeskPolicy(int HoaToc = 1, int ThuongKhan = 3, int Khan = 5, int Normal = 10)
{
    public static readonly DeskPolicy Default = new();

    /// <summary>Working days for an urgency mark ("Hỏa tốc", "THƯỢNG KHẨN", "Khẩn", none).</summary>
    public int WorkingDaysFor(string? urgency) => VietnameseText.Key(urgency ?? "") switch
    {
        var k when k.Contains("hoa toc", StringComparison.Ordinal) => HoaToc,
        var k when k.Contains("thuong khan", StringComparison.Ordinal) => ThuongKhan,
        var k when k.Contains("khan", StringComparison.Ordinal) => Khan,
        _ => Normal,
    };

    /// <summary>The proposed exclusive deadline: the end of the N-th working day after <paramref name="today"/>.</summary>
    public DateTimeOffset ProposedDue(string? urgency, DateOnly today, IWorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var last = calendar.AddWorkingDays(today, WorkingDaysFor(urgency));
        return VietnamTime.StartOfDay(last.AddDays(1));
    }
}
