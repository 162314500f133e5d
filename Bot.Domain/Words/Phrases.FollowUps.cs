namespace Bot.Domain.Words;

// What the bot says about extension requests (xin gia hạn), progress reports and leaders' reports.
public static partial class Phrases
{
    // ---- extension requests: the official -----------------------------------------------------

    public const string ExtendButton = "⏳ Xin gia hạn";

    public const string ExtensionWhichTask = "Anh/chị muốn xin gia hạn việc số mấy? Ví dụ: «xin gia hạn việc 2 đến 30/11 vì chờ số liệu».";

    public const string ExtensionOfDoneTask = "Việc này đã xong, không cần gia hạn.";

    public const string CancelHint = " (gõ «hủy» để thôi)";

    public static string ExtensionAskDate(int? number, string task, DateTimeOffset? currentDue) =>
        $"⏳ Xin gia hạn{(number is { } n ? $" việc {n}" : "")}: {task}\n" +
        $"Hạn hiện tại: {(currentDue is { } d ? Wording.DueInFull(d) : "không ghi hạn")}.\n" +
        "Anh/chị muốn gia hạn đến ngày nào? Ví dụ: «30/11», «thứ sáu tuần sau»" + CancelHint + ".";

    public static string ExtensionAskReason(DateTimeOffset newDue) =>
        $"Gia hạn đến {Wording.DueInFull(newDue)}. Anh/chị cho biết lý do xin gia hạn" + CancelHint + ".";

    public const string ExtensionNoDate = "Trợ lý chưa đọc được ngày. Anh/chị gõ ngày muốn gia hạn đến, ví dụ «30/11» hoặc «cuối tháng sau»" + CancelHint + ".";

    public static string ExtensionNotLater(DateTimeOffset? currentDue) =>
        $"Hạn mới phải sau hạn hiện tại ({(currentDue is { } d ? Wording.DueInFull(d) : "không ghi hạn")}) và sau hôm nay. Anh/chị gõ ngày khác" + CancelHint + ".";

    public const string ExtensionNoReason = "Anh/chị cho biết lý do ngắn gọn, ví dụ «chờ số liệu của các xã»" + CancelHint + ".";

    public const string ExtensionCancelled = "Đã thôi, không gửi đề nghị gia hạn.";

    public static string ExtensionSent(DateTimeOffset newDue, string approvers) =>
        $"⏳ Đã gửi đề nghị gia hạn đến {Wording.DueInFull(newDue)} tới {approvers}. Khi có ý kiến, trợ lý sẽ báo anh/chị tại đây.";

    public static string ExtensionAlreadyAsked(DateTimeOffset askedAt, DateTimeOffset? newDue) =>
        $"Việc này đã có đề nghị gia hạn{(newDue is { } d ? $" đến {Wording.DueInFull(d)}" : "")} gửi lúc {Wording.At(askedAt)}, đang chờ duyệt. Mỗi việc chỉ gửi một đề nghị một lúc.";

    public static string ExtensionBeingDrafted(string byName) => $"Anh/chị {byName} đang soạn đề nghị gia hạn việc này.";

    public const string ExtensionNoApprover = "Chưa có người duyệt gia hạn nào dùng trợ lý. Anh/chị vui lòng liên hệ Văn phòng HĐND và UBND huyện.";

    public const string ApproversOffice = "Văn phòng HĐND và UBND huyện";

    public const string ApproversLeaders = "lãnh đạo huyện";

    public static string ExtensionGranted(string task, DateTimeOffset newDue, string byName, bool otherDate) =>
        $"✅ Đề nghị gia hạn đã được {byName} đồng ý{(otherDate ? " (theo ngày khác ngày anh/chị đề nghị)" : "")}:\n{task}\nHạn mới: {Wording.DueInFull(newDue)}.";

    public static string ExtensionRefused(string task, string byName, string? reason) =>
        $"✖️ Đề nghị gia hạn không được {byName} đồng ý:\n{task}\nLý do: {reason ?? "không nêu"}. Anh/chị vui lòng hoàn thành theo hạn cũ.";

    // ---- extension requests: the approver -----------------------------------------------------

    public const string ApproveButton = "✅ Đồng ý";

    public const string RejectButton = "✖️ Không đồng ý";

    public const string OtherDateButton = "📅 Ngày khác";

    public static string ExtensionCard(bool reminder, string unit, string byName, string task, string source, DateTimeOffset? currentDue, DateTimeOffset askedDue,
        string reason, DateTimeOffset askedAt) =>
        (reminder ? $"⏰ Nhắc: đề nghị gia hạn gửi lúc {Wording.At(askedAt)} chưa được trả lời.\n\n" : "") +
        $"⏳ Đề nghị gia hạn — {unit} ({byName})\n{task}\n{source}\n" +
        $"• Hạn hiện tại: {(currentDue is { } d ? Wording.DueInFull(d) : "không ghi hạn")}\n" +
        $"• Xin gia hạn đến: {Wording.DueInFull(askedDue)}\n• Lý do: {reason}";

