namespace Bot.Domain.Words;

/// <summary>
/// Everything the bot says to people, in one place: short, polite Vietnamese with diacritics
/// ("Anh/chị ..."). Handlers and channels pick a phrase here and never write their own, so the
/// wording can be read, reviewed and changed in one sitting. Formats of dates and deadlines are
/// <see cref="Wording"/>'s.
/// </summary>
public static partial class Phrases
{
    // ---- anyone ------------------------------------------------------------------------------

    public const string Help =
        "Anh/chị có thể gõ:\n" +
        "• việc của tôi — việc đơn vị còn phải làm\n" +
        "• sắp đến hạn, tuần này, trước 30/11 — việc sắp đến hạn\n" +
        "• quá hạn — việc đã quá hạn\n" +
        "• việc 2 — xem chi tiết việc số 2\n" +
        "• xong việc 2 — báo đã hoàn thành (hoặc bấm ✅ Đã xong)\n" +
        "• hoàn tác — hủy xác nhận vừa rồi\n" +
        "• công văn 1259 — việc theo một văn bản\n" +
        "• tiến độ — tiến độ các đơn vị (trưởng đơn vị, lãnh đạo)\n" +
        "• bật tóm tắt hằng ngày, tắt nhắc — tùy chọn nhắc việc";

    /// <summary>The channel's command menu (Telegram shows it beside the text box).</summary>
    public static IReadOnlyList<(string Command, string Description)> Menu { get; } =
    [
        ("viec", "Việc của đơn vị tôi còn phải làm"),
        ("sapden", "Việc sắp đến hạn"),
        ("quahan", "Việc đã quá hạn"),
        ("tiendo", "Tiến độ các đơn vị"),
        ("huongdan", "Cách dùng trợ lý"),
        ("start", "Bắt đầu, liên kết số điện thoại"),
    ];

    public const string Stale = "Nút này không còn hiệu lực.";

    public const string Sorry = "Xin lỗi, trợ lý đang gặp sự cố. Anh/chị vui lòng thử lại sau ít phút.";

    public static string Greeting(string name) => $"Chào anh/chị {name}.\n\n{Help}";

    public const string NotUnderstood = "Xin lỗi, trợ lý chưa hiểu ý anh/chị.\n\n" + Help;

    // ---- linking -----------------------------------------------------------------------------

    public const string ShareContactButton = "📱 Gửi số điện thoại";

    public const string WhoAreYou =
        "Chào anh/chị. Để xem việc của đơn vị, anh/chị vui lòng bấm «" + ShareContactButton + "» bên dưới để xác nhận danh tính.";

    /// <summary>How a channel without a contact button asks for the number (the console demo).</summary>
    public const string TypeYourPhone = "  Gõ: sđt 0900000001 để chia sẻ số điện thoại.";

    public const string BadInvite = "Mã mời không đúng hoặc đã hết hạn.";

    public const string OwnContactOnly = "Anh/chị vui lòng gửi số điện thoại của chính mình (bấm nút bên dưới), không gửi danh bạ người khác.";

    public const string UnknownPhone =
        "Số điện thoại này chưa có trong danh bạ cán bộ của huyện. Anh/chị liên hệ Văn phòng HĐND và UBND huyện để được bổ sung.";

    public static string Linked(string name, string unit) => $"Chào anh/chị {name} ({unit}). Tài khoản đã được liên kết.\n\n{Help}";

    public static string AlreadyLinked(string name, string unit) => $"Tài khoản này đã liên kết với {name} ({unit}).";

    // ---- lists -------------------------------------------------------------------------------

    public const string MyTasks = "Việc còn phải làm";

    public const string DueSoon = "Việc sắp đến hạn (7 ngày tới)";

    public const string Overdue = "Việc đã quá hạn";

    public static string OfDirective(string number) => $"Việc theo văn bản {number}";

    public static string DueBy(DateTimeOffset until) => $"Việc có hạn trước {Wording.Before(until)}";

