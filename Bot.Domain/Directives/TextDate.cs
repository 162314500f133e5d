using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Domain.Text;

namespace Bot.Domain.Directives;

/// <summary>How the text's own date was found.</summary>
public enum DateSource
{
    /// <summary>"Tứ Kỳ, ngày 25 tháng 9 năm 2023" under the number, or the digital signature's date.</summary>
    Header,

    /// <summary>The month of a header whose day is left blank ("ngày    tháng 11 năm 2023").</summary>
    HeaderMonth,

    /// <summary>A digest's lead: "Ngày 04/01/2022, Chủ tịch UBND tỉnh có Công văn …".</summary>
    Lead,

    /// <summary>The web page's date: "Ngày đăng: 05/01/2022", "22/04/2021 16:30".</summary>
    Page,

    /// <summary>The latest date the text names (of a document it rests on, or of what it reports).</summary>
    Latest,

    /// <summary>None in the text: the day it is read.</summary>
    Reference,
}

/// <summary>
/// The day a directive speaks from, which resolves its dates ("trước ngày 13/02" takes its year) and
/// counts from its receipt: the header's date; for a digest or a news page without a header, the
/// date of its lead ("Ngày 04/01/2022, Chủ tịch UBND tỉnh có Công văn …"), the page's own date
/// ("Ngày đăng: 05/01/2022"; the date a crawler printed, later than the page's, is passed over), or
/// the latest date the text names. Pure: the reader passes the day it reads as the last resort.
/// </summary>
public static partial class TextDate
{
    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})(?:\s*[/.-]\s*(?<y>\d{4}))?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric { get; }

    [GeneratedRegex(@"ngay\s+(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})(?:\s+nam\s+(?<y>\d{4}))?", RegexOptions.CultureInvariant)]
    private static partial Regex Spelled { get; }

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Year { get; }

    [GeneratedRegex(@"^\W*(?:ngay dang|ngay cap nhat|cap nhat|dang ngay|ngay xuat ban|xuat ban|thoi gian dang|ngay ban hanh)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PageLabel { get; }

    [GeneratedRegex(@"\d{1,2}:\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex Clock { get; }

    /// <summary>The first lines of a page, where its date stands.</summary>
    private const int PageTop = 16;

    /// <summary>The text's own date and where it comes from.</summary>
    public static (DateOnly Day, DateSource Source) Of(DirectiveHeader header, IReadOnlyList<string> lines, DateOnly reference)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(lines);
        if (header.IssuedOn is { } issued) return (issued, DateSource.Header);
        if (header.DatedMonth is { } month) return (month, DateSource.HeaderMonth);
        var folded = lines.Select(VietnameseText.Fold).ToList();
        var page = PageDate(folded);
        var year = UsualYear(folded);
        if (LeadDate(folded, page?.Year ?? year) is { } lead && (page is null || lead <= page.Value))
            return (lead, DateSource.Lead);
        if (page is { } p) return (p, DateSource.Page);
        if (LatestDate(folded) is { } latest) return (latest, DateSource.Latest);
        if (year is { } y) return (new DateOnly(y, 1, 1), DateSource.Latest);
        return (reference, DateSource.Reference);
    }

    /// <summary>
    /// The page's date among its first lines: one given with a label ("Ngày đăng:", "Ngày cập nhật") first; else a line
    /// that is mostly a date, one with a time of day first ("05/06/2024 16:30", "Thứ Hai, 25/01/2021, 22:47"). Of
    /// two dates the earlier: a crawler stamps the day it read the page above the page's own ("Thursday, 18/07/2024").
    /// </summary>
    private static DateOnly? PageDate(List<string> folded)
    {
        var labelled = new List<DateOnly>();
        var timed = new List<DateOnly>();
        var bare = new List<DateOnly>();
        var seen = 0;
        foreach (var line in folded)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            if (++seen > PageTop) break;
            var words = Word.Split(trimmed);
            if (words.Count > 12) continue;
            var date = FirstDate(trimmed, null);
            if (date is null) continue;
            if (PageLabel.IsMatch(trimmed)) labelled.Add(date.Value);
            else if (Clock.IsMatch(trimmed)) timed.Add(date.Value);
            else if (words.Count <= 6) bare.Add(date.Value);
        }
        if (labelled.Count > 0) return labelled.Min();
        if (timed.Count > 0) return timed.Min();
        return bare.Count > 0 ? bare.Min() : null;
    }

    /// <summary>
    /// "Ngày 04/01/2022, Chủ tịch UBND tỉnh có Công văn …", "Ngày 7/1, Chủ tịch UBND tỉnh … ký ban hành", "Chiều ngày 24/10,
    /// UBND huyện đã tổ chức hội nghị": a sentence that opens with a day and tells of the issuing. A day without its year
    /// takes the page's year, or the latest year the text names.
    /// </summary>
    private static DateOnly? LeadDate(List<string> folded, int? year)
    {
        foreach (var line in folded)
        {
            var trimmed = line.TrimStart();
            var at = trimmed.IndexOf("ngay ", StringComparison.Ordinal);
            if (at < 0 || at > 30) continue;
            var opening = trimmed[..Math.Min(trimmed.Length, 200)];
            if (!(opening.Contains("ban hanh", StringComparison.Ordinal) || opening.Contains("cong van", StringComparison.Ordinal)
                  || opening.Contains(" ky ", StringComparison.Ordinal) || opening.Contains("hoi nghi", StringComparison.Ordinal)
                  || opening.Contains("cuoc hop", StringComparison.Ordinal) || opening.Contains("phien hop", StringComparison.Ordinal)
                  || opening.Contains("van ban", StringComparison.Ordinal) || opening.Contains("chi thi", StringComparison.Ordinal)))
                continue;
            var rest = trimmed[at..Math.Min(trimmed.Length, at + 40)];
            if (FirstDate(rest, year) is { } day) return day;
        }
        return null;
    }

    /// <summary>
    /// The latest full date the text names that is not a time it sets ("trước ngày …", "chậm nhất …", "đến hết …"): the
    /// directive is not older than what it cites or reports.
    /// </summary>
    private static DateOnly? LatestDate(List<string> folded)
    {
        DateOnly? latest = null;
        foreach (var line in folded)
        {
            foreach (var m in Numeric.Matches(line).Concat(Spelled.Matches(line)))
                if (m.Groups["y"].Success && !SetsTime(line, m.Index) && Make(m, null) is { } d && (latest is null || d > latest)) latest = d;
        }
        return latest;
    }

    private static readonly string[] TimeCues = ["truoc", "nhat", "han", "den", "het", "toi", "trong", "thanh", "tu", "vao", "sau", "la"];

    /// <summary>A cue of a deadline or a window within the few words before a date.</summary>
    private static bool SetsTime(string line, int at)
    {
        var before = Word.Split(line[..at]);
        for (var k = before.Count - 1; k >= 0 && k >= before.Count - 3; k--)
            if (TimeCues.Contains(before[k].Text)) return true;
        return false;
    }

    /// <summary>The year the text names most often (the later of a tie): "Tết Quý Tỵ … năm 2013", not "nhiệm kỳ 2021 - 2026".</summary>
    private static int? UsualYear(List<string> folded)
    {
        var years = folded.SelectMany(l => Year.Matches(l).Select(m => int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)))
            .Where(y => y is >= 1990 and <= 2100).ToList();
        return years.Count == 0 ? null : years.GroupBy(y => y).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
    }

    private static DateOnly? FirstDate(string line, int? year)
    {
        var spelled = Spelled.Match(line);
        var numeric = Numeric.Match(line);
        var m = spelled.Success && (!numeric.Success || spelled.Index < numeric.Index) ? spelled : numeric;
        return m.Success ? Make(m, year) : null;
    }

    private static DateOnly? Make(Match m, int? year)
    {
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var y = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : year;
        if (y is not { } yy || yy is < 1990 or > 2100 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(yy, mo)) return null;
        return new DateOnly(yy, mo, d);
    }
}