    public const string ExtensionNotYours = "Anh/chị không có quyền duyệt gia hạn.";

    public static string ExtensionAlreadyDecided(string? byName, DateTimeOffset? at, bool approved) =>
        $"Đề nghị này đã được {byName ?? "người khác"} {(approved ? "đồng ý" : "trả lời")}{(at is { } t ? $" lúc {Wording.At(t)}" : "")}.";

    public const string ExtensionWithdrawn = "Đề nghị này không còn chờ duyệt.";

    public const string ExtensionAskRejectReason = "Anh/chị cho biết lý do không đồng ý (trợ lý sẽ gửi lại cho đơn vị)" + CancelHint + ".";

    public static string ExtensionAskOtherDate(DateTimeOffset askedDue) =>
        $"Đơn vị xin đến {Wording.DueInFull(askedDue)}. Anh/chị đồng ý gia hạn đến ngày nào? Ví dụ «15/11»" + CancelHint + ".";

    public const string ExtensionAnswerDropped = "Đã thôi. Đề nghị vẫn chờ anh/chị quyết định.";

    public static string ExtensionApprovedCard(string card, string byName, DateTimeOffset newDue) =>
        $"{card}\n\n✅ {byName} đã đồng ý gia hạn đến {Wording.DueInFull(newDue)}. Đơn vị đã được báo.";

    public static string ExtensionApproved(string task, DateTimeOffset newDue) =>
        $"✅ Đã gia hạn đến {Wording.DueInFull(newDue)}: {task}. Đơn vị đã được báo; việc nhắc hạn tính theo hạn mới.";

    public static string ExtensionRejected(string task) => $"✖️ Đã trả lời không đồng ý gia hạn: {task}. Đơn vị đã được báo lý do.";

    public const string ApprovedToast = "Đã đồng ý gia hạn.";
}

public static partial class Phrases
{
    // ---- leaders' reports -----------------------------------------------------------------------

    public const string ReportDoneOnTime = "Xong đúng hạn";

    public const string ReportDoneLate = "Xong trễ hạn";

    public const string ReportOpen = "Đang thực hiện";

    public const string ReportOverdue = "Quá hạn";

    public const string ReportIsForHeads = "Báo cáo tiến độ dành cho trưởng đơn vị, lãnh đạo huyện và Văn phòng.";


    public static string ReportDirective(string number) => $"văn bản {number}";

    public static string ReportHeading(string label, string units, DateTimeOffset at) =>
        $"📊 Báo cáo tiến độ {label} — {units} (đến {Wording.At(at)}):\n";

    public static string ReportLine(int rank, string unit, int onTime, int late, int open, int overdue, double? rate) =>
        $"\n{rank}. {unit}: đúng hạn {onTime}, trễ {late}, đang làm {open}, quá hạn {overdue}" + (rate is { } r ? $" — {Percent(r)} đúng hạn" : "");

    public static string Percent(double rate) => (rate * 100).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%";

    public static string ReportNothing(string label, string units) => $"Không có việc nào của {units} có hạn trong {label}.";

    public static string ReportUnknownDirective(string number) => $"Không tìm thấy văn bản {number}. Anh/chị kiểm tra lại số văn bản.";

    public const string ReportFilesFollow = "\n\nBiểu đồ và tệp Excel gửi ngay sau đây.";

    public static string ReportChartCaption(string label) => $"Biểu đồ tiến độ {label}";

    public static string ReportWorkbookCaption(string label) => $"Tệp Excel báo cáo {label}: trang «Tổng hợp» theo đơn vị, trang «Chi tiết» từng việc.";

    public static string ReportChartTitle(string label, int shown, int units) =>
        shown < units ? $"Tiến độ {label} — {shown} đơn vị nhiều việc quá hạn nhất (trên {units})" : $"Tiến độ {label}";

    public static string FileSavedAt(string path) => $"(Bản chạy thử: tệp đã lưu tại {path})";

    public static string FileNotOnZalo(string name) => $"(Zalo chưa nhận tệp {name} từ trợ lý; anh/chị mở trên Telegram, hoặc nhờ Văn phòng gửi.)";

    // Workbook columns and sheets.
    public const string SheetSummary = "Tổng hợp";

    public const string SheetDetail = "Chi tiết";
}

public static partial class Phrases
{
    private static readonly string[] Quarters = ["I", "II", "III", "IV"];

