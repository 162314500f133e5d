using Bot.Documents;
using Bot.Domain.Text;

namespace Bot.Tests.Text;

/// <summary>
/// The restorer on OCR-damaged Vietnamese, with the shipped tables (models/restorer) and Tứ Kỳ's directory
/// as its gazetteer. The scores are floors at the figures reached (Specs/Text/Restore/README.md says where the
/// texts come from; none of them went into the models).
/// </summary>
public class TextRestorerTests
{
    private static readonly Lazy<TextRestorer> Shared = new(() => RestorerTables.Load());

    private static TextRestorer Restorer => Shared.Value;

    private static SyllableScore.Result Score(string folder, out SyllableScore.Result raw)
    {
        var total = new SyllableScore.Result();
        raw = new SyllableScore.Result();
        foreach (var damaged in Directory.GetFiles(SpecFile.PathOf(folder), "*.ocr.txt").Order(StringComparer.Ordinal))
        {
            var clean = File.ReadAllText(damaged[..^".ocr.txt".Length] + ".clean.txt");
            var text = VietnameseText.Normalize(File.ReadAllText(damaged));
            total += SyllableScore.Of(clean, Restorer.Restore(text).Text);
            raw += SyllableScore.Of(clean, text);
        }
        return total;
    }

    [Fact]
    public void Samples_001_and_003_are_restored_to_at_least_95_5_percent_of_syllables()
    {
        var score = Score("Text/Restore/seeds", out var raw);

        Assert.Equal(2950, score.Total);
        Assert.True(raw.Share < 0.15, $"raw OCR {raw.Share:P1}");
        Assert.True(score.Share >= 0.955, $"{score.Share:P2} of syllables right ({score.Right}/{score.Total})");
    }

    [Fact]
    public void Held_out_administrative_text_read_by_an_English_model_is_restored_to_at_least_95_0_percent()
    {
        var score = Score("Text/Restore/heldout", out var raw);

        Assert.True(score.Total > 10_000);
        Assert.True(raw.Share < 0.15, $"raw OCR {raw.Share:P1}");
        Assert.True(score.Share >= 0.950, $"{score.Share:P2} of syllables right ({score.Right}/{score.Total})");
    }

    [Fact]
    public void The_shipped_readings_table_was_made_from_the_shipped_tables()
    {
        // a table made from other tables is ignored (and every new word then costs a trie search)
        Assert.True(Restorer.PrecomputedReadings > 10_000, $"{Restorer.PrecomputedReadings} words precomputed");
    }

    [Fact]
    public void Precomputed_readings_restore_as_the_trie_search_does()
    {
        var damaged = VietnameseText.Normalize(File.ReadAllText(SpecFile.PathOf("Text/Restore/seeds/001.ocr.txt")));
        var folder = Path.Combine(AppContext.BaseDirectory, RestorerTables.Folder);
        using var syllables = new StreamReader(Path.Combine(folder, "syllables.txt"));
        using var lm = Gzip(Path.Combine(folder, "lm.txt.gz"));
        using var ocr = Gzip(Path.Combine(folder, "ocr.txt.gz"));
        var names = RestorerTables.Names(Bot.Hosting.ConfigFiles.Find(Bot.Hosting.ConfigFiles.Units))
            .Concat(RestorerTables.Places(Path.Combine(folder, RestorerTables.PlacesFile)));
        var searching = TextRestorer.Read(syllables, lm, ocr, names);

        Assert.Equal(0, searching.PrecomputedReadings);
        Assert.Equal(searching.Restore(damaged).Text, Restorer.Restore(damaged).Text);
    }

    [Fact]
    public void A_readings_table_made_from_other_tables_is_not_used()
    {
        var restorer = RestorerTables.Load();
        using var table = new StringReader("# fingerprint: 0123456789abcdef; " + TextRestorer.SearchSettings + "\ncong\tcông\t0.1\n");

        Assert.False(restorer.UseReadings(table, RestorerTables.Fingerprint(Path.Combine(AppContext.BaseDirectory, RestorerTables.Folder))));
    }

