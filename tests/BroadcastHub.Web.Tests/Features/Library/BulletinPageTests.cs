using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Library;

/// <summary>The bulletin page: the stored original (with ranges), its waveform, its figures and warnings, and its status history.</summary>
[Collection(AppCollection.Name)]
public sealed class BulletinPageTests(AppFactory app)
{
    [Fact]
    public async Task AudioIsTheExactStoredOriginalAndHonoursRanges()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var wav = ToneWav.Create(1.5, amplitude: 0.25);
        var id = await UploadAsync(browser, wav, "Âm thanh gốc " + Guid.NewGuid().ToString("N")[..4]);

        var whole = await browser.Client.GetAsync($"/library/{id}/audio");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal(wav, await whole.Content.ReadAsByteArrayAsync());
        Assert.Contains("bytes", whole.Headers.AcceptRanges);

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/library/{id}/audio");
        ranged.Headers.Range = new RangeHeaderValue(100, 1099);
        var part = await browser.Client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(wav[100..1100], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 100-1099/{wav.Length}", part.Content.Headers.ContentRange!.ToString());

        var api = await app.CreateApiClientAsync();
        Assert.Equal(wav, await api.GetByteArrayAsync($"/api/bulletins/{id}/audio"));
        Assert.Equal("bulletin_not_found", await (await api.GetAsync("/api/bulletins/987654/audio")).ErrorCodeAsync());

        using var anonymous = PageBrowser.Anonymous(app);
        var refused = await anonymous.Client.GetAsync($"/library/{id}/audio");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/signin", refused.Headers.Location!.ToString());
    }

    [Fact]
    public async Task WaveformHasTheRequestedPointsWithTheTonesPeaksAndSilenceWhereItIsSilent()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var wav = ToneWav.Create(2.0, amplitude: 0.5, silentFrom: 1.0, silentSeconds: 0.5);
        var id = await UploadAsync(browser, wav, "Dạng sóng " + Guid.NewGuid().ToString("N")[..4]);

        var json = await browser.Client.GetFromJsonAsync<JsonElement>($"/library/{id}/waveform?points=200");
        Assert.Equal(200, json.GetProperty("points").GetInt32());
        var max = json.GetProperty("max").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var min = json.GetProperty("min").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(200, max.Length);
        Assert.Equal(200, min.Length);
        Assert.Equal(2.0, json.GetProperty("durationSeconds").GetDouble(), 3);
        // 200 points over 2 s: 10 ms each, so points 0–99 and 150–199 hold tone, points 100–149 silence.
        foreach (var i in Enumerable.Range(0, 100).Concat(Enumerable.Range(150, 50)))
        {
            Assert.InRange(max[i], 0.49, 0.51);
            Assert.InRange(min[i], -0.51, -0.49);
        }
        foreach (var i in Enumerable.Range(101, 48)) Assert.Equal((0.0, 0.0), (min[i], max[i]));
        Assert.Empty(json.GetProperty("warnings").EnumerateArray());

        var sha = (await (await app.CreateApiClientAsync()).GetFromJsonAsync<JsonElement>($"/api/bulletins/{id}")).GetProperty("sha256").GetString()!;
        Assert.True(File.Exists(Path.Combine(app.DataPath, "media", sha[..2], $"{sha}.waveform-200.json")), "the waveform is cached next to the original");
        var again = await browser.Client.GetFromJsonAsync<JsonElement>($"/library/{id}/waveform?points=200");
        Assert.Equal(max, again.GetProperty("max").EnumerateArray().Select(v => v.GetDouble()).ToArray());