    /// <summary>A report's period as people name it: "tháng 11/2023", "quý IV/2023", "năm 2023", "từ 01/11 đến 15/11/2023".</summary>
    public static string ReportPeriodLabel(DateTimeOffset start, DateTimeOffset end)
    {
        var (first, next) = (DateOnly.FromDateTime(Time.VietnamTime.ToLocal(start)), DateOnly.FromDateTime(Time.VietnamTime.ToLocal(end)));
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (first.Day == 1 && next == first.AddMonths(1)) return $"tháng {first.ToString("MM/yyyy", invariant)}";
        if (first.Day == 1 && (first.Month - 1) % 3 == 0 && next == first.AddMonths(3)) return $"quý {Quarters[(first.Month - 1) / 3]}/{first.Year}";
        if (first.Day == 1 && first.Month == 1 && next == first.AddYears(1)) return $"năm {first.Year}";
        return $"từ {first.ToString("dd/MM", invariant)} đến {next.AddDays(-1).ToString("dd/MM/yyyy", invariant)}";
    }
}

public static partial class Phrases
{
    // ---- progress reports -----------------------------------------------------------------------

    /// <summary>"60% — còn chờ 3 xã": the latest progress in a list, a detail or a workbook.</summary>
    public static string ProgressShort(int percent, string? note) => note is null ? $"{percent}%" : $"{percent}% — {note}";

    public static string ProgressRecorded(int number, string task, int percent, string? note) =>
        $"📈 Đã ghi nhận tiến độ việc {number}: {ProgressShort(percent, note)}.\n{task}\n" +
        "Khi xong hẳn, anh/chị gõ «xong việc " + number + "» hoặc bấm ✅ Đã xong.";

    public const string ProgressWhichTask = "Anh/chị báo tiến độ việc số mấy? Ví dụ: «việc 2 đã làm được 60%, còn chờ 3 xã».";

    public const string ProgressPercentRange = "Tỷ lệ hoàn thành phải từ 0% đến 100%. Khi đã xong hẳn, anh/chị gõ «xong việc …».";

    public static string ProgressOfDone(int number) => $"Việc {number} đã xong, không cần báo tiến độ.";

    public static string DetailProgress(int percent, string? note, string byName, DateTimeOffset at) =>
        $"📈 Tiến độ: {ProgressShort(percent, note)} ({byName}, {Wording.At(at)})\n";

    public static string DetailExtended(DateTimeOffset to, string reason) => $"⏳ Đã gia hạn đến {Wording.DueInFull(to)} ({reason})\n";

}

public static partial class Phrases
{
    public const string ChartAxis = "Số việc";
}

public static partial class Phrases
{
    // ---- the weekly digest ----------------------------------------------------------------------

    public static string WeeklyHeading(string name, string month, DateTimeOffset at) =>
        $"📅 Tóm tắt tuần — chào anh/chị {name}.\nXếp hạng đơn vị {month} (đến {Wording.At(at)}; đúng hạn / trễ / đang làm / quá hạn):";

    public const string WeeklyNoWork = "\nChưa có việc nào có hạn trong tháng này.";

    public static string WeeklyNothingLate(string range, int looked) =>
        $"\n\n👍 Tuần {range}: không có việc nào quá hạn hay xong trễ (đã xem {looked} việc có hạn trong tuần của toàn huyện).";

    public static string WeeklyLateHeading(string range, int overdue, int late, int looked) =>
        $"\n\n⚠️ Tuần {range}: {overdue} việc đến hạn mà chưa xong, {late} việc xong trễ (trong {looked} việc có hạn trong tuần):";

    public static string WeeklyLateLine(string unit, int overdue, int late) =>
        $"\n• {unit}: {overdue} quá hạn" + (late > 0 ? $", {late} xong trễ" : "");

    public static string AndOthersUnits(int count) => $"\n• và {count} đơn vị khác";

    public const string WeeklyFooter = "\n\nGõ «báo cáo tháng này» để nhận biểu đồ và tệp Excel.";
}

// Evidence files of progress reports (minh chứng).
public static partial class Phrases
{
    public const string EvidenceButton = "📎 Xem minh chứng";

    public const string EvidenceEmpty = "Tệp trống, trợ lý chưa lưu. Anh/chị vui lòng gửi lại tệp có nội dung.";

    public const string EvidenceKind = "Trợ lý chỉ nhận minh chứng là ảnh (JPG, PNG), PDF hoặc Word (.docx); tệp này chưa được lưu.";

    public static string EvidenceSaved(int number, string fileName) => $"📎 Đã lưu tệp minh chứng «{fileName}» cho việc {number}.";

    public static string EvidenceAdded(string fileName, string task, int count) =>
        $"📎 Đã lưu tệp minh chứng «{fileName}» cho báo cáo tiến độ vừa gửi ({count} tệp): {task}";

    public static string DetailEvidence(int count) => $"📎 {count} tệp minh chứng\n";

    public static string EvidenceNone(int number) => $"Việc {number} chưa có tệp minh chứng nào.";

    public static string EvidenceCaption(int number, int index, int count, string fileName) => $"📎 Minh chứng việc {number} ({index}/{count}): {fileName}";

    public static string EvidenceMissing(string fileName) => $"Không còn tệp «{fileName}» trong kho dữ liệu.";
}
