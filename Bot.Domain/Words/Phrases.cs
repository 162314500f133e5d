using Bot.Domain.Assignments;

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
        "• báo cáo tháng 11, tiến độ quý IV, báo cáo công văn 1259 — xếp hạng, biểu đồ và tệp Excel\n" +
        "• việc 2 đã làm được 60%, còn chờ 3 xã — báo tiến độ từng phần\n" +
        "• xin gia hạn việc 2 đến 30/11 vì … — đề nghị gia hạn (hoặc bấm ⏳ Xin gia hạn)\n" +
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
    /// <summary>The console chat's banner: who the person is (with their role), the day, and first messages that work for that role.</summary>
    public static string ChatBanner(bool demo, string name, string role, string unit, string phone, DateTimeOffset today, bool seesAllUnits) =>
        $"Trợ lý nhiệm vụ{(demo ? " — bản chạy thử" : "")}. Anh/chị đang là {name} — {role}, {unit} (SĐT {phone}). Hôm nay: {Wording.Weekday(today, withTime: false).ToLowerInvariant()}.\n" +
        (seesAllUnits
            ? "Thử gõ: «tiến độ», «quá hạn», «xã Nguyên Giáp còn việc gì», «những xã nào chưa xong công văn 1259»."
            : "Thử gõ: «việc của tôi», rồi «việc 2» hoặc «xong việc 2»; «hôm nay có việc gì», «quá hạn», «công văn 1259».");

    /// <summary>The console demo's first line.</summary>
    public const string ConsoleHint = "Gõ câu hỏi như nhắn tin (ví dụ: «việc của tôi», «hôm nay có việc gì», «quá hạn»); gõ chữ trong [ ] để bấm nút; «thoát» để dừng.";

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

    /// <summary>An empty list, saying what was looked at: "Xã Nguyên Giáp không có việc đã quá hạn."</summary>
    public static string NoneIn(string title, string unit) => $"{unit} không có {Lower(title)}. 👍";

    /// <summary>"Việc có hạn trước 30/11/2023".</summary>
    public static string BeforeWindow(DateTimeOffset until) => DueBy(until);

    /// <summary>A period people named, as a list's title: "Việc có hạn hôm nay (20/10/2023)", "… trong tháng 11/2023", "… trong tuần 23/10–29/10/2023".</summary>
    public static string PeriodWindow(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var (first, last) = (DateOnly.FromDateTime(Time.VietnamTime.ToLocal(start)), DateOnly.FromDateTime(Time.VietnamTime.ToLocal(end)).AddDays(-1));
        var today = DateOnly.FromDateTime(Time.VietnamTime.ToLocal(now));
        var day = (DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var shortDay = (DateOnly d) => d.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture);
        if (first == last)
            return first == today ? $"Việc có hạn hôm nay ({day(first)})" : first == today.AddDays(1) ? $"Việc có hạn ngày mai ({day(first)})" : $"Việc có hạn ngày {day(first)}";
        if (first.Day == 1 && last == first.AddMonths(1).AddDays(-1))
            return $"Việc có hạn trong tháng {first.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
        if (first.DayOfWeek == DayOfWeek.Monday && last == first.AddDays(6)) return $"Việc có hạn trong tuần {shortDay(first)}–{day(last)}";
        return $"Việc có hạn từ {shortDay(first)} đến {day(last)}";
    }

    private static string Lower(string title) => title.Length > 0 ? char.ToLowerInvariant(title[0]) + title[1..] : title;

    // ---- whose work ----------------------------------------------------------------------------

    public static string OwnOrNamed(string named, string own) =>
        $"Anh/chị hỏi việc của {named} hay của {own}? Anh/chị gõ lại giúp em, ví dụ «việc của {named}» hoặc «việc của tôi».";

    public static string WhichUnit(IReadOnlyList<string> units) =>
        $"Anh/chị hỏi việc của đơn vị nào: {string.Join(", ", units.Take(units.Count - 1))} hay {units[^1]}? Anh/chị gõ lại với tên đầy đủ, ví dụ «việc của {units[0]}».";

    public static string OnlyOwnUnit(string own, string? other) => other is null
        ? $"Anh/chị chỉ xem được việc của {own}. Tiến độ các đơn vị do lãnh đạo huyện và Văn phòng HĐND và UBND huyện theo dõi."
        : $"Anh/chị chỉ xem được việc của {own}, không xem được việc của {other}. Anh/chị gõ «việc của tôi» để xem việc của đơn vị mình.";

    public static string DirectiveNotFound(string number) =>
        $"Không tìm thấy văn bản số {number} trong hệ thống. Anh/chị kiểm tra lại số văn bản, hoặc gõ «việc của tôi» để xem mọi việc của đơn vị.";

    /// <summary>No published directive's subject holds what was asked: said with what was looked at.</summary>
    public static string NoDirectiveAbout(string about, int looked) => looked == 0
        ? $"Không tìm thấy văn bản nào về «{about}»: chưa có văn bản nào được giao việc trong hệ thống."
        : $"Không tìm thấy văn bản nào về «{about}»: trợ lý đã xem trích yếu của {looked} văn bản đang theo dõi. " +
          "Anh/chị thử vài chữ khác trong trích yếu, hoặc gõ số văn bản (ví dụ «công văn 1259»).";

    /// <summary>Several directives are about what was asked, about equally: which one.</summary>
    public static string WhichDirective(string about, IReadOnlyList<string> choices, int total) =>
        $"Có {total} văn bản về «{about}». Anh/chị hỏi văn bản nào?\n• " + string.Join("\n• ", choices)
        + (total > choices.Count ? $"\n… và {total - choices.Count} văn bản khác." : "")
        + "\nAnh/chị gõ số văn bản, hoặc thêm vài chữ trong trích yếu.";

    /// <summary>A directive in a question back: its number with its subject, or as <see cref="Wording.Source"/> names it.</summary>
    public static string DirectiveChoice(DirectiveName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Number is not null && !string.IsNullOrWhiteSpace(name.Subject)
            ? $"{Wording.Source(name)} — “{Wording.Subject(name.Subject)}”"
            : Wording.Source(name);
    }

    public static string DirectiveWithoutWork(string directive) => $"Văn bản {directive} không giao việc nào cho các đơn vị.";

    public static string DirectiveNotForUnit(string number, string unit) => $"Văn bản {number} không giao việc nào cho {unit}.";

    public static string DirectiveAllDone(string number, string unit, int total) =>
        $"{unit} đã xong cả {total} việc theo văn bản {number}. 👍";

    // ---- the district: every unit --------------------------------------------------------------

    public const string AllUnits = "toàn huyện";

    public static string UnitsOf(IReadOnlyList<Organization.UnitKind> kinds) =>
        kinds.Count == 0 ? AllUnits
        : kinds.Contains(Organization.UnitKind.Commune) ? "các xã, thị trấn"
        : kinds.Contains(Organization.UnitKind.Department) ? "các phòng, cơ quan chuyên môn" : AllUnits;

    /// <summary>"📋 Việc đã quá hạn — toàn huyện, tính đến 20/10/2023: 120 việc ở 30 đơn vị (nhiều nhất trước):"</summary>
    public static string ByUnit(string title, string units, int tasks, int unitCount, DateTimeOffset asOf) =>
        $"📋 {title} — {units}, tính đến {Wording.Day(asOf)}: {tasks} việc ở {unitCount} đơn vị (nhiều nhất trước):\n";

    /// <summary>"Tính đến 20/10/2023, các xã, thị trấn (23 đơn vị) không có việc có hạn trong tuần 16/10–22/10/2023. 👍"</summary>
    public static string NoneAnywhere(string title, string units, int unitCount, DateTimeOffset asOf) =>
        $"Tính đến {Wording.Day(asOf)}, {units} ({unitCount} đơn vị) không có {Lower(title)}. 👍";

    public static string UnitCountLine(int rank, string unit, int count, int overdue) =>
        $"\n{rank}. {unit}: {count} việc" + (overdue > 0 && overdue != count ? $", {overdue} quá hạn" : "");

    public const string UnitsFooter = "\n\nGõ tên đơn vị để xem từng việc, ví dụ «quá hạn xã Nguyên Giáp», «việc của phòng Nội vụ».";

    public static string DirectiveByUnit(string number, string units, int notDone, int unitCount) =>
        $"📊 Văn bản {number} — {units}: {notDone}/{unitCount} đơn vị chưa xong (đơn vị còn nhiều việc trước):\n";

    public static string DirectiveUnitLine(int rank, string unit, int done, int total, int overdue) =>
        $"\n{rank}. {unit}: xong {done}/{total}" + (overdue > 0 ? $", quá hạn {overdue}" : "");

    public static string NoUnitsOfDirective(string number, string units) => $"Văn bản {number} không giao việc nào cho {units}.";

    public static string UnitsPage(int page, int pages) => pages > 1 ? $"\n\n(Trang {page}/{pages}: gõ «xem thêm» hoặc bấm «{MoreButton}».)" : "";

    public const string NoMoreUnits = "Đã hết danh sách đơn vị.";

    private static string Capital(string s) => s.Length > 0 ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    // ---- small talk ------------------------------------------------------------------------------

    public const string YouAreWelcome = "Dạ, không có gì ạ. Anh/chị cần gì cứ nhắn trợ lý (gõ «trợ giúp» để xem cách hỏi).";

    public static string AndOverdue(string count) => $"\n\n⚠️ Ngoài ra có {count} việc đã quá hạn: gõ «quá hạn» để xem.";

    public static string MoreThan(int count) => $"hơn {count}";

    public static string Capped(int listed) => $"\n\n(Danh sách đánh số {listed} việc có hạn sớm nhất; đơn vị còn nhiều việc hơn.)";

    public const string NothingToPage = "Chưa có danh sách nào để xem thêm.";

    public static string NoMorePages(string title, int pages) =>
        pages <= 1 ? $"Danh sách «{title}» chỉ có một trang, anh/chị đã xem hết." : $"Anh/chị đã xem đến trang cuối ({pages}/{pages}) của danh sách «{title}».";

    /// <summary>"📋 Việc còn phải làm — Xã An Thanh (37 việc)"; after some are confirmed "(36 việc, đã xong 1)".</summary>
    public static string ListHeading(string title, string unit, int open, int done = 0) =>
        $"📋 {title} — {unit} ({open} việc{(done > 0 ? $", đã xong {done}" : "")})";

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

    public static string DetailHeading(int number, string source, string taskRef) => $"📄 Việc {number} — {source}, {Wording.Place(taskRef)}\n";

    public static string DetailUnit(string unit, bool lead) => $"Đơn vị: {unit} ({(lead ? "chủ trì" : "phối hợp")})\n";

    public static string DetailStatus(string name, DateTimeOffset at) => $"Trạng thái: ✅ {name} xác nhận xong lúc {Wording.Moment(at)}\n";

    public static string Verbatim(string text) => $"\nNguyên văn: «{text}»";

    public const string WhichNumber = "Anh/chị muốn báo xong việc số mấy? Ví dụ: «xong việc 2».";

    public static string Confirmed(int number, string summary, TimeSpan undoWindow) =>
        $"✅ Đã ghi nhận hoàn thành việc {number}: {summary}\nCảm ơn anh/chị. Nếu nhầm, bấm «{UndoButtonAlone}» trong {Wording.Span(undoWindow)}.";

    public static string ConfirmedMany(IReadOnlyList<(int Number, string Summary)> done, TimeSpan undoWindow) =>
        $"✅ Đã ghi nhận hoàn thành {done.Count} việc: {string.Join(", ", done.Select(d => d.Number))}\n" +
        string.Join("\n", done.Select(d => $"• Việc {d.Number}: {d.Summary}")) +
        $"\nCảm ơn anh/chị. Nếu nhầm, bấm «{UndoButtonAlone}» của việc đó trong {Wording.Span(undoWindow)}.";

    public const string NoneConfirmed = "Chưa ghi nhận việc nào:";

    public static string NotConfirmed(int number, string why) => $"\n⚠️ Việc {number}: {why}";

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

    public const string ExtensionsByAdmins = "Chỉ Văn phòng, lãnh đạo huyện hoặc quản trị viên mới được duyệt gia hạn.";

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

    public const string UnreachableHeading = "\n\n📵 Không gửi được nhắc việc tới (đã chặn trợ lý, hoặc quá 7 ngày chưa nhắn trên Zalo):";

    public static string UnreachableLine(string name, string unit, DateTimeOffset since) => $"\n• {name} — {unit}, từ {Wording.Day(since)}";

    public static string AndOthers(int count) => $"\n… và {count} người khác.";

    public static string SnoozedToast(DateTimeOffset until) => $"Sẽ nhắc lại vào {Wording.Weekday(until)}.";

    /// <summary>"⏰ Trợ lý sẽ nhắc lại việc 1 vào 07:30 thứ hai, 23/10/2023."</summary>
    public static string Snoozed(string what, DateTimeOffset until) => $"⏰ Trợ lý sẽ nhắc lại {what} vào {Wording.Weekday(until)}; trước đó không nhắc nữa.";

    public static string SnoozedTask(int number, string summary) => $"việc {number} ({summary})";

    public static string SnoozedList(int count, string title) => $"{count} việc trong danh sách «{title}»";

    public static string SnoozedUnit(int count, string unit) => $"{count} việc của {unit}";

    /// <summary>The day asked for is not a working day: say so, and when instead.</summary>
    public static string NotAWorkingDay(DateTimeOffset day) => $"{Wording.Weekday(day, withTime: false)} không phải ngày làm việc. ";

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

    public static string NoWorkAnywhere(string units) => $"Chưa có việc nào được giao cho {units}.";

    public static string ProgressHeading(string units, DateTimeOffset asOf) =>
        $"📊 Tiến độ {units}, tính đến {Wording.Day(asOf)} (xong / tổng số việc, quá hạn; quá hạn nhiều nhất trước):\n";

    public static string ProgressLine(int rank, string unit, int done, int total, int overdue) =>
        $"\n{rank}. {unit}: xong {done}/{total}, quá hạn {overdue}";

    public static string ProgressOfUnit(string unit, DateTimeOffset asOf, int done, int total, int overdue) =>
        $"📊 Tiến độ {unit}, tính đến {Wording.Day(asOf)}: xong {done}/{total} việc, còn {total - done} việc, trong đó quá hạn {overdue}." +
        (total > done ? $"\nGõ «việc của {unit}» hoặc «quá hạn {unit}» để xem từng việc." : "");


    // ---- Zalo ----------------------------------------------------------------------------------

    /// <summary>The request_user_info card's title (≤ 100 characters): the button <see cref="WhoAreYou"/> names.</summary>
    public const string ZaloInfoCardTitle = ShareContactButton;

    /// <summary>The card's subtitle (≤ 500 characters).</summary>
    public const string ZaloInfoCardSubtitle = "Bấm vào đây để chia sẻ số điện thoại Zalo của anh/chị: trợ lý tìm anh/chị trong danh bạ cán bộ của huyện.";

    /// <summary>Above the buttons a Zalo message could not carry (at most 5 a message).</summary>
    public const string ZaloMoreButtons = "Các nút tiếp theo:";

    /// <summary>Told to the admins (on Telegram) when Zalo refuses the refresh token.</summary>
    public const string ZaloTokensDead =
        "⚠️ Kênh Zalo OA đã mất quyền gửi tin: Zalo từ chối làm mới mã truy cập. Quản trị viên OA cần cấp quyền lại cho ứng dụng " +
        "(xem README, mục Zalo) rồi khởi động lại trợ lý. Nhắc việc qua Zalo được giữ lại và sẽ gửi khi kênh hoạt động lại.";
}
