namespace Bot.Domain.Conversation;

/// <summary>What a person wants, read from what they typed, tapped, shared or sent (<see cref="TurnReader"/>).</summary>
public abstract record Intent;

/// <summary>"/start", or "/start CODE" from an invite link.</summary>
public sealed record StartIntent(string? InviteCode) : Intent;

public sealed record HelpIntent : Intent;

public sealed record GreetingIntent : Intent;

/// <summary>"việc của tôi", "còn việc gì", "/viec".</summary>
public sealed record MyTasksIntent(Scope? Scope = null) : Intent;

/// <summary>"sắp đến hạn", "tuần này", "trước 30/11": the window is read by the time recognizer.</summary>
public sealed record DueSoonIntent(Scope? Scope = null) : Intent;

/// <summary>"quá hạn", "trễ hạn".</summary>
public sealed record OverdueIntent(Scope? Scope = null) : Intent;

/// <summary>"việc 3", "chi tiết 3": the number of a task in the person's last list.</summary>
public sealed record TaskDetailIntent(int Number) : Intent;

/// <summary>"xong việc 3", "đã hoàn thành"; no number means the task just shown.</summary>
public sealed record DoneIntent(int? Number) : Intent
{
    /// <summary>Every number of "xong việc 5, 6 và 7", in order (the first is <see cref="Number"/>).</summary>
    public IReadOnlyList<int> Numbers { get; init; } = Number is { } n ? [n] : [];

    // By value, so a tap and the same words typed are the same intent.
    public bool Equals(DoneIntent? other) => other is not null && Number == other.Number && Numbers.SequenceEqual(other.Numbers);

    public override int GetHashCode() => HashCode.Combine(Number, Numbers.Count);
}

/// <summary>"hoàn tác": the latest own confirmation in the last list; a button names its task.</summary>
public sealed record UndoIntent(int? Number = null) : Intent;

/// <summary>
/// A directive as a person names it: by its number as typed ("1259", "1259/UBND-VP"), or by what it is about, as typed
/// ("công văn về số hóa hồ sơ": <see cref="About"/> is "số hóa hồ sơ"). <see cref="DirectiveLookup"/> finds it.
/// </summary>
public sealed record DirectiveRef(string? Number, string? About = null)
{
    public override string ToString() => Number ?? "về " + About;
}

/// <summary>"công văn 1259", "chỉ thị 4/CT-UBND", "văn bản về chứng thực điện tử giao gì".</summary>
public sealed record DirectiveIntent(DirectiveRef Directive, Scope? Scope = null) : Intent;

/// <summary>
/// "gửi văn bản 1259", "bản gốc công văn 1259/UBND-VP", "bản gốc việc 3", or 📎 under a task's detail: the directive's
/// original file. <paramref name="Directive"/> is the directive named; else <paramref name="Number"/> a task of the last
/// list; neither, the task just shown.
/// </summary>
public sealed record OriginalIntent(DirectiveRef? Directive = null, int? Number = null) : Intent;

/// <summary>"tiến độ", "xếp hạng các xã", "đơn vị nào chậm nhất": progress of units, for unit heads and leaders; of one directive when one is named.</summary>
public sealed record ProgressIntent(Scope? Scope = null, DirectiveRef? Directive = null) : Intent;

/// <summary>"bật tóm tắt hằng ngày" / "tắt tóm tắt".</summary>
public sealed record DigestIntent(bool On) : Intent;

/// <summary>"tắt nhắc [việc 3]" / "bật nhắc [việc 3]".</summary>
public sealed record RemindersIntent(bool On, int? Number) : Intent;

/// <summary>"nhắc lại sau", "nhắc lại thứ hai": the day, when one is named, is read by the time recognizer.</summary>
public sealed record SnoozeIntent(int? Number, DateTimeOffset? Day = null) : Intent;

/// <summary>"xem thêm": the next page of the last list; a button names the page (0-based).</summary>
public sealed record MoreIntent(int? Page = null) : Intent;

/// <summary>"tuần này", "trước 30/11", "hạn 25/10", "tháng 11": open work due in a window read by the time recognizer.</summary>
public sealed record DueByIntent(DueWindow Window, Scope? Scope = null) : Intent;

/// <summary>
/// Deadlines from <see cref="From"/> (now when null) to <see cref="Until"/>: a task is in it when its last
/// day is; <see cref="Label"/> says the window as people read it ("ngày 25/10/2023", "tháng 11/2023").
/// </summary>
public sealed record DueWindow(DateTimeOffset? From, DateTimeOffset Until, string Label);

/// <summary>"cảm ơn", "ok", "được rồi": a reply that asks nothing.</summary>
public sealed record ThanksIntent : Intent;

/// <summary>
/// "xin gia hạn việc 2 đến 30/11 vì chờ số liệu của các xã", or "⏳ Xin gia hạn" under a task: what is not said
/// (the task, the date, the reason) the extension handler asks for.
/// </summary>
public sealed record ExtensionIntent(int? Number, DateTimeOffset? Until = null, string? Reason = null) : Intent;

/// <summary>An approver's tap on an extension request.</summary>
public sealed record ExtensionDecisionIntent(ExtensionDecision Decision, string RequestId) : Intent;

public enum ExtensionDecision
{
    Approve,
    Reject,
    OtherDate,
}

/// <summary>
/// "việc 2 đã làm được 60%, còn chờ 3 xã": how far a task is, with a note; no number means the task just shown.
/// </summary>
public sealed record PartProgressIntent(int? Number, int Percent, string? Note) : Intent;

/// <summary>"📎 Xem minh chứng" under a task's detail: its progress reports' evidence files, sent to the asker.</summary>
public sealed record EvidenceIntent(int Number) : Intent;

/// <summary>"báo cáo tháng 11", "tiến độ quý IV", "báo cáo công văn 1259": a leaders' report with a chart and a workbook.</summary>
/// <remarks>No period means this month so far.</remarks>
public sealed record ReportIntent(DateTimeOffset? From = null, DateTimeOffset? Until = null, string? Label = null, DirectiveRef? Directive = null) : Intent;

/// <summary>The person shared a phone contact.</summary>
public sealed record ContactIntent(SharedContact Contact) : Intent;

/// <summary>The person sent a file.</summary>
public sealed record DocumentIntent(InboundDocument Document, Intent? Caption = null) : Intent;

/// <summary>What the office does on a draft's review card (<see cref="DraftStep"/>); the number is a task, a page or a unit.</summary>
public sealed record DraftIntent(DraftStep Step, string DraftId, int Number) : Intent;

public enum DraftStep
{
    Publish,
    Cancel,
    Edit,
    Drop,
    Page,
    Add,
    Unit,
    Back,
}

public sealed record UnknownIntent : Intent;