    public static string NoneIn(string title) => $"{title}: không có việc nào. 👍";

    public static string AndOverdue(string count) => $"\n\n⚠️ Ngoài ra có {count} việc đã quá hạn: gõ «quá hạn» để xem.";

    public static string MoreThan(int count) => $"hơn {count}";

    public static string Capped(int listed) => $"\n\n(Danh sách đánh số {listed} việc có hạn sớm nhất; đơn vị còn nhiều việc hơn.)";

    public const string NothingToPage = "Chưa có danh sách nào để xem thêm.";

    public static string ListHeading(string title, string unit, int count) => $"📋 {title} — {unit} ({count} việc)";

    public static string PageOf(int page, int pages) => $", trang {page}/{pages}";

    public static string DoneBy(string name, DateTimeOffset at) => $"✅ {name} xác nhận xong lúc {Wording.Moment(at)}";

    public const string ListFooter = "\n\nGõ «việc 2» để xem chi tiết, «xong việc 2» hoặc bấm ✅ khi đã hoàn thành.";

    public static string DoneButton(int number) => $"✅ Đã xong {number}";

    public const string DoneButtonAlone = "✅ Đã xong";

    public static string UndoButton(int number) => $"↩ Hoàn tác {number}";

    public const string UndoButtonAlone = "↩ Hoàn tác";

    public static string SnoozeButton(int number) => $"⏰ Nhắc lại sau {number}";

    public const string MoreButton = "Xem thêm ›";

    // ---- one task ----------------------------------------------------------------------------

    public static string NotInList(int number) =>
        $"Không có việc số {number} trong danh sách gần nhất. Anh/chị gõ «việc của tôi» để xem lại danh sách.";

    public static string NotInListShort(int? number) => $"Không có việc số {number} trong danh sách gần nhất.";

    public static string DetailHeading(int number, string source, string taskRef) => $"📄 Việc {number} — {source}, mục {taskRef}\n";

    public static string DetailUnit(string unit, bool lead) => $"Đơn vị: {unit} ({(lead ? "chủ trì" : "phối hợp")})\n";

    public static string DetailStatus(string name, DateTimeOffset at) => $"Trạng thái: ✅ {name} xác nhận xong lúc {Wording.Moment(at)}\n";

    public static string Verbatim(string text) => $"\nNguyên văn: «{text}»";

    public const string WhichNumber = "Anh/chị muốn báo xong việc số mấy? Ví dụ: «xong việc 2».";

    public static string Confirmed(int number, string summary, TimeSpan undoWindow) =>
        $"✅ Đã ghi nhận hoàn thành việc {number}: {summary}\nCảm ơn anh/chị. Nếu nhầm, bấm «{UndoButtonAlone}» trong {Wording.Span(undoWindow)}.";

    public const string ConfirmedToast = "Đã ghi nhận hoàn thành. Cảm ơn anh/chị.";

    public static string NothingToUndo(TimeSpan undoWindow) => $"Không có xác nhận nào của anh/chị trong {Wording.Span(undoWindow)} qua để hoàn tác.";

    public static string Undone(string summary) => $"↩ Đã hoàn tác: việc «{summary}» mở lại.";

    public const string UndoneToast = "Đã hoàn tác.";

    public static string UndoTooLate(TimeSpan undoWindow) =>
        $"Đã quá {Wording.Span(undoWindow)}, không thể hoàn tác. Anh/chị liên hệ quản trị viên nếu cần mở lại.";

    public const string UndoByOthers = "Chỉ người đã xác nhận mới hoàn tác được.";

    // ---- what an assignment's lifecycle answers ------------------------------------------------

    public static string AlreadyDone(string name, DateTimeOffset at) => $"Nhiệm vụ này đã được {name} xác nhận hoàn thành lúc {Wording.At(at)}.";

    public const string NotDoneYet = "Nhiệm vụ này chưa được xác nhận hoàn thành.";