        var api = await app.CreateApiClientAsync();
        var standard = await api.GetFromJsonAsync<JsonElement>($"/api/bulletins/{id}/waveform");
        Assert.Equal(600, standard.GetProperty("max").GetArrayLength());
        var bad = await api.GetAsync($"/api/bulletins/{id}/waveform?points=5");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid_points", await bad.ErrorCodeAsync());
        Assert.Equal("invalid_points", await (await browser.Client.GetAsync($"/library/{id}/waveform?points=99999")).ErrorCodeAsync());
    }

    [Fact]
    public async Task PageShowsFiguresWarningsPlayerAndTheRejectionInTheHistory()
    {
        using var operatorBrowser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var title = "Bản tin to quá " + Guid.NewGuid().ToString("N")[..4];
        var id = await UploadAsync(operatorBrowser, ToneWav.Create(1.0, amplitude: 0.95), title);

        var pending = await operatorBrowser.PageAsync($"/library/{id}");
        var text = PageBrowser.TextOf(pending);
        Assert.Contains(title, text);
        Assert.Contains("00:01", text);
        Assert.Contains("LUFS", text);
        Assert.Contains("dBTP", text);
        Assert.Contains("Đỉnh thực", text);
        Assert.Contains("vượt ngưỡng -1,0 dBTP", text); // the Vietnamese decimal comma
        Assert.Contains($"src=\"/library/{id}/audio\"", pending);
        Assert.Contains($"data-src=\"/library/{id}/waveform?points=600\"", pending);
        Assert.DoesNotContain($"/library/{id}/reject", pending);

        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        Assert.Contains($"/library/{id}/reject", await supervisor.PageAsync($"/library/{id}"));
        var rejected = await supervisor.SubmitAsync($"/library/{id}", $"/library/{id}/reject",
            new Dictionary<string, string> { ["reason"] = "Âm lượng quá lớn, bị méo" });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        var page = await operatorBrowser.PageAsync($"/library/{id}");
        var history = Squeeze(PageBrowser.TextOf(Between(page, "id=\"history\"", "</ol>")));
        Assert.Contains("Tải lên", history);
        Assert.Contains("Từ chối", history);
        Assert.Contains("Lý do: Âm lượng quá lớn, bị méo", history);
        Assert.Matches(@"supervisor-\w{6}", history);
        Assert.True(history.IndexOf("Tải lên", StringComparison.Ordinal) < history.IndexOf("Từ chối", StringComparison.Ordinal));
        Assert.Contains("Bị từ chối", PageBrowser.TextOf(page));

        await operatorBrowser.SubmitAsync("/library", "/language", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" });
        var english = Squeeze(PageBrowser.TextOf(await operatorBrowser.PageAsync($"/library/{id}")));
        Assert.Contains("Status history", english);
        Assert.Contains("Rejected by supervisor-", english);
        Assert.Contains("Reason: Âm lượng quá lớn, bị méo", english);
        Assert.Contains("is above the -1.0 dBTP ceiling", english);
        await operatorBrowser.SubmitAsync("/library", "/language", new Dictionary<string, string> { ["culture"] = "vi-VN", ["returnUrl"] = "/" });

        var missing = await operatorBrowser.Client.GetAsync("/library/987654");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Không có bản tin số 987654", PageBrowser.TextOf(await PageBrowser.HtmlOf(missing)));
    }

    [Fact]
    public async Task HistoryShowsAnApprovalThroughTheApiWithItsReviewer()
    {
        var api = await app.CreateApiClientAsync();
        var title = "Duyệt qua API " + Guid.NewGuid().ToString("N")[..4];
        using var form = UploadContent(ToneWav.Create(0.6), title);
        var id = (await (await api.PostAsync("/api/bulletins", form)).JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/bulletins/{id}/approve", null)).StatusCode);

        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var history = Squeeze(PageBrowser.TextOf(Between(await browser.PageAsync($"/library/{id}"), "id=\"history\"", "</ol>")));
        Assert.Contains("Tải lên bởi admin", history);
        Assert.Contains("Phê duyệt bởi admin", history);
    }

    [Fact]
    public async Task ScriptUploadGetsJsonAndTheSpecificRefusal()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var title = "Tải bằng script " + Guid.NewGuid().ToString("N")[..4];
        var created = await PostForJsonAsync(browser, ToneWav.Create(0.5), title, "tin.wav");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Equal($"/library/{body.GetProperty("id").GetInt64()}", created.Headers.Location!.ToString());
        Assert.Contains(title, PageBrowser.TextOf(await browser.PageAsync("/library")));

        var refused = await PostForJsonAsync(browser, "not audio at all"u8.ToArray(), "Giả", "gia.mp3");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        var error = await refused.JsonAsync();
        Assert.Equal("unrecognized_format", error.GetProperty("error").GetString());
        Assert.Contains("Không nhận ra định dạng âm thanh", error.GetProperty("message").GetString());

        var untitled = await PostForJsonAsync(browser, ToneWav.Create(0.5), "", "tin.wav");
        Assert.Equal("title_required", await untitled.ErrorCodeAsync());
    }

    [Fact]
    public async Task LibrarySearchFindsTitlesWithoutAccentsAndFiltersByUploadDate()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await UploadAsync(browser, ToneWav.Create(0.5), $"Dự báo thời tiết {tag}");
        await UploadAsync(browser, ToneWav.Create(0.5), $"Lịch tiêm chủng {tag}");

        var found = PageBrowser.TextOf(Between(await browser.PageAsync($"/library?q=thoi+tiet+{tag}"), "id=\"bulletins\"", "</table>"));
        Assert.Contains($"Dự báo thời tiết {tag}", found);
        Assert.DoesNotContain($"Lịch tiêm chủng {tag}", found);

        var today = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        string Day(int d) => today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"Lịch tiêm chủng {tag}", PageBrowser.TextOf(await browser.PageAsync($"/library?q={tag}&from={Day(-1)}&to={Day(1)}")));
        Assert.Contains("Không có bản tin nào khớp", PageBrowser.TextOf(await browser.PageAsync($"/library?q={tag}&from={Day(1)}")));
        var bad = await browser.PageAsync("/library?from=31/12/2026", HttpStatusCode.BadRequest);
        Assert.Contains("yyyy-MM-dd", PageBrowser.TextOf(bad));
    }

    /// <summary>Uploads WAV bytes through the page form and returns the new bulletin's id.</summary>
    internal static async Task<long> UploadAsync(PageBrowser browser, byte[] wav, string title)
    {
        var response = await PostForJsonAsync(browser, wav, title, "tin.wav");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>Posts the upload form as the library's script does: same fields and token, asking for JSON.</summary>
    private static async Task<HttpResponseMessage> PostForJsonAsync(PageBrowser browser, byte[] content, string title, string fileName)
    {
        var token = PageBrowser.TokenIn(await browser.PageAsync("/library"));
        using var form = UploadContent(content, title, fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/library/upload") { Content = form };
        request.Headers.Accept.ParseAdd("application/json");
        return await browser.Client.SendAsync(request);
    }

    private static MultipartFormDataContent UploadContent(byte[] content, string title, string fileName = "tin.wav")
    {
        var form = new MultipartFormDataContent { { new StringContent(title), "title" }, { new StringContent("true"), "allowDuplicate" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", fileName);
        return form;
    }

    private static string Squeeze(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not in the page");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..to];
    }
}
