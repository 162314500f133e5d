using Bot.Domain.Assignments;

namespace Bot.Domain.Words;

/// <summary>What the office's desk says: intake, the review card, edits, publishing, new-task notices.</summary>
public static partial class Phrases
{
    // ---- the office's desk --------------------------------------------------------------------

    public const string DeskOnly =
        "Cảm ơn anh/chị. Trợ lý chỉ nhận văn bản từ văn thư, cán bộ theo dõi nhiệm vụ của Văn phòng HĐND và UBND huyện. " +
        "Anh/chị vui lòng chuyển văn bản cho Văn phòng để giao việc.";

    public static string FileTooLarge(int megabytes) =>
        $"Tệp lớn quá {megabytes} MB, trợ lý không tải được. Anh/chị vui lòng gửi bản nhỏ hơn (ví dụ bản .docx hoặc PDF xuất từ Word).";

    public const string FileNotFetched = "Không tải được tệp từ Telegram. Anh/chị vui lòng gửi lại sau ít phút.";

    public const string NoTaskFound =
        "Trợ lý đã đọc văn bản nhưng không thấy nhiệm vụ nào giao cho đơn vị. Anh/chị kiểm tra lại tệp (đúng văn bản, đủ trang); " +
        "nếu văn bản không giao việc thì không cần nạp.";

    public static string ReadPages(int pages) => $"📥 Đã đọc xong {pages} trang.";

    public static string CardHeading(string? number) => $"📥 Văn bản {number ?? "(không số)"} — xem lại trước khi giao việc";

    public static string CardHeader(string? issuer, string? issuedOn, string? subject, string? urgency) =>
        $"\nCơ quan ban hành: {issuer ?? "chưa rõ"}\nNgày: {issuedOn ?? "chưa rõ"}" +
        (urgency is null ? "" : $"\nĐộ khẩn: {urgency}") +
        $"\nTrích yếu: {subject ?? "chưa rõ"}";

    public static string CardHeaderDoubts(string doubts) => $"\n⚠ Cần xem: {doubts}";

    public static string CardCount(int tasks, int unsure) =>
        $"\n\n{tasks} nhiệm vụ" + (unsure > 0 ? $", {unsure} cần xem lại (⚠, đầu danh sách)" : "") + ":";

    public static string CardUnits(string lead, string? support) => $"\n    Chủ trì: {lead}" + (support is null ? "" : $"; phối hợp: {support}");

    public const string NoUnits = "chưa có";

    public static string CardDeadline(string deadline) => $"\n    Hạn: {deadline}";

    public static string CardDoubt(string doubt) => $"\n    ⚠ {doubt}";

    public static string CardBlocked(string problems) => $"\n\n⛔ Chưa giao được: {problems}.";

    public const string CardFooter = "\n\nBấm ✏️ để sửa đơn vị, hạn; 🗑 để bỏ nhiệm vụ; ✅ Giao việc khi đã đúng.";

    public const string PublishButton = "✅ Giao việc";

    public const string CancelButton = "✖ Hủy";

    public const string AddTaskButton = "➕ Thêm nhiệm vụ";

    public const string BackButton = "↩ Về phiếu duyệt";

    public const string PreviousPageButton = "‹ Trang trước";

    public static string EditButton(int number) => $"✏️ Sửa {number}";

    public static string DropButton(int number) => $"🗑 Bỏ {number}";

    public const string NotYourDraft = "Phiếu duyệt này không còn hoặc không phải của anh/chị.";

    public static string Dropped(int number) => $"Đã bỏ nhiệm vụ {number}.";

    public const string Cancelled = "✖ Đã hủy, không giao việc nào từ văn bản này.";

    public const string CannotPublishYet = "Chưa giao được: xem mục ⛔ trên phiếu.";

    public static string EditPrompt(int number, string summary, string lead, string deadline) =>
        $"✏️ Nhiệm vụ {number}: {summary}\nChủ trì: {lead}\nHạn: {deadline}\n\n" +
        "Anh/chị gõ hạn mới (ví dụ «trước 30/11», «chậm nhất thứ sáu tuần sau», «hằng tháng trước ngày 20»), " +
        "hoặc tên đơn vị (ví dụ «Phòng Nội vụ, phối hợp Phòng Tư pháp»), hoặc bấm chọn đơn vị chủ trì bên dưới.";

