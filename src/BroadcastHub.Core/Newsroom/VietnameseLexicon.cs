namespace BroadcastHub.Core.Newsroom;

/// <summary>The abbreviations and units a commune notice uses, with what a voice should say.</summary>
public static class VietnameseLexicon
{
    /// <summary>Abbreviations, matched whole and case-sensitively (longest first).</summary>
    public static readonly IReadOnlyDictionary<string, string> Abbreviations = new Dictionary<string, string>
    {
        ["UBND"] = "Ủy ban nhân dân", ["HĐND"] = "Hội đồng nhân dân", ["UBMTTQ"] = "Ủy ban Mặt trận Tổ quốc",
        ["MTTQ"] = "Mặt trận Tổ quốc", ["TP.HCM"] = "thành phố Hồ Chí Minh", ["TP. HCM"] = "thành phố Hồ Chí Minh",
        ["TP."] = "thành phố", ["Tp."] = "thành phố", ["TP"] = "thành phố", ["HCM"] = "Hồ Chí Minh", ["TX."] = "thị xã",
        ["TT."] = "thị trấn", ["BCH"] = "Ban chỉ huy", ["PCCC"] = "phòng cháy chữa cháy", ["PCTT"] = "phòng chống thiên tai",
        ["TKCN"] = "tìm kiếm cứu nạn", ["ATGT"] = "an toàn giao thông", ["CSGT"] = "cảnh sát giao thông",
        ["BHYT"] = "bảo hiểm y tế", ["BHXH"] = "bảo hiểm xã hội", ["THCS"] = "trung học cơ sở",
        ["THPT"] = "trung học phổ thông", ["TW"] = "trung ương", ["VN"] = "Việt Nam", ["KP"] = "khu phố",
        ["TDP"] = "tổ dân phố", ["KDC"] = "khu dân cư", ["SĐT"] = "số điện thoại", ["ĐT"] = "điện thoại",
        ["GD-ĐT"] = "giáo dục và đào tạo", ["GDĐT"] = "giáo dục và đào tạo", ["NN&PTNT"] = "nông nghiệp và phát triển nông thôn",
        ["ĐBSCL"] = "đồng bằng sông Cửu Long", ["TNHH"] = "trách nhiệm hữu hạn", ["Đ/c"] = "đồng chí", ["đ/c"] = "đồng chí",
        ["v.v."] = "vân vân", ["VNĐ"] = "đồng", ["VND"] = "đồng",
    };

    /// <summary>Units, read only right after a number (<c>5 km</c>, <c>32°C</c>, <c>15%</c>), longest first.</summary>
    public static readonly IReadOnlyDictionary<string, string> Units = new Dictionary<string, string>
    {
        ["km/h"] = "ki lô mét một giờ", ["km²"] = "ki lô mét vuông", ["km2"] = "ki lô mét vuông", ["km"] = "ki lô mét",
        ["m²"] = "mét vuông", ["m2"] = "mét vuông", ["m³"] = "mét khối", ["m3"] = "mét khối", ["mm"] = "mi li mét",
        ["cm"] = "xen ti mét", ["m"] = "mét", ["ha"] = "héc ta", ["kg"] = "ki lô gam", ["g"] = "gam", ["°C"] = "độ xê",
        ["ºC"] = "độ xê", ["%"] = "phần trăm", ["đ"] = "đồng", ["ml"] = "mi li lít", ["kWh"] = "ki lô oát giờ",
    };
}
