using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Support;

internal static class ApiJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<string> ErrorCodeAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("error").GetString()!;

    public static MultipartFormDataContent UploadForm(string path, string title, string? fileName = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        form.Add(file, "file", fileName ?? Path.GetFileName(path));
        form.Add(new StringContent(title), "title");
        form.Add(new StringContent("true"), "allowDuplicate"); // tests reuse fixtures; duplicates are tested on their own
        return form;
    }
}