    public const string AddPrompt =
        "➕ Anh/chị gõ nội dung nhiệm vụ, kèm đơn vị và hạn nếu có. Ví dụ: «Phòng Y tế kiểm tra an toàn thực phẩm, báo cáo trước 30/11».";

    public static string UnknownUnit(string name) =>
        $"Không thấy đơn vị «{name}» trong danh bạ của huyện. Anh/chị gõ lại tên đơn vị (ví dụ «Phòng Nội vụ», «xã Đại Sơn») hoặc bấm chọn bên dưới.";

    public const string NotAnEdit =
        "Trợ lý chưa hiểu. Anh/chị gõ hạn (ví dụ «trước 30/11») hoặc tên đơn vị (ví dụ «Phòng Nội vụ»), hoặc bấm «" + BackButton + "».";

    public static string Edited(int number) => $"✏️ Đã sửa nhiệm vụ {number}.";

    public static string Added(int number) => $"➕ Đã thêm nhiệm vụ {number}.";

    public static string Published(string number, int tasks, int units, int officials, DateTimeOffset? announcedAt, bool corrected = false) =>
        $"✅ Đã giao văn bản {number}: {tasks} nhiệm vụ cho {units} đơn vị. " +
        (officials == 0
            ? corrected ? "Không có cán bộ nào cần báo thay đổi." : "Chưa cán bộ nào của các đơn vị này liên kết với trợ lý; họ sẽ thấy việc khi liên kết."
            : announcedAt is { } at
                ? $"{officials} cán bộ sẽ nhận thông báo {(corrected ? "thay đổi" : "việc mới")} lúc {Wording.Moment(at)} (đầu giờ làm việc)."
                : $"{officials} cán bộ đang được gửi thông báo {(corrected ? "thay đổi" : "việc mới")}.");

    public static string PublishProblems(string problems) => $"\n⚠ {problems}";

    public const string PublishedToast = "Đã giao việc.";

    public const string NewTaskList = "Việc mới";

    public static string NewTaskHeading(string name, string number) => $"📌 Việc mới — anh/chị {name}: văn bản {number} giao cho đơn vị:\n";

    public const string NewTaskFooter = "\n\nBấm ✅ khi đã hoàn thành; gõ «việc của tôi» để xem mọi việc của đơn vị.";

    // ---- corrected versions --------------------------------------------------------------------

    /// <summary>How many changes the card lists: it stays within one message.</summary>
    public const int CardChangesShown = 10;

    public static string CardChanges(string number, DateTimeOffset publishedAt, IReadOnlyList<string> lines) => lines.Count == 0
        ? $"\n\nℹ️ Văn bản {number} đã giao ngày {Wording.Day(publishedAt)}; bản này không đổi nhiệm vụ nào."
        : $"\n\n📝 So với bản đã giao ngày {Wording.Day(publishedAt)} ({lines.Count} thay đổi; việc đã xác nhận xong được giữ):\n"
          + string.Join('\n', lines.Take(CardChangesShown)) + (lines.Count > CardChangesShown ? $"\n… và {lines.Count - CardChangesShown} thay đổi khác" : "");

    /// <summary>One change as the office reads it on the card, all units named.</summary>
    public static string CardChange(TaskChange c, Func<string, string> unitName) => c.Kind switch
    {
        ChangeKind.Added => $"➕ Nhiệm vụ {c.Number} mới: «{Wording.Summary(c.Text, 80)}» — {Units(c.UnitsAfter, unitName)}, {DeadlineOf(c.DueAfter, c.RepeatAfter)}",
        ChangeKind.Removed => $"➖ Bỏ nhiệm vụ «{Wording.Summary(c.Text, 80)}» (đã giao {Units(c.UnitsBefore, unitName)})",
        _ => $"✏️ Nhiệm vụ {c.Number} «{Wording.Summary(c.Text, 60)}»: " + string.Join("; ", Edits(c, unitName)),
    };