    public const string Reopened = "Đã mở lại nhiệm vụ.";

    public const string OtherUnitsWork = "Anh/chị không có quyền thay đổi nhiệm vụ của đơn vị khác.";

    public const string ExtensionsByAdmins = "Chỉ quản trị viên mới được duyệt gia hạn.";

    public const string ExtensionNeedsReason = "Xin cho biết lý do gia hạn.";

    public const string ExtensionMustBeLater = "Hạn mới phải sau hạn hiện tại và sau thời điểm này.";

    public static string Extended(DateTimeOffset dueBefore) => $"Đã gia hạn đến trước {Wording.At(dueBefore)}.";

    // ---- reminders and preferences -------------------------------------------------------------

    public const string Reminder = "Nhắc việc";

    public static string ReminderHeading(string name) => $"⏰ Nhắc việc — anh/chị {name}:\n";

    public static string NotDoneBy(string unit) => $"⚠️ {unit} chưa hoàn thành";

    public const string ReminderFooter = "\n\nBấm ✅ khi đã hoàn thành; «⏰ Nhắc lại sau» để được nhắc vào sáng ngày làm việc tới.";

    public const string WeekDigest = "Tóm tắt: việc đến hạn trong tuần";

    public static string QuietWeek(string name) => $"☀️ Chào buổi sáng anh/chị {name}. Tuần này đơn vị không có việc đến hạn.";

    public const string UnreachableHeading = "\n\n📵 Không gửi được nhắc việc tới (đã chặn trợ lý):";

    public static string UnreachableLine(string name, string unit, DateTimeOffset since) => $"\n• {name} — {unit}, từ {Wording.Day(since)}";

    public static string AndOthers(int count) => $"\n… và {count} người khác.";

    public static string SnoozedToast(DateTimeOffset until) => $"Sẽ nhắc lại lúc {Wording.Moment(until)}.";

    public static string Snoozed(DateTimeOffset until) => $"⏰ Sẽ nhắc lại lúc {Wording.Moment(until)}.";

    public const string NothingToSnooze = "Chưa có việc nào để hoãn nhắc. Anh/chị gõ «việc của tôi» để xem danh sách.";

    public static string DigestOn(TimeOnly at) =>
        $"Đã bật tóm tắt hằng ngày: {Wording.Clock(at)} mỗi ngày làm việc, trợ lý gửi việc đến hạn trong tuần.";

    public const string DigestOff = "Đã tắt tóm tắt hằng ngày.";

    public const string RemindersOn = "Đã bật lại nhắc việc.";

    public const string RemindersOff = "Đã tắt nhắc việc. Gõ «bật nhắc» để nhận lại.";

    public static string ReminderOn(int number) => $"Đã bật lại nhắc việc {number}.";

    public static string ReminderOff(int number) => $"Đã tắt nhắc việc {number}.";

    // ---- progress ------------------------------------------------------------------------------

    public const string ProgressIsForHeads =
        "Xem tiến độ dành cho trưởng đơn vị và lãnh đạo huyện. Anh/chị gõ «việc của tôi» để xem việc của đơn vị.";

    public const string NothingDueThisYear = "Chưa có việc nào đến hạn trong năm nay.";

    public static string ProgressHeading(int year, DateTimeOffset asOf) =>
        $"📊 Tiến độ năm {year}, tính đến {Wording.Day(asOf)} (xong / tổng số việc, quá hạn, tỷ lệ đúng hạn):\n";

    public static string ProgressLine(string unit, int done, int total, int overdue, double? onTimeRate) =>
        $"\n• {unit}: xong {done}/{total}, quá hạn {overdue}" +
        (onTimeRate is { } r ? $", đúng hạn {Math.Round(r * 100).ToString(System.Globalization.CultureInfo.InvariantCulture)}%" : "");

    public static string AndOtherUnits(int count) => $"\n… và {count} đơn vị khác.";
}
