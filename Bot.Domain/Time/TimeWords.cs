using Bot.Domain.Text;

namespace Bot.Domain.Time;

/// <summary>
/// The Vietnamese words the time recognizer reads, as data apart from the engine. Every word is
/// folded (lower case, no diacritics, đ → d), as the engine sees text. Where a keyword is
/// expected, OCR-damaged forms are read through <see cref="Keywords"/> ("nidm" → "nam",
/// "trwee" → "truoc"); numbers and short function words are only matched exactly.
/// </summary>
internal static class TimeWords
{
    /// <summary>
    /// Keywords matched OCR-tolerantly in the slots where the grammar expects one of them. A
    /// damaged word maps to the closest of these or to nothing, so "thanh" never reads as "thang".
    /// </summary>
    public static readonly Vocabulary Keywords = new(
    [
        "ngay",   // ngày: day
        "thang",  // tháng: month
        "nam",    // năm: year
        "quy",    // quý: quarter
        "tuan",   // tuần: week
        "truoc",  // trước: before
        "cham",   // chậm (nhất): at the latest
        "nhat",
        "hang",   // hằng / hàng: every (hằng tháng)
        "dinh",   // định kỳ: periodically
        "ky",
        "het",    // (đến) hết: until the end of
        "trong",  // trong: within, during
        "hoan",   // hoàn thành: complete
        "thanh",
        "han",    // hạn: deadline
        "lam",    // (ngày) làm việc: working day
        "viec",
        "nhan",   // nhận (được): receive
        "cuoi",   // cuối: end of
        "dau",    // đầu: beginning of
        "gio",    // giờ: o'clock
    ]);

    /// <summary>
    /// Words that fold within OCR reach of a keyword but are words of their own, as written with their diacritics:
    /// "sạch hơn năm 2017" has no "hạn"; "thông", "thống" are not "tháng".
    /// </summary>
    public static readonly HashSet<string> NotKeywords = new(
        ["hơn", "hôn", "hồn", "hờn", "thông", "thống", "việt", "hạng", "hương", "tháp"],
        StringComparer.Ordinal);

    private static readonly WordMemo<string> KeywordMemo = new(static word => Keywords.Match(word) ?? "");

    /// <summary>
    /// The keyword a folded word reads as, or "" for none. Memoised here because texts repeat
    /// their words and the scan asks for every word that may open a phrase.
    /// </summary>
    public static string KeywordOf(string word) => KeywordMemo.Get(word);

    /// <summary>
    /// Spelled numbers, for "tháng ba", "quý tư", "ba ngày nữa", with how they are written: a word
    /// must carry these accents or none. "tư" is four only after a unit ("tháng tư", "thứ tư"), and
    /// "sau", "tam", "bay" without accents are "after", "temporary", "fly" unless a unit stands before.
    /// </summary>
    public static readonly Dictionary<string, (int Value, string Written)> Numbers = new(StringComparer.Ordinal)
    {
        ["mot"] = (1, "một"), ["hai"] = (2, "hai"), ["ba"] = (3, "ba"), ["bon"] = (4, "bốn"), ["tu"] = (4, "tư"),
        ["nam"] = (5, "năm"), ["sau"] = (6, "sáu"), ["bay"] = (7, "bảy"), ["tam"] = (8, "tám"), ["chin"] = (9, "chín"),
        ["muoi"] = (10, "mười"),
    };

    /// <summary>Spelled numbers that, written without accents, are more often other words.</summary>
    public static readonly string[] AmbiguousPlainNumbers = ["sau", "tam", "bay", "tu"];

    /// <summary>Month names besides the numbered ones: tháng giêng (first), tháng chạp (twelfth).</summary>
    public static readonly Dictionary<string, int> MonthNames = new(StringComparer.Ordinal)
    {
        ["gieng"] = 1, ["chap"] = 12,
    };

    /// <summary>Quarters in Roman numerals, as directives write them: Quý I … Quý IV.</summary>
    public static readonly Dictionary<string, int> Roman = new(StringComparer.Ordinal)
    {
        ["i"] = 1, ["ii"] = 2, ["iii"] = 3, ["iv"] = 4,
    };