    private static IEnumerable<string> Edits(TaskChange c, Func<string, string> unitName)
    {
        if (c.DeadlineChanged) yield return $"hạn {DeadlineOf(c.DueBefore, c.RepeatBefore)} → {DeadlineOf(c.DueAfter, c.RepeatAfter)}";
        if (c.UnitsAdded.Count > 0) yield return "thêm " + Units(c.UnitsAdded, unitName);
        if (c.UnitsRemoved.Count > 0) yield return "bỏ " + Units(c.UnitsRemoved, unitName);
        if (c.TextBefore is not null) yield return "sửa nội dung";
    }

    /// <summary>"📝 Công văn 1259/UBND-VP đã được sửa" for one official: what changed for their unit.</summary>
    public static string CorrectionHeading(string name, string? documentType, string number, string unit) =>
        $"📝 {Kind(documentType)} {number} đã được sửa — anh/chị {name}, với {unit}:\n";

    // "CÔNG VĂN" as a header writes it is "Công văn" in a sentence.
    private static string Kind(string? documentType) => string.IsNullOrWhiteSpace(documentType)
        ? "Văn bản"
        : char.ToUpperInvariant(documentType.Trim()[0]) + documentType.Trim()[1..].ToLowerInvariant();

    /// <summary>One change as a unit reads it: new to it, no longer its, or its with another deadline or wording.</summary>
    public static string CorrectionLine(int? number, TaskChange c, ChangeKind forUnit) => forUnit switch
    {
        ChangeKind.Added => $"\n{Mark(number)} ➕ Việc mới: {Wording.Summary(c.Text)}\n    {DeadlineOf(c.DueAfter, c.RepeatAfter)}",
        ChangeKind.Removed => $"\n• ➖ Không còn giao cho đơn vị: {Wording.Summary(c.Text)}",
        _ => $"\n{Mark(number)} ✏️ {Wording.Summary(c.Text)}\n    " + string.Join("; ",
            new[] { c.DeadlineChanged ? $"hạn {DeadlineOf(c.DueBefore, c.RepeatBefore)} → {DeadlineOf(c.DueAfter, c.RepeatAfter)}" : null, c.TextBefore is null ? null : "nội dung đã sửa" }.OfType<string>()),
    };

    private static string Mark(int? number) => number is { } n ? $"{n}." : "•";

    public const string CorrectionFooter = "\n\nViệc đơn vị đã xác nhận xong được giữ nguyên. Gõ «việc của tôi» để xem mọi việc của đơn vị.";

    public const string CorrectionList = "Việc được sửa";

    private static string Units(IReadOnlyList<string> codes, Func<string, string> unitName) =>
        codes.Count == 0 ? NoUnits : codes.Count > 4 ? $"{string.Join(", ", codes.Take(3).Select(unitName))} và {codes.Count - 3} đơn vị khác" : string.Join(", ", codes.Select(unitName));

    private static string DeadlineOf(DateTimeOffset? due, string? rrule) =>
        due is { } d ? Wording.DueInFull(d) + Wording.Repeats(rrule) : Wording.Repetition(rrule) ?? "không có hạn";

    // ---- originals on request -----------------------------------------------------------------

    public const string OriginalButton = "📎 Văn bản gốc";

    public static string OriginalCaption(string number, string? subject) =>
        $"📎 Văn bản {number}" + (subject is { Length: > 0 } s ? $" — {Wording.Summary(s, 200)}" : "");

    /// <summary>The same words whether the directive exists or not: someone outside it learns nothing of it.</summary>
    public static string OriginalNotForUnit(string number, string unit) =>
        $"Trợ lý không gửi được văn bản {number}: anh/chị chỉ nhận được văn bản gốc của các văn bản giao việc cho {unit}. " +
        "Anh/chị kiểm tra lại số văn bản, hoặc liên hệ Văn phòng HĐND và UBND huyện.";

    public static string NoOriginal(string number) =>
        $"Văn bản {number} được nạp vào hệ thống dưới dạng chữ, không có tệp gốc để gửi. Anh/chị liên hệ Văn phòng HĐND và UBND huyện để nhận bản gốc.";

    public const string WhichOriginal = "Anh/chị cần văn bản nào? Ví dụ: «gửi văn bản 1259», hoặc bấm «" + OriginalButton + "» dưới chi tiết một việc.";

    public const string OriginalSentToast = "Đã gửi văn bản gốc.";
}
