using System.Text.RegularExpressions;
using Bot.Domain.Text;
using Bot.Domain.Time;

namespace Bot.Domain.Directives;

/// <summary>
/// How sure the reader is of what it read, from how it read it: a unit named outright is surer than one
/// inherited from a lead-in or the sentence before; a deadline with its year surer than one without; and
/// what a clerk should check first, in short Vietnamese ("chưa rõ đơn vị chủ trì"). The office's review
/// screen shows these first.
/// </summary>
internal static partial class Ratings
{
    [GeneratedRegex(@"(?<!\d)(19|20)\d\d(?!\d)|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FullYear { get; }

    public static TaskConfidence Of(DirectiveTask task, TaskDraft draft, TimeMention? deadline, DateSource dateSource)
    {
        var review = new List<string>();
        if (task.Kind == TaskKind.Request)
        {
            review.Add("đề nghị gửi cơ quan ngoài UBND, chỉ để theo dõi");
            return new TaskConfidence(0.8, 1, 1, 1, review);
        }
        var lead = LeadRating(task, draft, review);
        var support = 1.0;
        if (task.Support.Contains(UnitCatalog.Related) || task.Lead.Contains(UnitCatalog.Related))
        {
            support = 0.8;
            review.Add("cần chọn cụ thể các đơn vị liên quan");
        }
        var deadlineRating = DeadlineRating(task, deadline, dateSource, review);
        var overall = Math.Round(Math.Min(lead, Math.Min(support, deadlineRating)), 2);
        return new TaskConfidence(overall, lead, support, deadlineRating, review);
    }

    private static double LeadRating(DirectiveTask task, TaskDraft draft, List<string> review)
    {
        if (task.Lead.Count == 0)
        {
            review.Add("chưa rõ đơn vị chủ trì");
            return 0.1;
        }
        var rating = draft.Source switch
        {
            LeadSource.Own => 0.95,
            LeadSource.Parent => 0.9,
            LeadSource.LeadIn => 0.8,
            LeadSource.BackReference => 0.75,
            LeadSource.Previous => 0.7,
            LeadSource.Addressees => 0.65,
            _ => 0.5,
        };
        switch (draft.Source)
        {
            case LeadSource.LeadIn: review.Add("đơn vị chủ trì lấy theo câu mở đầu"); break;
            case LeadSource.BackReference: review.Add("đơn vị chủ trì lấy theo các đơn vị được nêu trước đó"); break;
            case LeadSource.Previous: review.Add("đơn vị chủ trì lấy theo câu trước"); break;
            case LeadSource.Addressees: review.Add("đơn vị chủ trì lấy theo phần Kính gửi"); break;
        }
        if (draft.ByShape)
        {
            rating = Math.Min(rating, 0.7);
            review.Add("tên đơn vị chưa có trong danh mục, cần đối chiếu");
        }
        return rating;
    }

    private static double DeadlineRating(DirectiveTask task, TimeMention? deadline, DateSource dateSource, List<string> review)
    {
        if (deadline is null)
        {
            var key = VietnameseText.Fold(task.Text);
            if (key.Contains("truoc ngay", StringComparison.Ordinal) || key.Contains("cham nhat", StringComparison.Ordinal)
                || key.Contains("thoi han", StringComparison.Ordinal))
            {
                review.Add("có nhắc thời hạn nhưng chưa đọc được, cần xem lại");
                return 0.5;
            }
            return 0.9;
        }
        var rating = 0.95;
        var phrase = VietnameseText.Fold(deadline.Text);
        if (task.Recurrence is null && deadline.Kind != TimeKind.Duration && !FullYear.IsMatch(deadline.Text)
            && !phrase.Contains("nam nay", StringComparison.Ordinal) && deadline.Grain is TimeGrain.Day or TimeGrain.Hour or TimeGrain.Minute or TimeGrain.Month)
        {
            rating = 0.7;
            review.Add(dateSource is DateSource.Header or DateSource.HeaderMonth ? "hạn không có năm, đã lấy năm của văn bản" : "hạn không có năm, đã lấy năm theo ngày đăng tin");
        }
        if (phrase.Contains("nhan duoc", StringComparison.Ordinal) || phrase.Contains("ke tu", StringComparison.Ordinal))
        {
            rating = Math.Min(rating, 0.75);
            review.Add("hạn tính từ ngày ban hành văn bản, cần kiểm tra ngày nhận");
        }
        else if (phrase.TrimStart().StartsWith("den", StringComparison.Ordinal) || phrase.TrimStart().StartsWith("tu ", StringComparison.Ordinal))
        {
            rating = Math.Min(rating, 0.8);
            review.Add("hạn lấy theo ngày cuối của khoảng thời gian");
        }
        if (task.Recurrence is { } rule && !rule.Contains("BYMONTHDAY", StringComparison.Ordinal) && !rule.Contains("BYDAY", StringComparison.Ordinal))
        {
            rating = Math.Min(rating, 0.8);
            review.Add("việc định kỳ chưa ghi ngày, đã lấy cuối mỗi kỳ");
        }
        if (task.DueBefore is null && task.Recurrence is null)
        {
            rating = Math.Min(rating, 0.5);
            review.Add("thời hạn chưa tính được ngày cụ thể");
        }
        return rating;
    }

    /// <summary>What to check in the header.</summary>
    public static IReadOnlyList<string> OfHeader(DirectiveHeader header, DateSource dateSource)
    {
        var review = new List<string>();
        if (header.Issuer is null) review.Add("chưa rõ cơ quan ban hành");
        switch (dateSource)
        {
            case DateSource.HeaderMonth: review.Add("văn bản chưa ghi ngày, đã lấy đầu tháng"); break;
            case DateSource.Lead: review.Add("ngày văn bản lấy theo câu dẫn của bản tin"); break;
            case DateSource.Page: review.Add("ngày văn bản lấy theo ngày đăng tin"); break;
            case DateSource.Latest: review.Add("ngày văn bản suy ra từ các ngày trong bài"); break;
            case DateSource.Reference: review.Add("văn bản không có ngày, đã lấy ngày đọc"); break;
        }
        return review;
    }
}
