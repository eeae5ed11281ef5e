using BroadcastHub.Core.Newsroom;

namespace BroadcastHub.Core.Tests.Newsroom;

public sealed class VietnameseNormaliserTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        // whole numbers
        { "0", "không" },
        { "5", "năm" },
        { "10", "mười" },
        { "11", "mười một" },
        { "14", "mười bốn" },
        { "15", "mười lăm" },
        { "20", "hai mươi" },
        { "21", "hai mươi mốt" },
        { "24", "hai mươi tư" },
        { "25", "hai mươi lăm" },
        { "55", "năm mươi lăm" },
        { "100", "một trăm" },
        { "101", "một trăm linh một" },
        { "105", "một trăm linh năm" },
        { "110", "một trăm mười" },
        { "115", "một trăm mười lăm" },
        { "999", "chín trăm chín mươi chín" },
        { "1000", "một nghìn" },
        { "1005", "một nghìn không trăm linh năm" },
        { "1050", "một nghìn không trăm năm mươi" },
        { "2026", "hai nghìn không trăm hai mươi sáu" },
        { "1000000", "một triệu" },
        { "1200000", "một triệu hai trăm nghìn" },
        { "3000000000", "ba tỷ" },
        // separators
        { "1.500", "một nghìn năm trăm" },
        { "1.234.567", "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy" },
        { "50.000đ", "năm mươi nghìn đồng" },
        { "1,234,567", "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy" },
        { "3,5", "ba phẩy năm" },
        { "0,05", "không phẩy không năm" },
        { "12,75", "mười hai phẩy bảy mươi lăm" },
        { "2.5", "hai phẩy năm" },
        { "1.250,5 tấn", "một nghìn hai trăm năm mươi phẩy năm tấn" },
        // dates
        { "06/12/2026", "ngày sáu tháng mười hai năm hai nghìn không trăm hai mươi sáu" },
        { "ngày 06/12/2026", "ngày sáu tháng mười hai năm hai nghìn không trăm hai mươi sáu" },
        { "1/4/2025", "ngày một tháng tư năm hai nghìn không trăm hai mươi lăm" },
        { "30/4", "ngày ba mươi tháng tư" },
        { "02.09.2026", "ngày hai tháng chín năm hai nghìn không trăm hai mươi sáu" },
        { "15-08-2026", "ngày mười lăm tháng tám năm hai nghìn không trăm hai mươi sáu" },
        // times
        { "17h30", "mười bảy giờ ba mươi phút" },
        { "7h", "bảy giờ" },
        { "7h05", "bảy giờ năm phút" },
        { "lúc 05:30", "lúc năm giờ ba mươi phút" },
        { "8g15", "tám giờ mười lăm phút" },
        // phone numbers
        { "0912345678", "không chín một hai ba bốn năm sáu bảy tám" },
        { "0912 345 678", "không chín một hai ba bốn năm sáu bảy tám" },
        { "024.3825.1234", "không hai bốn ba tám hai năm một hai ba bốn" },
        { "+84 912 345 678", "không chín một hai ba bốn năm sáu bảy tám" },
        { "mã số 007", "mã số không không bảy" },
        // abbreviations
        { "UBND xã", "Ủy ban nhân dân xã" },
        { "HĐND huyện", "Hội đồng nhân dân huyện" },
        { "TP. Hà Nội", "thành phố Hà Nội" },
        { "TP.HCM", "thành phố Hồ Chí Minh" },
        { "Ban PCCC và CSGT", "Ban phòng cháy chữa cháy và cảnh sát giao thông" },
        { "thẻ BHYT", "thẻ bảo hiểm y tế" },
        { "trường THCS", "trường trung học cơ sở" },
        { "UBNDX", "UBNDX" },
        // units
        { "5 km", "năm ki lô mét" },
        { "12ha", "mười hai héc ta" },
        { "32°C", "ba mươi hai độ xê" },
        { "15%", "mười lăm phần trăm" },
        { "60 km/h", "sáu mươi ki lô mét một giờ" },
        { "200 mm", "hai trăm mi li mét" },
        { "3 m", "ba mét" },
        { "người mẹ", "người mẹ" },
        // ranges and ordinals
        { "20-25°C", "hai mươi đến hai mươi lăm độ xê" },
        { "thứ 4", "thứ tư" },
        { "tháng 4", "tháng tư" },
        { "thứ 2", "thứ hai" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_token_becomes_the_words_a_voice_reads(string text, string expected) =>
        Assert.Equal(expected, VietnameseNormaliser.Normalise(text).Text);

    [Fact]
    public void A_notice_is_normalised_in_place_and_lists_each_change_in_order()
    {
        var result = VietnameseNormaliser.Normalise(
            "UBND xã thông báo: lúc 17h30 ngày 06/12/2026 cắt điện 2 km đường; liên hệ 0912 345 678.");

        Assert.Equal("Ủy ban nhân dân xã thông báo: lúc mười bảy giờ ba mươi phút ngày sáu tháng mười hai năm hai nghìn không trăm " +
                     "hai mươi sáu cắt điện hai ki lô mét đường; liên hệ không chín một hai ba bốn năm sáu bảy tám.", result.Text);
        Assert.Equal(["abbreviation", "time", "date", "number", "unit", "phone"], result.Tokens.Select(t => t.Kind));
        Assert.Equal("17h30", result.Tokens[1].Original);
        Assert.Equal("mười bảy giờ ba mươi phút", result.Tokens[1].Spoken);
    }

    [Fact]
    public void Text_without_anything_to_change_is_left_as_it_is() =>
        Assert.Empty(VietnameseNormaliser.Normalise("Bà con chú ý giữ gìn vệ sinh.").Tokens);
}
