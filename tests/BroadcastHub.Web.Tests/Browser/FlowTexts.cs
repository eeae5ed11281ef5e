namespace BroadcastHub.Web.Tests.Browser;

/// <summary>What the UI says in one language, for the steps of the browser flow.</summary>
internal sealed record FlowTexts(
    string Lang, string SignIn, string SignOut, string Approved, string AddSession, string Completed, string ExportCsv,
    string Booked, string CreatedCommune, string Uploaded)
{
    public static readonly FlowTexts Vietnamese = new("vi", "Đăng nhập", "Đăng xuất", "Đã phê duyệt", "Thêm khung giờ phát", "Đã phát đủ",
        "Xuất CSV", "Đã đặt lịch phát", "Đã tạo xã/phường", "Đã tải lên");

    public static readonly FlowTexts English = new("en", "Sign in", "Sign out", "Approved", "Add session", "Completed",
        "Export CSV", "Booked", "Created commune", "Uploaded");
}
