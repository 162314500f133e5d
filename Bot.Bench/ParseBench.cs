using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bot.Domain.Directives;
using Spectre.Console;

namespace Bot.Bench;

/// <summary>
/// `Bot bench parse [--runs 200]`: how long the reader takes on each sample directive and on
/// synthetic directives of 10, 50 and 100 pages (an A4 page of a directive holds about 3,000
/// characters), after warm-up, as the median of many runs: in full, and without the time
/// recognizer (header, outline, units), to show which part costs what.
/// </summary>
public static class ParseBench
{
    private const int CharsPerPage = 3000;

    public static Task<int> RunAsync(CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var runs = int.TryParse(args.Option("runs"), CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 200;
        var reader = ParseCommand.Reader();
        var withoutTime = new DirectiveReader((_, _, _) => []);
        var reference = new DateOnly(2024, 1, 1);
        var documents = new List<(string Name, string Text)>();
        var samples = Bot.Hosting.ConfigFiles.Find(Bot.Hosting.ConfigFiles.Samples);
        if (Directory.Exists(samples))
            documents.AddRange(Directory.GetFiles(samples, "*.txt").Order(StringComparer.Ordinal).Select(f => ("mẫu " + Path.GetFileName(f)[..3], File.ReadAllText(f))));
        foreach (var pages in new[] { 10, 50, 100 }) documents.Add(($"tổng hợp {pages} tr.", Synthetic(pages)));

        var table = new Table().Border(TableBorder.Rounded).AddColumn("văn bản");
        foreach (var column in new[] { "ký tự", "trang", "việc", "ms", "ms/trang", "ms*", "ms*/trang" })
            table.AddColumn(new TableColumn(column).RightAligned());
        // Warm up on every document for a few seconds: tiered JIT promotes hot methods only after a
        // call-counting delay and recompiles them in the background, so a warm-up counted in calls can
        // end before the optimised code is in place, and the timing then measures the JIT.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var (_, text) in documents.Where(d => d.Text.Length < 20 * CharsPerPage))
            {
                reader.Read(text, reference);
                withoutTime.Read(text, reference);
            }
        }
        foreach (var (name, text) in documents)
        {
            var tasks = reader.Read(text, reference).Tasks.Count;
            var count = text.Length > 100 * CharsPerPage / 2 ? Math.Max(10, runs / 10) : runs;
            var full = Median(reader, text, reference, count);
            var structure = Median(withoutTime, text, reference, count);
            var pages = (double)text.Length / CharsPerPage;
            table.AddRow(Markup.Escape(name), text.Length.ToString("N0", CultureInfo.InvariantCulture), pages.ToString("0.0", CultureInfo.InvariantCulture),
                tasks.ToString(CultureInfo.InvariantCulture), Ms(full), Ms(full / pages), Ms(structure), Ms(structure / pages));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"ms: trung vị của {runs} lần đọc sau khi khởi động (văn bản trên 50 trang: {Math.Max(10, runs / 10)} lần).");
        AnsiConsole.MarkupLine("ms*: cùng phép đo, không chạy bộ nhận dạng thời gian (đầu văn bản, dàn ý, đơn vị).");
        return Task.FromResult(0);
    }

    private static double Median(DirectiveReader reader, string text, DateOnly reference, int runs)
    {
        for (var i = 0; i < 10; i++) reader.Read(text, reference); // warm-up
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            reader.Read(text, reference);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    private static string Ms(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>
    /// A district directive of about <paramref name="pages"/> pages: the usual header, then numbered items repeated, each
    /// with dates of its own, as a real directive's items differ (the reader remembers the time phrases of a text it has read).
    /// </summary>
    public static string Synthetic(int pages)
    {
        var text = new StringBuilder("""
            ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            HUYỆN TỨ KỲ                          Độc lập - Tự do - Hạnh phúc

            Số: 1300/UBND-VP                Tứ Kỳ, ngày 03 tháng 10 năm 2023
            V/v triển khai các nhiệm vụ cải cách
            thủ tục hành chính trọng tâm

            Kính gửi:
            - Các cơ quan chuyên môn thuộc UBND huyện;
            - UBND các xã, thị trấn.

            Thực hiện Công văn số 3607/UBND-VP ngày 28/9/2023 của UBND tỉnh Hải Dương,
            Chủ tịch UBND huyện yêu cầu:

            """);
        var item = 0;
        while (text.Length < pages * CharsPerPage)
        {
            item++;
            text.Append(CultureInfo.InvariantCulture, $"""
                {item}. Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện, Chủ tịch
                UBND các xã, thị trấn:

                a) Tập trung rà soát quy trình, thủ tục hành chính nội bộ của ngành, lĩnh
                vực; nâng cao hiệu quả công tác phối hợp giữa các cơ quan, đơn vị, địa
                phương trong giải quyết thủ tục hành chính, hoàn thành chậm nhất ngày
                {item % 28 + 1}/11/2023, gửi về UBND huyện (qua Văn phòng HĐND và UBND huyện).

                b) Thực hiện nghiêm việc đánh giá kết quả, hiệu quả làm việc của cán bộ,
                công chức tại Bộ phận Một cửa; định kỳ hằng quý gửi biểu đánh giá về UBND
                huyện (qua Phòng Nội vụ huyện) để theo dõi.

                c) Phòng Tư pháp huyện chủ trì, phối hợp với Phòng Nội vụ hướng dẫn, đôn đốc
                UBND các xã, thị trấn thực hiện chứng thực điện tử trong tháng {item % 12 + 1}/2024.

                - Tiếp tục rà soát, kiến nghị UBND tỉnh phân cấp mạnh mẽ trong giải quyết
                thủ tục hành chính; báo cáo kết quả trước ngày {item % 25 + 1} hằng tháng để tổng hợp.

                - Tăng cường công tác tuyên truyền về chủ trương cải cách thủ tục hành
                chính, nhất là việc tiếp nhận, giải quyết thủ tục hành chính theo cơ chế
                một cửa, một cửa liên thông trên môi trường điện tử.


                """);
        }
        text.Append("""
            Yêu cầu Thủ trưởng các cơ quan, đơn vị và Chủ tịch UBND các xã, thị trấn
            nghiêm túc triển khai thực hiện./.

            Nơi nhận:
            - Như trên;
            - Lưu: VT.

            KT. CHỦ TỊCH
            PHÓ CHỦ TỊCH

            Đào Văn Soái
            """);
        return text.ToString();
    }
}
