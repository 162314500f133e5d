using Bot.Domain.Directives;

namespace Bot.Tests.Directives;

public sealed class DirectiveHeaderTests
{
    [Theory]
    [InlineData("Sb: 1259 /UBND-VP Tir Ky, ngay 25 thang 9 nam 2023", "1259/UBND-VP")]
    [InlineData(" So: 545 /UBND-NV", "545/UBND-NV")]
    [InlineData("Sé: 4 /CT-UBND Cam Giang, ngay 30théng 3 nam 2023", "4/CT-UBND")]
    [InlineData("Số: 12/QĐ-UBND", "12/QĐ-UBND")]
    [InlineData("Số: 14/2007/QĐ-UBND", "14/2007/QĐ-UBND")]
    [InlineData("Số:|14/2007/QĐ-UBND", "14/2007/QĐ-UBND")]
    [InlineData("Số:          /UBND-VP Thanh Hà, ngày      tháng 11 năm 2023", null)]
    public void Reads_the_number_and_symbol(string line, string? number)
    {
        Assert.Equal(number, DirectiveHeader.Read(["ỦY BAN NHÂN DÂN", "HUYỆN TỨ KỲ", .. line.Split('|')]).Number);
    }

    [Theory]
    [InlineData("UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM|HUYEN TU KY Poc lap -Tu do - Hanh phiic", "UBND huyện Tứ Kỳ")]
    [InlineData("UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM||HUYEN CAM GIANG Péc 1ap - Tu do - Hanh phic", "UBND huyện Cẩm Giàng")]
    [InlineData("UBND TỈNH HẢI DƯƠNG", "UBND tỉnh Hải Dương")]
    [InlineData("UBND TỈNH HẢI DƯƠNG|UBND HUYỆN NINH GIANG", "UBND huyện Ninh Giang")]
    [InlineData("UBND TỈNH HẢI DƯƠNG|SỞ TƯ PHÁP", "Sở Tư pháp tỉnh Hải Dương")]
    [InlineData("ỦY BAN NHÂN DÂN|XÃ HỒNG PHONG", "UBND xã Hồng Phong")]
    [InlineData("Ký bởi: Uy ban nhan dan Huyén Tt Ky", "UBND huyện Tứ Kỳ")]
    [InlineData("T Ky, ngay 11 thang 5 nam 2023", "UBND huyện Tứ Kỳ")]
    public void Names_the_issuer_with_its_diacritics(string lines, string issuer)
    {
        Assert.Equal(issuer, DirectiveHeader.Read(lines.Split('|')).Issuer);
    }

    [Fact]
    public void Without_a_header_date_the_first_digital_signature_dates_the_directive()
    {
        var header = DirectiveHeader.Read(["Kính gửi: UBND các xã, thị trấn.", "Nội dung.", "", "\t2023-10-19T17:13:44+0700", "\t2023-10-20T08:00:00+0700"]);

        Assert.Equal(new DateOnly(2023, 10, 19), header.IssuedOn);
    }
}

public sealed class SignatureTests
{
    [Fact]
    public void Without_Noi_nhan_the_body_ends_at_the_signature_title()
    {
        var header = DirectiveHeader.Read(["ỦY BAN NHÂN DÂN", "HUYỆN THANH MIỆN", "Số: 5/UBND", "1. Giao Phòng Nội vụ theo dõi.", "", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Pham Van Dung"]);

        Assert.Equal(5, header.BodyEnd);
        Assert.Equal("Phạm Văn Dung", header.Signer);
        Assert.Equal("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", header.SignerTitle);
    }
}

public sealed class OcrNamesTests
{
    [Theory]
    [InlineData("1e Van Tung", "Le Van Tung")]
    [InlineData("GIA 1AM", "GIA LAM")]
    [InlineData("Nguyễn Văn Hùng", "Nguyễn Văn Hùng")]
    public void Digits_inside_names_are_the_letters_OCR_misread(string name, string repaired)
    {
        Assert.Equal(repaired, OcrNames.Repair(name));
    }

    [Theory]
    [InlineData("Liru Vin Ban", "Lưu Văn Ban")]
    [InlineData("Pao Van Soai", "Đào Văn Soai")]
    [InlineData("Đao Van Soai", "Đào Văn Soai")]
    [InlineData("Vi Thi Ha", "Vi Thị Ha")]
    [InlineData("Hoàng Thị Thúy Hà", "Hoàng Thị Thúy Hà")]
    public void Family_and_middle_names_get_back_their_diacritics(string name, string restored)
    {
        Assert.Equal(restored, OcrNames.RestorePerson(name));
    }
}

public sealed class HeaderDateTests
{
    [Theory]
    [InlineData("Tứ Kỳ, ngày 25 tháng 9 năm 2023", "2023-09-25")]
    [InlineData("Sé: 4 /CT-UBND Cam Giang, ngay 30théng 3 nam 2023", "2023-03-30")]
    [InlineData("Tu Ky ngay 25 thang 9 nam 2023", "2023-09-25")]
    [InlineData("Thanh Hà, ngày      tháng 11 năm 2023", null)]
    public void Reads_the_place_and_date_line(string line, string? date)
    {
        var header = DirectiveHeader.Read(["ỦY BAN NHÂN DÂN", "HUYỆN TỨ KỲ", "Số: 1/UBND", line]);

        Assert.Equal(date, header.IssuedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("V/v tăng cường quản lý đất đai")]
    [InlineData("V/V tang cuong quan ly dat dai")]
    [InlineData("VIv tang cuong quan ly dat dai")]
    public void A_subject_after_V_v_makes_a_cong_van(string line)
    {
        var header = DirectiveHeader.Read(["UBND HUYỆN TỨ KỲ", "Số: 1/UBND", line, "", "Kính gửi: UBND các xã, thị trấn."]);

        Assert.Equal("CÔNG VĂN", header.DocumentType);
        Assert.Equal(line, header.Subject);
    }
}
