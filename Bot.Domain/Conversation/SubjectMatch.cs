using Bot.Domain.Assignments;
using Bot.Domain.Text;

namespace Bot.Domain.Conversation;

/// <summary>
/// Which directives a person means by what they are about ("công văn về số hóa hồ sơ"): their subjects (trích yếu)
/// compared word by word, folded, without the small words, abbreviations written out ("TTHC" is "thủ tục hành
/// chính"), a word of four letters or more one slip off as in questions. Pure: the store gives the titles.
/// </summary>
public static class SubjectMatch
{
    // Words that say nothing of what a directive is about: function words and the question around the subject.
    private static readonly HashSet<string> Small = new(StringComparer.Ordinal)
    {
        "v", "ve", "viec", "cua", "va", "voi", "cac", "nhung", "cho", "tai", "trong", "tren", "theo", "la", "thi", "ma", "de", "o",
        "nay", "do", "gi", "nao", "sao", "the", "ra", "giao", "con", "co", "khong", "chua", "da", "roi", "nhu", "mot", "duoc", "bi",
    };

    // Abbreviations of the administration, as subjects and people write them.
    private static readonly Dictionary<string, string[]> Abbreviations = new(StringComparer.Ordinal)
    {
        ["tthc"] = ["thu", "tuc", "hanh", "chinh"],
        ["cchc"] = ["cai", "cach", "hanh", "chinh"],
        ["ubnd"] = ["uy", "ban", "nhan", "dan"],
        ["hdnd"] = ["hoi", "dong", "nhan", "dan"],
        ["pccc"] = ["phong", "chay", "chua", "chay"],
        ["attp"] = ["an", "toan", "thuc", "pham"],
        ["cntt"] = ["cong", "nghe", "thong", "tin"],
        ["ntm"] = ["nong", "thon", "moi"],
        ["dvc"] = ["dich", "vu", "cong"],
        ["bhyt"] = ["bao", "hiem", "y", "te"],
    };

    /// <summary>At least this share of the words asked must be in a subject for it to be meant.</summary>
    public const double Enough = 0.6;

    /// <summary>Subjects whose scores are this close to the best are meant about equally: the person is asked which.</summary>
    public const double AboutEqual = 0.1;

    /// <summary>
    /// The titles meant: the one whose subject holds most of the words asked (and most of their pairs, so "thủ tục hành
    /// chính" is not "thủ tướng chính phủ"); several when they match about equally; none when no subject holds enough.
    /// </summary>
    public static IReadOnlyList<DirectiveTitle> Best(IReadOnlyList<DirectiveTitle> titles, string about)
    {
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(about);
        var asked = Words(about);
        if (asked.Count == 0) return [];
        var candidates = new List<(DirectiveTitle Title, double Score)>();
        foreach (var title in titles)
        {
            if (string.IsNullOrWhiteSpace(title.Name.Subject)) continue;
            var (words, total) = Score(asked, Words(title.Name.Subject));
            if (words >= Enough) candidates.Add((title, total));
        }
        var scored = candidates.OrderByDescending(x => x.Score).ToList();
        if (scored.Count == 0) return [];
        var best = scored[0].Score;
        return [.. scored.TakeWhile(x => x.Score >= best - AboutEqual).Select(x => x.Title)];
    }

    /// <summary>The words that say what a text is about, folded (a message's Telex was read before), in order, abbreviations written out.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var word in Word.Split(VietnameseText.Fold(VietnameseText.Normalize(text))))
        {
            if (Abbreviations.TryGetValue(word.Text, out var full)) words.AddRange(full);
            else if (!Small.Contains(word.Text)) words.Add(word.Text);
        }
        return words;
    }

    /// <summary>The share of the words asked that the subject holds, and that with the share of their neighbouring pairs.</summary>
    private static (double Words, double Total) Score(List<string> asked, List<string> subject)
    {
        var words = asked.Count(a => subject.Any(s => IntentReader.Alike(a, s)));
        var share = (double)words / asked.Count;
        if (asked.Count < 2) return (share, share);
        var pairs = 0;
        for (var i = 0; i + 1 < asked.Count; i++)
        {
            for (var j = 0; j + 1 < subject.Count; j++)
            {
                if (!IntentReader.Alike(asked[i], subject[j]) || !IntentReader.Alike(asked[i + 1], subject[j + 1])) continue;
                pairs++;
                break;
            }
        }
        return (share, (share + (double)pairs / (asked.Count - 1)) / 2);
    }
}
