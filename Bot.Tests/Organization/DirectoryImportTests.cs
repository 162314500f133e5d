using Bot.Domain.Organization;
using Bot.Storage;
using Bot.Tests.Storage;
using MiniExcelLibs;

namespace Bot.Tests.Organization;

public sealed class DirectoryImportTests : IDisposable
{
    private readonly TempStore _temp = new();

    // Row 2 good; 3 unknown unit; 4 bad phone; 5 duplicate of row 2's phone; 6 unknown role; 7 several faults; 8 good, accents missing.
    private static readonly string[][] Rows =
    [
        ["Phòng Nội vụ", "Nguyễn Văn An", "Cán bộ", "0900 000 101"],
        ["Phòng Ngoại vụ", "Trần Thị Bình", "Cán bộ", "0900000102"],
        ["Xã Đại Sơn", "Lê Văn Cường", "Trưởng đơn vị", "12345"],
        ["Xã Hưng Đạo", "Phạm Thị Dung", "Cán bộ", "+84 900 000 101"],
        ["Phòng Tư pháp", "Hoàng Văn Em", "Thư ký", "0900000105"],
        ["", "", "", "0900000106"],
        ["phong y te", "Vũ Thị Giang", "truong phong", "0900000107"],
    ];

    [Fact]
    public void A_csv_file_is_checked_row_by_row_and_good_rows_are_kept()
    {
        var path = _temp.File("danh-ba.csv");
        File.WriteAllLines(path, ["unit,name,role,phone", .. Rows.Select(r => string.Join(',', r))]);
        AssertReport(path);
    }

    [Fact]
    public void An_xlsx_file_is_read_the_same_way()
    {
        var path = _temp.File("danh-ba.xlsx");
        var sheet = Rows.Select(r => new Dictionary<string, object> { ["unit"] = r[0], ["name"] = r[1], ["role"] = r[2], ["phone"] = r[3] }).ToList();
        MiniExcel.SaveAs(path, sheet);
        AssertReport(path);
    }

    private void AssertReport(string path)
    {
        var report = DirectoryImport.Check(DirectoryFile.Read(path), TestUnits.TuKy);
        Assert.Equal(["0900000101", "0900000107"], report.Accepted.Select(o => o.Phone));
        Assert.Equal(Role.UnitHead, report.Accepted[1].Role);
        Assert.Equal("YT", report.Accepted[1].UnitCode);
        Assert.True(new[] { 3, 4, 5, 6, 7 }.SequenceEqual(report.Rejected.Select(r => r.Row)), string.Join(" | ", report.Rejected));
        Assert.True(report.Rejected[0].Reason.Contains("không có đơn vị \"Phòng Ngoại vụ\"", StringComparison.OrdinalIgnoreCase), report.Rejected[0].Reason);
        Assert.Contains("số điện thoại \"12345\" không hợp lệ", report.Rejected[1].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("trùng với dòng 2", report.Rejected[2].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("vai trò \"Thư ký\" không hợp lệ", report.Rejected[3].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Thiếu tên đơn vị; thiếu họ tên; vai trò \"\" không hợp lệ.", report.Rejected[4].Reason);

        // Accepted rows are upserted by phone: importing again adds nobody and keeps chat links.
        var store = _temp.Open();
        Assert.Equal(2, store.Directory.Upsert(report.Accepted));
        var linked = report.Accepted[0] with { ChatAccounts = [new ChatAccount("telegram", "42")] };
        store.Directory.Upsert([linked]);
        Assert.Equal(0, store.Directory.Upsert(report.Accepted));
        Assert.Equal("Nguyễn Văn An", store.Directory.ByChatAccount(new ChatAccount("telegram", "42"))?.Name);
        Assert.Equal(2, store.Directory.All().Count);
        Assert.Single(store.Directory.OfUnit("YT"));
        Assert.Equal("Vũ Thị Giang", store.Directory.ByPhone("+84900000107")?.Name);
    }

    [Fact]
    public void A_file_without_the_columns_is_refused()
    {
        var path = _temp.File("sai.csv");
        File.WriteAllLines(path, ["don vi,ho ten", "Phòng Nội vụ,An"]);
        var e = Assert.Throws<InvalidDataException>(() => DirectoryFile.Read(path));
        Assert.Contains("thiếu cột", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_directory_is_clean_and_covers_every_unit()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "config", "directory.sample.csv");
        var report = DirectoryImport.Check(DirectoryFile.Read(path), TestUnits.TuKy);
        Assert.Empty(report.Rejected);
        Assert.Equal(TestUnits.TuKy.Units.Select(u => u.Code).Order(), report.Accepted.Select(o => o.UnitCode).Distinct().Order());
        Assert.Contains(report.Accepted, o => o.Role == Role.Admin);
        Assert.Contains(report.Accepted, o => o.Role == Role.DistrictLeader);
        Assert.Contains(report.Accepted, o => o.Role == Role.Office);
    }

    public void Dispose() => _temp.Dispose();
}
