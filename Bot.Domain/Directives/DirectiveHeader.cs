using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Domain.Text;

namespace Bot.Domain.Directives;

/// <summary>
/// The parts of a directive around its body, laid out as Decree 30/2020/NĐ-CP prescribes:
/// issuing body and national motto on top, number and symbol, place and date, type and
/// subject ("V/v ..."), "Kính gửi:"; at the end "Nơi nhận:", the signature block and, for
/// digitally signed copies, the signatures' timestamps.
/// </summary>
/// <param name="IssuerUnit">The issuer's catalogue name when it is a unit of a committee ("Sở Nội vụ").</param>
/// <param name="BodyStart">The first line of the body.</param>
/// <param name="BodyEnd">The line after the body ("Nơi nhận", or the end).</param>
/// <param name="DatedMonth">The first day of the header's month when its day is left blank.</param>
public sealed partial record DirectiveHeader(
    string? Number,
    string? Issuer,
    string? IssuerUnit,
    DateOnly? IssuedOn,
    DateOnly? DatedMonth,
    string? DocumentType,
    string? Subject,
    string? Signer,
    string? SignerTitle,
    IReadOnlyList<string> Recipients,
    int BodyStart,
    int BodyEnd)
{
    /// <summary>The urgency mark: "Khẩn", "Thượng khẩn" or "Hỏa tốc", or null.</summary>
    public string? Urgency { get; init; }

    /// <summary>How far down the header may reach.</summary>
    private const int HeaderLines = 30;

    // "Số: 1259/UBND-VP" (OCR "Sb:", "Só:", "Sé:"), or "Số 15/KH-UBND" at the start of a line.
    [GeneratedRegex(@"(?:(?<![a-z0-9])s[a-z0-9]?\s*:|^\s*so\s)\s*(?<n>\d*)\s*/\s*(?<s>[a-z0-9.]+(?:\s*[-/]\s*[a-z0-9.]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern { get; }

    [GeneratedRegex(@",\s*ng[a-z]{1,3}\s*(?<d>\d{0,2})\s*th[a-z]{0,4}\s*(?<m>\d{1,2})\s*n[a-z]{0,3}\s*(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern { get; }

    // OCR may lose the comma: then the date must end its line ("Tu Ky ngay 25 thang 9 nam 2023").
    [GeneratedRegex(@"\sng[a-z]{1,3}\s*(?<d>\d{0,2})\s*th[a-z]{0,4}\s*(?<m>\d{1,2})\s*n[a-z]{0,3}\s*(?<y>\d{4})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DateWithoutComma { get; }

    [GeneratedRegex(@"(?<y>20\d\d)-(?<m>\d\d)-(?<d>\d\d)T\d\d:\d\d(:\d\d)?[+-]\d\d:?\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex SignedAt { get; }

    private static readonly (string Folded, string Written)[] Levels =
    [
        ("thanh pho", "thành phố"), ("thi xa", "thị xã"), ("thi tran", "thị trấn"), ("huyen", "huyện"), ("tinh", "tỉnh"),
        ("xa", "xã"), ("quan", "quận"), ("phuong", "phường"),
    ];

    private static readonly (string Folded, string Written)[] Types =
    [
        ("chi thi", "CHỈ THỊ"), ("ke hoach", "KẾ HOẠCH"), ("quyet dinh", "QUYẾT ĐỊNH"), ("thong bao", "THÔNG BÁO"),
        ("cong dien", "CÔNG ĐIỆN"), ("huong dan", "HƯỚNG DẪN"), ("chuong trinh", "CHƯƠNG TRÌNH"), ("bao cao", "BÁO CÁO"),
        ("to trinh", "TỜ TRÌNH"), ("nghi quyet", "NGHỊ QUYẾT"), ("cong van", "CÔNG VĂN"), ("ket luan", "KẾT LUẬN"),
    ];

    private static readonly (string Folded, string Written)[] SignerTitles =
    [
        ("kt. chu tich", "KT. CHỦ TỊCH"), ("tm. uy ban nhan dan", "TM. ỦY BAN NHÂN DÂN"), ("tm. ubnd", "TM. UBND"),
        ("tl. chu tich", "TL. CHỦ TỊCH"), ("kt. giam doc", "KT. GIÁM ĐỐC"), ("tl. giam doc", "TL. GIÁM ĐỐC"),
        ("pho chu tich", "PHÓ CHỦ TỊCH"), ("chu tich", "CHỦ TỊCH"), ("pho giam doc", "PHÓ GIÁM ĐỐC"), ("giam doc", "GIÁM ĐỐC"),
        ("chanh van phong", "CHÁNH VĂN PHÒNG"), ("pho chanh van phong", "PHÓ CHÁNH VĂN PHÒNG"), ("truong phong", "TRƯỞNG PHÒNG"),
    ];

    /// <summary>Reads the header and footer of a directive's lines (normalised text split at line ends).</summary>
    public static DirectiveHeader Read(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var folded = lines.Select(VietnameseText.Fold).ToArray();
        // A web page may print counters and a title above the header: the header starts at its issuing body or its motto,
        // and runs for a number of lines that carry text (blank lines of a page's layout do not count).
        var from = HeaderStart(lines, folded);
        var top = from;
        for (var seen = 0; top < lines.Count && seen < HeaderLines; top++)
            if (lines[top].Trim().Length > 0) seen++;

        var (number, numberLine) = FindNumber(lines, folded, from, top);
        var (issuedOn, datedMonth, placeWords, dateLine) = FindDate(lines, folded, from, top);
        var recipientsLine = Array.FindIndex(folded, from, top - from, IsKinhGui);
        var headerEnd = recipientsLine >= 0 ? recipientsLine : Math.Max(numberLine, dateLine) + 1;
        var typeEnd = Math.Max(numberLine, dateLine) + 1;
        for (var seen = 0; typeEnd < lines.Count && seen < 4; typeEnd++)
            if (lines[typeEnd].Trim().Length > 0) seen++;
        var (type, typeLine) = FindType(lines, folded, from, Math.Min(lines.Count, Math.Max(headerEnd, typeEnd)));
        var (subject, subjectEnd) = FindSubject(lines, folded, from, top, typeLine);
        // "V/v ..." (về việc) is how a công văn gives its subject.
        if (type is null && subject is not null && Array.FindIndex(folded, from, top - from, IsSubjectLine) >= 0) type = "CÔNG VĂN";

        var (recipients, recipientsEnd) = ReadRecipients(lines, folded, recipientsLine);
        var bodyStart = new[] { recipientsEnd, subjectEnd, numberLine + 1, dateLine + 1, typeLine + 1, 0 }.Max();
        var bodyEnd = FindBodyEnd(folded, bodyStart);

        issuedOn ??= FindSignedDate(lines);
        // The issuing body stands above the number; without a number, above the addressees.
        var issuerEnd = numberLine >= 0 ? numberLine + 1 : recipientsLine >= 0 ? recipientsLine : Math.Min(from + 8, lines.Count);
        var issuer = IssuerFromHeader(lines, folded, from, issuerEnd)
                     ?? IssuerFromColumn(lines, folded, from, numberLine >= 0 ? numberLine : issuerEnd)
                     ?? IssuerFromSignature(lines, folded)
                     ?? IssuerFromPlace(placeWords);
        var (signer, signerTitle) = ReadSignature(lines, folded, bodyEnd);
        return new DirectiveHeader(number, issuer?.Name, issuer?.Unit, issuedOn, datedMonth, type, subject, signer, signerTitle, recipients, bodyStart, bodyEnd)
        {
            Urgency = FindUrgency(lines, folded, from, Math.Max(top, bodyStart)),
        };
    }

    private static readonly (string Folded, string Written)[] Urgencies =
    [
        ("hoa toc hen gio", "Hỏa tốc hẹn giờ"), ("hoa toc", "Hỏa tốc"), ("thuong khan", "Thượng khẩn"), ("khan", "Khẩn"),
    ];

    /// <summary>
    /// The urgency mark (Decree 30/2020, Art. 15): "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC" on a line of its own in the header,
    /// or standing alone in a column of it ("Số: 12/UBND-VP      HỎA TỐC").
    /// </summary>
    private static string? FindUrgency(IReadOnlyList<string> lines, string[] folded, int from, int to)
    {
        for (var i = from; i < Math.Min(to, lines.Count); i++)
        {
            if (lines[i].Any(char.IsLower)) continue;
            foreach (var column in Regex.Split(folded[i], @"\s{3,}|\t"))
            {
                var words = string.Join(' ', Word.Split(column).Select(w => w.Text));
                foreach (var (f, written) in Urgencies)
                    if (words == f) return written;
            }
        }
        return null;
    }

    /// <summary>The first line of the header proper: the issuing body ("ỦY BAN NHÂN DÂN", "UBND TỈNH …", "SỞ …") or the motto.</summary>
    private static int HeaderStart(IReadOnlyList<string> lines, string[] folded)
    {
        for (var i = 0; i < Math.Min(lines.Count, 80); i++)
        {
            var line = folded[i].TrimStart();
            if (line.Length == 0 || lines[i].Any(char.IsLower) && !line.StartsWith("cong hoa", StringComparison.Ordinal)) continue;
            if (line.StartsWith("uy ban nhan dan", StringComparison.Ordinal) || line.StartsWith("ubnd", StringComparison.Ordinal)
                || line.StartsWith("cong hoa xa hoi", StringComparison.Ordinal) || line.StartsWith("so ", StringComparison.Ordinal)
                || line.StartsWith("hoi dong nhan dan", StringComparison.Ordinal) || line.StartsWith("bo ", StringComparison.Ordinal))
                return i;
        }
        return 0;
    }

    private static (string? Number, int Line) FindNumber(IReadOnlyList<string> lines, string[] folded, int from, int top)
    {
        for (var i = from; i < top; i++)
        {
            var (line, foldedLine) = (lines[i], folded[i]);
            // A header read from a table may leave "Số:" alone on its line, the number on the next.
            if (i + 1 < lines.Count && foldedLine.TrimEnd().EndsWith(':') && foldedLine.Trim().Length <= 4)
                (line, foldedLine) = (line.TrimEnd() + " " + lines[i + 1], foldedLine.TrimEnd() + " " + folded[i + 1]);
            var m = NumberPattern.Match(foldedLine);
            if (!m.Success) continue;
            var symbol = Regex.Replace(line.Substring(m.Groups["s"].Index, m.Groups["s"].Length), @"\s+", "")
                .TrimEnd('.').ToUpperInvariant();
            // An unnumbered copy leaves the number blank: "Số:     /UBND-VP".
            return (m.Groups["n"].Length == 0 ? null : $"{m.Groups["n"].Value}/{symbol}", i);
        }
        return (null, -1);
    }

    private static (DateOnly? Date, DateOnly? Month, List<string> Place, int Line) FindDate(IReadOnlyList<string> lines, string[] folded, int from, int top)
    {
        foreach (var pattern in new[] { DatePattern, DateWithoutComma })
        {
            for (var i = from; i < top; i++)
            {
                var m = pattern.Match(folded[i]);
                if (!m.Success) continue;
                var place = PlaceBefore(folded[i], m.Index).Select(w => lines[i].Substring(w.Start, w.Length)).ToList();
                var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
                var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                if (month is < 1 or > 12) continue;
                DateOnly? first = new DateOnly(year, month, 1);
                DateOnly? date = null;
                if (m.Groups["d"].Length > 0)
                {
                    var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                    if (day >= 1 && day <= DateTime.DaysInMonth(year, month)) date = new DateOnly(year, month, day);
                }
                return (date, first, place, i);
            }
        }
        return (null, null, [], -1);
    }

    /// <summary>The words of the place name before ", ngày": letters only, back to the number's symbol.</summary>
    private static List<Word> PlaceBefore(string foldedLine, int comma)
    {
        var words = Word.Split(foldedLine[..comma]);
        var place = new List<Word>();
        for (var k = words.Count - 1; k >= 0 && place.Count < 4; k--)
        {
            var w = words[k];
            var glued = w.Start > 0 && foldedLine[w.Start - 1] is not ' ' and not '\t'; // "UBND-VP", "/UBND"
            if (!w.Text.All(char.IsLetter) || glued) break;
            place.Insert(0, w);
        }
        return place;
    }

    /// <summary>The date of the first digital signature ("2023-10-19T17:13:44+0700"): the issuer signs first.</summary>
    private static DateOnly? FindSignedDate(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.Length < 19 || !line.Contains('T', StringComparison.Ordinal) || !line.Contains(':', StringComparison.Ordinal)) continue;
            var m = SignedAt.Match(line);
            if (!m.Success) continue;
            return DateOnly.TryParseExact($"{m.Groups["y"].Value}-{m.Groups["m"].Value}-{m.Groups["d"].Value}", "yyyy-MM-dd",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        }
        return null;
    }

    private static bool IsKinhGui(string foldedLine)
    {
        var words = Word.Split(foldedLine);
        return words.Count >= 2 && OcrDistance.Like(words[0].Text, "kinh") && words[1].Text.StartsWith('g') && words[1].Text.Length <= 4;
    }

    private static bool IsSubjectLine(string foldedLine) => SubjectStart.IsMatch(foldedLine);

    // "V/v" (về việc), also as OCR reads it: "V/V", "VIv", "V/y", "V/v:".
    [GeneratedRegex(@"^\s*v\s*[/|il1]\.?\s*[vy](?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectStart { get; }

    private static (string? Type, int Line) FindType(IReadOnlyList<string> lines, string[] folded, int from, int top)
    {
        for (var i = from; i < top; i++)
        {
            var words = Word.Split(folded[i]);
            if (words.Count is < 2 or > 3 || lines[i].Any(char.IsLower)) continue;
            foreach (var (f, written) in Types)
            {
                var expected = f.Split(' ');
                if (expected.Length == words.Count && expected.Select((e, k) => OcrDistance.Like(words[k].Text, e)).All(x => x))
                    return (written, i);
            }
        }
        return (null, -1);
    }

    private static (string? Subject, int End) FindSubject(IReadOnlyList<string> lines, string[] folded, int from, int top, int typeLine)
    {
        var start = Array.FindIndex(folded, from, top - from, IsSubjectLine);
        if (start < 0 && typeLine >= 0)
        {
            start = typeLine + 1;
            while (start < lines.Count && lines[start].Trim().Length == 0) start++;
            if (start >= lines.Count) return (null, -1);
        }
        if (start < 0) return (null, -1);
        var parts = new List<string>();
        var i = start;
        for (; i < lines.Count; i++)
        {
            var line = LeftColumn(lines[i], folded[i]).Trim();
            if (i > start && (IsKinhGui(folded[i]) || line.Length == 0 && lines[i].Trim().Length > 0 || NumberPattern.IsMatch(folded[i])
                              || DatePattern.IsMatch(VietnameseText.Fold(line)))) break;
            if (line.Length == 0)
            {
                // A blank line ends the subject unless the next line carries on in lower case.
                var next = i + 1;
                while (next < lines.Count && lines[next].Trim().Length == 0) next++;
                if (next < lines.Count && char.IsLower(lines[next].Trim()[0]) && !IsKinhGui(folded[next])) continue;
                break;
            }
            parts.Add(line);
        }
        if (parts.Count == 0) return (null, -1);
        var subject = Regex.Replace(string.Join(' ', parts), @"\s+", " ");
        return (subject, i);
    }

    /// <summary>
    /// A header line without what a PDF prints beside it in the right column: the motto ("CỘNG HÒA XÃ HỘI …") or the
    /// place and date ("V/v tăng cường …      Thanh Miện, ngày 05 tháng 3 năm 2024").
    /// </summary>
    private static string LeftColumn(string line, string foldedLine)
    {
        var words = Word.Split(foldedLine);
        var cut = MottoStart(words);
        var end = cut < words.Count ? words[cut].Start : line.Length;
        var date = DatePattern.Match(foldedLine);
        if (date.Success && date.Index < end)
        {
            // The place's words are capitalised ("Thanh Miện, ngày …"); the subject's before them are not.
            var place = PlaceBefore(foldedLine, date.Index).SkipWhile(w => !char.IsUpper(line[w.Start])).ToList();
            end = place.Count > 0 ? place[0].Start : date.Index;
        }
        return line[..end];
    }

    private static (IReadOnlyList<string> Recipients, int End) ReadRecipients(IReadOnlyList<string> lines, string[] folded, int at)
    {
        if (at < 0) return ([], -1);
        var items = new List<string>();
        var first = lines[at];
        var colon = first.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && first[(colon + 1)..].Trim().Length > 0) items.Add(first[(colon + 1)..]);
        var i = at + 1;
        for (; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (line[0] is not ('-' or '+' or '–' or '•')) break;
            items.Add(line[1..]);
        }
        var names = new List<string>();
        foreach (var item in items)
        {
            var text = item.Trim().TrimEnd(';', '.', ',').Trim();
            if (text.Length == 0) continue;
            var units = UnitMentions.Find(new WordText(text)).Where(m => !m.IsSpeaker).SelectMany(m => m.Units).ToList();
            if (units.Count > 0) names.AddRange(units.Where(u => !names.Contains(u)));
            else names.Add(text);
        }
        return (names, i);
    }

    private static int FindBodyEnd(string[] folded, int from)
    {
        for (var i = Math.Max(0, from); i < folded.Length; i++)
        {
            var start = folded[i].AsSpan().TrimStart();
            if (start.Length < 6 || start[0] != 'n') continue; // a cheap look before reading the words
            var words = Word.Split(folded[i]);
            if (words.Count >= 2 && words[0].Start <= 2 && OcrDistance.Like(words[0].Text, "noi")
                && words[1].Text.StartsWith("nh", StringComparison.Ordinal) && words[1].Text.Length <= 5)
                return i;
        }
        // No "Nơi nhận": the body ends at the signature block's title on a line of its own ("KT. CHỦ TỊCH").
        for (var i = Math.Max(0, from); i < folded.Length; i++)
        {
            var line = folded[i].Trim();
            if (line.Length > 0 && SignerTitles.Any(t => line == t.Folded || line.StartsWith(t.Folded + " ", StringComparison.Ordinal) && line.Length < 30)
                && (line.StartsWith("kt.", StringComparison.Ordinal) || line.StartsWith("tm.", StringComparison.Ordinal)
                    || line.StartsWith("tl.", StringComparison.Ordinal) || line == "chu tich" || line == "giam doc"))
                return i;
        }
        return folded.Length;
    }

    private static (string Name, string? Unit)? IssuerFromHeader(IReadOnlyList<string> lines, string[] folded, int from, int end)
    {
        // The header's left column, line by line, without the national motto of the right column.
        var words = new List<(string Folded, string Original, int Line)>();
        for (var i = from; i < Math.Min(end, lines.Count); i++)
        {
            var w = Word.Split(folded[i]);
            var cut = MottoStart(w);
            // The issuing body stands on short lines of its own; a sentence of prose is not a header.
            if (cut > 12) continue;
            foreach (var x in w.Take(cut)) words.Add((x.Text, lines[i].Substring(x.Start, x.Length), i));
        }
        return IssuerIn(words);
    }

    /// <summary>
    /// Any issuing body in the layout of Decree 30/2020: its parent on the first line of the header's left column, itself
    /// on the lines below ("SỞ GD&amp;ĐT TỈNH BÌNH ĐỊNH / TRƯỜNG THPT TRƯNG VƯƠNG" → Trường THPT Trưng Vương), or alone on
    /// the first ("SỞ TƯ PHÁP TỈNH HÀ NAM"). The lines are in capitals and name a body by its head noun.
    /// </summary>
    private static (string Name, string? Unit)? IssuerFromColumn(IReadOnlyList<string> lines, string[] folded, int from, int end)
    {
        var column = new List<string>();
        for (var i = from; i < Math.Min(end, Math.Min(lines.Count, from + 8)); i++)
        {
            var w = Word.Split(folded[i]);
            var cut = MottoStart(w);
            if (cut == 0 || cut > 10) continue;
            var text = lines[i][..(cut < w.Count ? w[cut].Start : lines[i].Length)].Trim();
            if (text.Length == 0 || text.Any(char.IsLower) || NumberPattern.IsMatch(folded[i])) continue;
            column.Add(text);
        }
        if (column.Count == 0) return null;
        var body = column.Count >= 2 ? string.Join(' ', column.Skip(1)) : column[0];
        var words = new WordText(TitleCase(body));
        var named = UnitMentions.Find(words);
        if (named.Count == 0 || named[0].Start != 0 || named[0].IsSpeaker) return null;
        return (TitleCase(body), named[0].End == words.Count && named[0].Units is [var unit] && !named[0].ByShape ? unit : null);
    }

    /// <summary>A name written in capitals as a name is written: "TRƯỜNG THPT TRƯNG VƯƠNG" → "Trường THPT Trưng Vương".</summary>
    internal static string TitleCase(string capitals)
    {
        var words = capitals.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w =>
        {
            // An abbreviation keeps its capitals: no vowel in it ("THPT", "GD&ĐT", "TNMT").
            if (!w.Any(c => "aăâeêioôơuưy".Contains(VietnameseText.Fold(char.ToLowerInvariant(c)), StringComparison.Ordinal) || "ăâêôơư".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal))) return w;
            var lower = w.ToLowerInvariant();
            return char.ToUpperInvariant(lower[0]) + lower[1..];
        }));
    }

    private static (string Name, string? Unit)? IssuerFromSignature(IReadOnlyList<string> lines, string[] folded)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var f = folded[i];
            if (!f.Contains("ky boi", StringComparison.Ordinal) && !f.Contains("da ky", StringComparison.Ordinal)) continue;
            var stop = f.IndexOfAny(['<', '(']);
            var w = Word.Split(stop >= 0 ? f[..stop] : f);
            var issuer = IssuerIn(w.Select(x => (x.Text, lines[i].Substring(x.Start, x.Length), i)).ToList());
            if (issuer is not null) return issuer;
        }
        return null;
    }

    private static (string Name, string? Unit)? IssuerFromPlace(List<string> placeWords)
    {
        if (placeWords.Count == 0) return null;
        var place = Places.Find(placeWords);
        return place is null ? null : ($"UBND {place.Level} {place.Name}", null);
    }

    /// <summary>"ỦY BAN NHÂN DÂN / HUYỆN TỨ KỲ" → "UBND huyện Tứ Kỳ".</summary>
    private static (string Name, string? Unit)? IssuerIn(List<(string Folded, string Original, int Line)> words)
    {
        // Under its parent ("UBND TỈNH HẢI DƯƠNG / UBND HUYỆN TỨ KỲ") the lower committee issues: the last one named.
        (string Name, string? Unit)? issuer = null;
        for (var i = 0; i < words.Count; i++)
        {
            int next;
            if (words[i].Folded == "ubnd") next = i + 1;
            else if (i + 3 < words.Count && OcrDistance.Like(words[i].Folded, "uy") && OcrDistance.Like(words[i + 1].Folded, "ban")
                     && OcrDistance.Like(words[i + 2].Folded, "nhan") && OcrDistance.Like(words[i + 3].Folded, "dan")) next = i + 4;
            else continue;
            foreach (var (levelFolded, levelWritten) in Levels)
            {
                var level = levelFolded.Split(' ');
                if (next + level.Length >= words.Count) continue;
                if (!level.Select((l, k) => OcrDistance.Like(words[next + k].Folded, l)).All(x => x)) continue;
                var placeStart = next + level.Length;
                var line = words[placeStart].Line;
                // A place is named in capitals ("HUYỆN TỨ KỲ", "huyện Tứ Kỳ"): "UBND huyện đã có Công văn" names none.
                // "QUẬN 9", "PHƯỜNG 5": a place may be a number.
                var place = words.Skip(placeStart).TakeWhile(w => w.Line == line && (w.Folded.Any(char.IsLetter) || w.Folded.All(char.IsAsciiDigit))
                                                          && (char.IsUpper(w.Original[0]) || !w.Original.Any(char.IsLower)))
                    .Take(5).Select(w => w with { Original = OcrNames.Repair(w.Original) }).ToList();
                if (place.Count == 0) continue;
                var known = Places.Find(place.Select(p => p.Original).ToList(), levelWritten);
                var name = known?.Name ?? Places.AsWritten(string.Join(' ', place.Select(p => p.Original)));
                var below = BodyBelow(words, line);
                issuer = below is null ? ($"UBND {levelWritten} {name}", null) : ($"{below} {levelWritten} {name}", below);
                break;
            }
        }
        return issuer;
    }

    /// <summary>
    /// A body of the committee named on the header line below it ("UBND TỈNH HẢI DƯƠNG / SỞ NỘI VỤ"):
    /// it is the issuer, by its catalogue name.
    /// </summary>
    private static string? BodyBelow(List<(string Folded, string Original, int Line)> words, int line)
    {
        var next = words.FindIndex(w => w.Line > line);
        if (next < 0) return null;
        var below = words.Skip(next).TakeWhile(w => w.Line == words[next].Line).ToList();
        var written = string.Join(' ', below.Select(w => w.Original));
        // The number's line ("Số: / TB-UBND") is not a body.
        // The number's line ("Số: / TB-UBND") is not a body: "Số" (number) and "SỞ" (department) fold alike, not spell alike.
        if (below.Count == 0 || below[0].Original.Equals("Số", StringComparison.OrdinalIgnoreCase) || below[0].Original.Equals("So", StringComparison.Ordinal))
            return null;
        var text = new WordText(TitleCase(written));
        var mentions = UnitMentions.Find(text);
        return mentions.Count == 1 && mentions[0].Start == 0 && mentions[0].End == text.Count && !mentions[0].Entry.IsIssuer && mentions[0].Units.Count == 1
            ? mentions[0].Units[0]
            : null;
    }

    /// <summary>Where the right column's "CỘNG HÒA XÃ HỘI ..." / "Độc lập - Tự do ..." starts on a header line.</summary>
    // Every word of the header's lines is tried as "độc" (of "Độc lập"), and the same words recur in every directive.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Doc = new(StringComparer.Ordinal);

    /// <summary>An OCR reading of "doc" (folded) within two confusions.</summary>
    private static bool LikeDoc(string word)
    {
        if (Doc.TryGetValue(word, out var like)) return like;
        if (Doc.Count > 10_000) Doc.Clear(); // a bounded memo
        return Doc[word] = OcrDistance.Between(word, "doc") <= 2 * OcrDistance.Confusion;
    }

    private static int MottoStart(List<Word> words)
    {
        for (var k = 0; k < words.Count; k++)
        {
            var w = words[k].Text;
            var next = k + 1 < words.Count ? words[k + 1].Text : "";
            if (OcrDistance.Like(w, "cong") && OcrDistance.Like(next, "hoa")) return k;
            if (LikeDoc(w) && OcrDistance.Like(next, "lap")) return k;
            if (OcrDistance.Like(w, "tu") && OcrDistance.Like(next, "do")) return k;
        }
        return words.Count;
    }

    private static (string? Signer, string? Title) ReadSignature(IReadOnlyList<string> lines, string[] folded, int from)
    {
        string? signer = null;
        var titles = new List<(int Line, int At, string Written)>();
        for (var i = Math.Max(0, from); i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var name = OcrNames.Repair(line.TrimStart('~', '-', '.', ' ', '*', '_', '\'', '"'));
            if (line.Length > 0 && line[0] != '-' && IsName(name)) signer = OcrNames.RestorePerson(RestoreDj(name));
            FindTitles(lines[i], folded[i], i, titles);
        }
        var title = titles.Count == 0 ? null : string.Join(" / ", titles.OrderBy(t => t.Line).ThenBy(t => t.At).Select(t => t.Written));
        return (signer, title);
    }

    private static void FindTitles(string line, string foldedLine, int lineIndex, List<(int, int, string)> titles)
    {
        var taken = new bool[foldedLine.Length];
        foreach (var (f, written) in SignerTitles)
        {
            var at = 0;
            while ((at = foldedLine.IndexOf(f, at, StringComparison.Ordinal)) >= 0)
            {
                var span = line.AsSpan(at, f.Length);
                var isCaps = !span.ContainsAnyInRange('a', 'z') && !span.ToString().Any(char.IsLower);
                if (isCaps && !taken.AsSpan(at, f.Length).Contains(true))
                {
                    titles.Add((lineIndex, at, written));
                    taken.AsSpan(at, f.Length).Fill(true);
                }
                at += f.Length;
            }
        }
    }

    /// <summary>
    /// OCR reads "Đ" as "P"; a Vietnamese syllable never starts with "p" and a vowel (only "ph"),
    /// so "Pào" is "Đào".
    /// </summary>
    private static string RestoreDj(string name) =>
        string.Join(' ', name.Split(' ').Select(w =>
            w.Length > 1 && w[0] == 'P' && "aeiouy".Contains(VietnameseText.Fold(w[1]), StringComparison.Ordinal) ? "Đ" + w[1..] : w));

    /// <summary>A person's name: two to five capitalised words of letters ("Đào Văn Soái").</summary>
    private static bool IsName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5) return false;
        foreach (var w in words)
        {
            if (!w.All(char.IsLetter) || !char.IsUpper(w[0])) return false;
            if (w.Length > 1 && !w.Skip(1).All(char.IsLower)) return false;
        }
        var key = VietnameseText.Key(text);
        return !key.Contains("chu tich", StringComparison.Ordinal) && !key.Contains("giam doc", StringComparison.Ordinal)
               && !key.StartsWith("noi nh", StringComparison.Ordinal) && !key.StartsWith("nhu tren", StringComparison.Ordinal);
    }
}
