namespace BroadcastHub.Web.Tests.Browser;

/// <summary>What the UI says in one language, for the steps of the browser flow.</summary>
internal sealed record FlowTexts(
    string Lang, string SignIn, string CreatedCommune, string Approved, string Booked, string Completed, string ExportCsv,
    string Users, string Profile)
{
    public static readonly FlowTexts Vietnamese = new("vi", "Đăng nhập", "Đã tạo xã/phường", "Đã phê duyệt", "Đã đặt lịch phát", "Đã phát đủ",
        "Xuất CSV", "Người dùng", "Hồ sơ cá nhân");

    public static readonly FlowTexts English = new("en", "Sign in", "Created commune", "Approved", "Booked", "Completed",
        "Export CSV", "Users", "Profile");
}