    /// <summary>"thứ hai" … "thứ bảy" (Monday … Saturday) by the word after "thứ"; ISO day numbers.</summary>
    public static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["hai"] = DayOfWeek.Monday, ["2"] = DayOfWeek.Monday,
        ["ba"] = DayOfWeek.Tuesday, ["3"] = DayOfWeek.Tuesday,
        ["tu"] = DayOfWeek.Wednesday, ["4"] = DayOfWeek.Wednesday,
        ["nam"] = DayOfWeek.Thursday, ["5"] = DayOfWeek.Thursday,
        ["sau"] = DayOfWeek.Friday, ["6"] = DayOfWeek.Friday,
        ["bay"] = DayOfWeek.Saturday, ["7"] = DayOfWeek.Saturday,
    };

    /// <summary>How the weekday words are written with their accents: "thứ tư" is Wednesday, "thứ tự" is an order.</summary>
    public static readonly Dictionary<string, string> WeekdaySpellings = new(StringComparer.Ordinal)
    {
        ["hai"] = "hai", ["ba"] = "ba", ["tu"] = "tư", ["nam"] = "năm", ["sau"] = "sáu", ["bay"] = "bảy",
    };

    /// <summary>Sunday: "chủ nhật", and the southern "chúa nhật".</summary>
    public static readonly string[] SundayFirstWords = ["chu", "chua"];

    /// <summary>
    /// Parts of the day as hour windows [from, to). Duckling's conventions, which people also
    /// use in chat: sáng 04–12, trưa 12–14, chiều 12–18, tối 18–24, đêm 18–24.
    /// </summary>
    public static readonly Dictionary<string, (int From, int To)> PartsOfDay = new(StringComparer.Ordinal)
    {
        ["sang"] = (4, 12), ["trua"] = (12, 14), ["chieu"] = (12, 18), ["toi"] = (18, 24), ["dem"] = (18, 24),
    };

    /// <summary>Units of a count: "3 ngày", "2 tuần", "một tiếng", "3 s".</summary>
    public static readonly Dictionary<string, TimeGrain> Units = new(StringComparer.Ordinal)
    {
        ["giay"] = TimeGrain.Second, ["s"] = TimeGrain.Second,
        ["phut"] = TimeGrain.Minute,
        ["gio"] = TimeGrain.Hour, ["tieng"] = TimeGrain.Hour,
        ["ngay"] = TimeGrain.Day,
        ["tuan"] = TimeGrain.Week,
        ["thang"] = TimeGrain.Month,
        ["quy"] = TimeGrain.Quarter,
        ["nam"] = TimeGrain.Year,
    };

    /// <summary>"this / next / last" after a unit: tuần này, tháng sau, năm ngoái. Value = how many units away.</summary>
    public static readonly (string[] Words, int Shift)[] UnitShifts =
    [
        (["nay"], 0), (["hien", "tai"], 0),
        (["sau"], 1), (["toi"], 1), (["tiep", "theo"], 1), (["ke", "tiep"], 1), (["tiep"], 1), (["ke"], 1),
        (["truoc"], -1), (["ngoai"], -1), (["vua", "roi"], -1), (["vua", "qua"], -1),
    ];

    /// <summary>What may follow a count to make it a span from now: "3 ngày tới" (next), "2 ngày vừa qua" (last).</summary>
    public static readonly (string[] Words, int Direction)[] CountDirections =
    [
        (["sap", "toi"], 1), (["toi"], 1), (["tiep", "theo"], 1), (["ke", "tiep"], 1),
        (["vua", "roi"], -1), (["vua", "qua"], -1), (["qua"], -1),
    ];

    /// <summary>Days named from today: hôm nay, mai, hôm qua … with their offset in days.</summary>
    public static readonly (string[] Words, int Days)[] RelativeDays =
    [
        (["ngay", "hom", "nay"], 0), (["hom", "nay"], 0), (["bua", "nay"], 0), (["ngay", "nay"], 0),
        (["ngay", "hom", "qua"], -1), (["hom", "qua"], -1),
        (["ngay", "hom", "kia"], -2), (["hom", "kia"], -2),
        (["ngay", "mai"], 1), (["mai"], 1), (["hom", "sau"], 1),
        (["ngay", "kia"], 2), (["ngay", "mot"], 2), (["mot"], 2),
    ];

    /// <summary>After a part of the day, a bare day word: "tối nay", "sáng mai", "tối qua".</summary>
    public static readonly Dictionary<string, int> ShortDays = new(StringComparer.Ordinal)
    {
        ["nay"] = 0, ["mai"] = 1, ["qua"] = -1,
    };

    /// <summary>"now": bây giờ, ngay bây giờ, lúc này, ngay lúc này.</summary>
    public static readonly string[][] Now =
    [
        ["ngay", "bay", "gio"], ["bay", "gio"], ["ngay", "luc", "nay"], ["luc", "nay"],
    ];

    /// <summary>Words that may stand before a clock time and belong to it: "vào lúc", "đúng", "khoảng".</summary>
    public static readonly string[][] ClockLeads =
    [
        ["vao", "luc"], ["vao", "dung"], ["vao", "khoang"], ["vao"], ["luc"], ["dung"], ["khoang"],
    ];

    /// <summary>Seasons with their astronomical start (month, day), as Duckling counts them.</summary>
    public static readonly Dictionary<string, (int Month, int Day)> Seasons = new(StringComparer.Ordinal)
    {
        ["xuan"] = (3, 20), ["he"] = (6, 21), ["ha"] = (6, 21), ["thu"] = (9, 23), ["dong"] = (12, 21),
    };

    /// <summary>Fixed-date holidays: (words, month, day).</summary>
    public static readonly (string[] Words, int Month, int Day)[] Holidays =
    [
        (["giang", "sinh"], 12, 25), (["noel"], 12, 25), (["tet", "duong", "lich"], 1, 1),
        (["quoc", "khanh"], 9, 2), (["quoc", "te", "lao", "dong"], 5, 1),
    ];

    // ---- The lunar calendar ----------------------------------------------------------------

    /// <summary>
    /// Festivals of the lunar calendar: (words, lunar month, lunar day). "Tết" alone is the New Year;
    /// "Tết Dương lịch" (a fixed solar holiday above) is the longer phrase and wins.
    /// </summary>
    public static readonly (string[] Words, int Month, int Day)[] LunarFestivals =
    [
        (["tet", "nguyen", "dan"], 1, 1), (["tet", "am", "lich"], 1, 1), (["tet", "co", "truyen"], 1, 1), (["tet"], 1, 1),
        (["tet", "nguyen", "tieu"], 1, 15), (["ram", "thang", "gieng"], 1, 15), (["tet", "han", "thuc"], 3, 3),
        (["gio", "to", "hung", "vuong"], 3, 10), (["tet", "doan", "ngo"], 5, 5), (["ram", "thang", "bay"], 7, 15),
        (["le", "vu", "lan"], 7, 15), (["tet", "trung", "thu"], 8, 15), (["ram", "thang", "tam"], 8, 15),
        (["ong", "cong", "ong", "tao"], 12, 23), (["tet", "ong", "tao"], 12, 23),
    ];

    /// <summary>The ten heavenly stems (can), in order from Giáp: a year's stem is (year + 6) mod 10.</summary>
    public static readonly string[] Stems = ["giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy"];

    /// <summary>
    /// The twelve earthly branches (chi), in order from Tý: a year's branch is (year + 8) mod 12. "Tý" and "Tỵ" fold
    /// alike; the stem tells them apart (a stem and its branch are both even or both odd).
    /// </summary>
    public static readonly string[][] Branches =
    [
        ["ty"], ["suu"], ["dan"], ["mao", "meo"], ["thin"], ["ty", "ti"], ["ngo"], ["mui"], ["than"], ["dau"], ["tuat"], ["hoi"],
    ];

    /// <summary>"âm lịch" (lunar) after a date: "ngày 28 tháng Chạp âm lịch", "15/8 âm lịch".</summary>
    public static readonly string[] Lunar = ["am", "lich"];

    /// <summary>RFC 5545 day codes, from Sunday as <see cref="DayOfWeek"/> counts.</summary>
    public static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>Which week of the month: "tuần đầu (tiên)", "tuần thứ hai", "tuần cuối (cùng)".</summary>
    public static readonly (string[] Words, int Week)[] WeeksOfMonth =
    [
        (["dau", "tien"], 1), (["dau"], 1), (["thu", "nhat"], 1), (["thu", "hai"], 2), (["thu", "ba"], 3), (["thu", "tu"], 4),
        (["cuoi", "cung"], -1), (["cuoi"], -1),
    ];

    // ---- Deadlines -------------------------------------------------------------------------

    /// <summary>
    /// Words before a time that make it a deadline, and what they mean: <see cref="DueRule.Before"/>
    /// = due before the time starts ("trước ngày 10/4" → 10/4 00:00); <see cref="DueRule.ByEnd"/> =
    /// due when the time is over ("chậm nhất ngày 30/11" → 1/12 00:00); <see cref="DueRule.Within"/> =
    /// "trong tháng 5": a deadline only when the time is not over yet, else a past period.
    /// The longest cue wins; the engine matches keywords OCR-tolerantly word by word, and takes a
    /// colon or "là" after the cue ("thời hạn: ngày …", "hạn nộp là ngày …").
    /// </summary>
    public static readonly (string[] Words, DueRule Rule)[] DeadlineCues =
    [
        (["cham", "nhat", "la", "truoc"], DueRule.Before),
        (["cham", "nhat", "truoc"], DueRule.Before),
        (["cham", "nhat", "sau"], DueRule.ByEnd), // "chậm nhất sau 05 ngày làm việc kể từ …"
        (["cham", "nhat", "la"], DueRule.ByEnd),
        (["cham", "nhat", "vao"], DueRule.ByEnd),
        (["cham", "nhat", "trong"], DueRule.ByEnd),
        (["cham", "nhat"], DueRule.ByEnd),
        (["han", "chot", "la"], DueRule.ByEnd),
        (["han", "chot"], DueRule.ByEnd),
        (["thoi", "han", "la"], DueRule.ByEnd),
        (["thoi", "han"], DueRule.ByEnd),
        (["han", "cuoi"], DueRule.ByEnd),
        (["han", "hoan", "thanh"], DueRule.ByEnd),
        (["han", "bao", "cao"], DueRule.ByEnd),
        (["han", "nop"], DueRule.ByEnd),
        (["han", "gui"], DueRule.ByEnd),
        (["han", "la"], DueRule.ByEnd),
        (["han"], DueRule.ByEnd),
        (["tu", "nay", "den", "het"], DueRule.ByEnd),
        (["tu", "nay", "toi", "het"], DueRule.ByEnd),
        (["tu", "nay", "den"], DueRule.ByEnd),
        (["tu", "nay", "toi"], DueRule.ByEnd),
        (["den", "het"], DueRule.ByEnd),
        // "đến"/"tới" alone only before "ngày N" or "cuối": "đến ngày 30/11", "đến cuối tháng"; "hướng đến năm 2025" is no deadline
        (["den"], DueRule.ByEnd),
        (["toi"], DueRule.ByEnd),
        (["het"], DueRule.ByEnd), // "hết tháng này"
        (["toi", "het"], DueRule.ByEnd),
        (["xong", "truoc"], DueRule.Before),
        (["truoc"], DueRule.Before),
        (["ngay", "trong"], DueRule.ByEnd),
        (["trong", "vong"], DueRule.Within),
        (["khong", "qua"], DueRule.Within), // "không quá 10 ngày kể từ …"
        (["trong", "thoi", "han"], DueRule.Within),
        (["trong"], DueRule.Within),
    ];

    /// <summary>Cues that name a deadline outright, so a few words may stand between them and the time: "hạn nộp báo cáo quý 3".</summary>
    public static readonly string[][] CuesThatMayStandApart =
    [
        ["han", "nop"], ["han", "gui"], ["han", "hoan", "thanh"], ["han", "bao", "cao"], ["han", "chot"], ["thoi", "han"],
    ];

    /// <summary>"hoàn thành" may stand before any cue ("hoàn thành chậm nhất ngày …") or alone ("hoàn thành trong tháng 5").</summary>
    public static readonly string[] Complete = ["hoan", "thanh"];

    /// <summary>"ngày làm việc": working days, counted with the work calendar.</summary>
    public static readonly string[] WorkingDay = ["lam", "viec"];

    /// <summary>"kể từ ngày nhận (được)": the count starts when the document is received.</summary>
    public static readonly string[][] FromReceipt =
    [
        ["ke", "tu", "ngay", "nhan", "duoc"], ["ke", "tu", "ngay", "nhan"], ["tu", "ngay", "nhan", "duoc"], ["tu", "ngay", "nhan"],
        ["ke", "tu", "khi", "nhan", "duoc"], ["ke", "tu", "khi", "nhan"], ["sau", "khi", "nhan", "duoc"], ["sau", "khi", "nhan"],
    ];

    /// <summary>"kể từ ngày ký", "kể từ ngày ban hành": counted from the document's own date, which the caller resolves.</summary>
    public static readonly string[][] FromSigning =
    [
        ["ke", "tu", "ngay", "ky"], ["ke", "tu", "ngay", "ban", "hanh"], ["tu", "ngay", "ky"], ["tu", "ngay", "ban", "hanh"],
    ];

    /// <summary>
    /// The words of <see cref="FromReceipt"/> and <see cref="FromSigning"/>, matched OCR-tolerantly right
    /// after a count, where nothing else is expected: "kc tu ngay nhan dwec" is "kể từ ngày nhận được".
    /// </summary>
    public static readonly Vocabulary CountStartWords = new(FromReceipt.Concat(FromSigning).SelectMany(w => w));

    private static readonly WordMemo<string> CountStartMemo = new(static word => CountStartWords.Match(word) ?? "");

    /// <summary>The word of <see cref="CountStartWords"/> a folded word reads as, or "".</summary>
    public static string CountStartOf(string word) => CountStartMemo.Get(word);

    /// <summary>What is received, swallowed into the phrase: "văn bản", "công văn", "kế hoạch" …</summary>
    public static readonly string[][] ReceivedThings =
    [
        ["van", "ban", "nay"], ["van", "ban"], ["cong", "van", "nay"], ["cong", "van"], ["ke", "hoach", "nay"], ["ke", "hoach"],
        ["chi", "thi"], ["thong", "bao"], ["quyet", "dinh"], ["yeu", "cau"],
    ];

    // ---- Repetitions -----------------------------------------------------------------------

    /// <summary>"every": hằng, hàng (both fold to "hang"), mỗi.</summary>
    public static readonly string[] Every = ["hang", "moi"];

    /// <summary>
    /// The rule for "hằng năm", "hằng quý" … A repetition is a duty's schedule only when a duty cue
    /// stands right before it: "định kỳ", a reporting verb ("báo cáo", "gửi", "nộp"), or a day of
    /// the period ("trước ngày 15 hằng tháng"). In a noun phrase ("Chỉ số CCHC hằng năm", "xếp loại
    /// hằng năm") it is only a habitual frequency: reported with role None, never as a duty.
    /// </summary>
    public static readonly string[] Periodically = ["dinh", "ky"];

    public static readonly string[][] DutyVerbs =
    [
        ["bao", "cao"], ["gui"], ["nop"], ["cap", "nhat"], ["tong", "hop"],
    ];

    /// <summary>Separators of a list of periods: "định kỳ hằng quý, 6 tháng, hằng năm".</summary>
    public static readonly string[] ListJoins = ["va", "hoac"];

    /// <summary>"tháng cuối quý" (March, June, September, December), "tháng đầu quý".</summary>
    public static readonly (string Word, string Months)[] MonthOfQuarter = [("cuoi", "3,6,9,12"), ("dau", "1,4,7,10")];

    // ---- Roles -----------------------------------------------------------------------------

    /// <summary>Kinds of documents whose date is a reference, never a deadline: "Công văn số … ngày …".</summary>
    public static readonly string[][] DocumentKinds =
    [
        ["cong", "van"], ["ke", "hoach"], ["nghi", "dinh"], ["nghi", "quyet"], ["thong", "bao"], ["quyet", "dinh"],
        ["chi", "thi"], ["bao", "cao"], ["thong", "tu"], ["to", "trinh"], ["van", "ban"], ["huong", "dan"],
        ["luat"], ["chuong", "trinh"], ["de", "an"], ["ket", "luan"],
    ];

    /// <summary>Document kinds matched OCR-tolerantly ("Cong vin" → "cong van").</summary>
    public static readonly Vocabulary DocumentWords = new(DocumentKinds.SelectMany(k => k).Append("so"));

    private static readonly WordMemo<string> DocumentWordMemo = new(static word => DocumentWords.Match(word) ?? "");

    /// <summary>The word of a kind of document this folded word reads as (<see cref="DocumentWords"/>), or "".</summary>
    public static string DocumentWordOf(string word) => DocumentWordMemo.Get(word);
}

/// <summary>How a deadline cue turns a time into a due instant.</summary>
internal enum DueRule
{
    /// <summary>Due before the time starts: "trước ngày 10/4".</summary>
    Before,

    /// <summary>Due when the time is over: "chậm nhất ngày 30/11", "đến hết năm 2023".</summary>
    ByEnd,

    /// <summary>"trong …": a deadline when the time is not over yet, else a past period.</summary>
    Within,
}