    private static StreamReader Gzip(string path) =>
        new(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress));

    [Theory]
    [InlineData("Pay manh cong tac thong tin tuyen truyen.", "Đẩy mạnh công tác thông tin tuyên truyền.")]
    // a name's syllable OCR cut to its first letter, found from the name's other syllable
    [InlineData("Phong Noi vu huyen T Ky chu tri.", "Phòng Nội vụ huyện Tứ Kỳ chủ trì.")]
    [InlineData("Thi tran Tt Ky to chuc.", "Thị trấn Tứ Kỳ tổ chức.")]
    [InlineData("To chirc khic phuc nhitng han ché", "Tổ chức khắc phục những hạn chế")]
    [InlineData("Kinh gtri: Chu tich UBND cac x4, thi tran.", "Kính gửi: Chủ tịch UBND các xã, thị trấn.")]
    [InlineData("UY BAN NHAN DAN\nHUYEN TU KY", "ỦY BAN NHÂN DÂN\nHUYỆN TỨ KỲ")]
    public void Damaged_words_are_read_as_Vietnamese(string damaged, string restored) =>
        Assert.Equal(restored, Restorer.Restore(damaged).Text);

    [Fact]
    public void Lines_spaces_punctuation_numbers_and_codes_stay_as_they_came()
    {
        const string damaged = "So: 545 /UBND-NV  V/v tiep tuc\n\n- Lien he: tuky.haiduong.gov.vn (truoc ngay 15/12/2023);\r\nTy 1é dat 94,9%.";

        var restored = Restorer.Restore(damaged);

        Assert.Equal(damaged.Split('\n').Length, restored.Text.Split('\n').Length);
        Assert.Equal(NonWords(damaged), NonWords(restored.Text));
        Assert.Contains("545 /UBND-NV  V/v", restored.Text, StringComparison.Ordinal);
        Assert.Contains("tuky.haiduong.gov.vn", restored.Text, StringComparison.Ordinal);
        Assert.Contains("15/12/2023", restored.Text, StringComparison.Ordinal);
        Assert.Contains("94,9%", restored.Text, StringComparison.Ordinal);
        Assert.Equal(damaged, restored.Source);
    }

    [Theory]
    [InlineData("b) Chu trong chat lugng van ban\n¢) Thuong xuyén ra soat", "¢) ")]
    [InlineData("a) Dam bao\nc¢) Tiép tuc ra soat", "c¢) ")]
    [InlineData("II. NHIEM VU\nđ) Chu dong", "đ) ")]
    public void Outline_labels_at_a_line_start_are_kept_for_the_reader(string damaged, string label)
    {
        var restored = Restorer.Restore(damaged);

        Assert.Contains("\n" + label, restored.Text, StringComparison.Ordinal);
        Assert.StartsWith(damaged[..damaged.IndexOf(' ', StringComparison.Ordinal)], restored.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Can ctr Quyét dinh s6 15/QD-UBND ngay 12/3/2023", "15/QĐ-UBND")]
    [InlineData("Thuc hién Céng dién s6 481/CD-TTg cia Thu tuéng", "481/CĐ-TTg")]
    [InlineData("Xét Té trinh s6 42/TTr-VPUB ngay 5/6/2023", "42/TTr-VPUB")]
    public void Codes_read_without_their_Đ_are_restored_and_codes_otherwise_kept(string damaged, string code) =>
        Assert.Contains(code, Restorer.Restore(damaged).Text, StringComparison.Ordinal);

    [Fact]
    public void A_word_whose_case_OCR_blurred_takes_its_line_s_and_an_OCR_I_before_small_letters_is_an_l()
    {
        const string damaged = "CONG HOA XA HOI CHU NGHiA VIET NAM\nQuyét dinh thanh Ip t6 céng tac lién nganh";
        var source = damaged.Split([' ', '\n']);
        var words = Restorer.Restore(damaged).Text.Split([' ', '\n']);

        var blurred = words[Array.IndexOf(source, "NGHiA")];
        Assert.Equal(blurred.ToUpperInvariant(), blurred);
        Assert.StartsWith("l", words[Array.IndexOf(source, "Ip")], StringComparison.Ordinal);
    }

    [Fact]
    public void The_country_s_provinces_help_read_a_directive_from_anywhere()
    {
        var restored = Restorer.Restore("Gtri UBND tinh Ba Ria - Vung Tau va tinh Khanh Hoa").Text;

        Assert.Contains("Bà Rịa - Vũng Tàu", restored, StringComparison.Ordinal);
        Assert.Contains("Khánh Hòa", restored, StringComparison.Ordinal);
    }

    [Fact]
    public void Restored_syllables_use_the_old_tone_placement_of_directives()
    {
        var restored = Restorer.Restore("Phong Van hoa va Thong tin; Chu tich Uy ban nhan dan; thuy loi").Text;

        Assert.Equal("Phòng Văn hóa và Thông tin; Chủ tịch Ủy ban nhân dân; thủy lợi", restored);
    }

    [Fact]
    public void The_directory_s_names_help_read_a_unit()
    {
        const string damaged = "Giao UBND xa Dai Son, xa Tan Ky thuc hien";

        var restored = Restorer.Restore(damaged).Text;

        Assert.Equal("Giao UBND xã Đại Sơn, xã Tân Kỳ thực hiện", restored);
    }

    [Fact]
    public void Words_the_restorer_is_unsure_of_are_marked_and_the_rest_is_not()
    {
        var restored = Restorer.Restore("Chu tich UBND huyen yeu cau cac don vi thuc hien. Ky ");

        Assert.All(restored.Words, w => Assert.InRange(w.Confidence, 0, 1));
        Assert.Contains(restored.Words, w => !w.Unsure);
        var marked = restored.Marked("⟨", "⟩");
        Assert.Equal(restored.Unsure.Count(), marked.Count(c => c == '⟨'));
        Assert.Equal(restored.Text, marked.Replace("⟨", "", StringComparison.Ordinal).Replace("⟩", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clean_Vietnamese_is_not_restored_by_the_document_reader()
    {
        const string clean = "Ủy ban nhân dân các xã, thị trấn báo cáo kết quả thực hiện trước ngày 15 hằng tháng.";

        var read = await new DocumentReader(() => Restorer, new OcrEngine()).ReadAsync(System.Text.Encoding.UTF8.GetBytes(clean), "a.txt");

        Assert.False(TextLayer.Damaged(clean));
        Assert.Equal(clean, read.Text);
        Assert.Empty(read.Restoration.Words);
    }

    [Fact]
    public async Task A_damaged_txt_file_is_restored_and_its_original_kept()
    {
        const string damaged = "Chu tich UBND cac x4, thi tran thyc hién t6t mot sé ndi dung sau:";

        var read = await new DocumentReader(() => Restorer, new OcrEngine()).ReadAsync(System.Text.Encoding.UTF8.GetBytes(damaged), "a.txt");

        Assert.True(TextLayer.Damaged(damaged));
        Assert.Equal(damaged, read.Source);
        Assert.StartsWith("Chủ tịch UBND các xã, thị trấn thực hiện tốt một số nội dung sau", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_joined_keep_each_word_s_place()
    {
        var a = Restorer.Restore("cong tac");
        var b = Restorer.Restore("thong tin");

        var joined = RestoredText.Join([a, b], "\n");

        Assert.Equal("công tác\nthông tin", joined.Text);
        Assert.Equal("cong tac\nthong tin", joined.Source);
        var last = joined.Words[^1];
        Assert.Equal("tin", joined.Text.Substring(last.Start, last.Length));
        Assert.Equal("tin", joined.Source.Substring(last.SourceStart, last.SourceLength));
    }

    private static string NonWords(string text) =>
        new(text.Where(c => !char.IsLetter(c) && !char.IsDigit(c) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c)
            != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
}
