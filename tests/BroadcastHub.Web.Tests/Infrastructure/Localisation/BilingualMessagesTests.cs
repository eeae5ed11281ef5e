using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;
using System.Text;
using BroadcastHub.Web.Tests.Browser;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Features.Playlists;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Features.Users;
using BroadcastHub.Web.Tests.Infrastructure.Localisation;
using BroadcastHub.Web.Tests.Localisation;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Infrastructure.Localisation;

/// <summary>
/// Every user-facing message has a Vietnamese and an English text, each wholly in its language: the message catalog, and refusals the API gives in both languages (<c>Accept-Language: en</c> works).
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class BilingualMessagesTests(AppFactory app)
{
    [Fact]
    public void Every_message_of_the_catalog_has_two_different_non_empty_texts_and_no_english_in_the_vietnamese()
    {
        var english = Catalog.English;
        var problems = new List<string>();
        foreach (var (key, vi) in Catalog.Vietnamese)
        {
            var en = english.GetValueOrDefault(key, "");
            var where = $"{key}: {vi[..Math.Min(100, vi.Length)]}";
            if (vi.Trim().Length == 0 || en.Trim().Length == 0) problems.Add("empty: " + where);
            else if (vi == en) problems.Add("same in both languages: " + where);
            else if (EnglishWords().IsMatch(Prose(vi))) problems.Add("English inside the Vietnamese: " + where);
        }
        Assert.True(Catalog.Vietnamese.Count > 500, $"only {Catalog.Vietnamese.Count} messages in the catalog");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static TheoryData<string> Refusals => ["policy", "upload", "invalid_request", "invalid_date", "invalid_page", "not_found"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_reads_wholly_in_vietnamese_by_default_and_wholly_in_english_with_accept_language_en(string refusal)
    {
        var vi = await RefuseAsync(refusal, null);
        var en = await RefuseAsync(refusal, "en");

        Assert.Equal(vi.Code, en.Code);
        Assert.NotEqual(vi.Message, en.Message);
        Assert.Matches(VietnameseLetters(), vi.Message);
        Assert.DoesNotMatch(EnglishWords(), Prose(vi.Message));
        Assert.DoesNotMatch(VietnameseLetters(), en.Message);
    }

    private async Task<(string Code, string Message)> RefuseAsync(string refusal, string? language)
    {
        var client = await app.CreateApiClientAsync();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var response = refusal switch
        {
            "policy" => await client.PostAsJsonAsync("/api/sessions", new
            {
                communeId = await CommuneWithPolicyAsync(client), weekdays = new[] { 1 }, start = "20:30", lengthMinutes = 90,
            }),
            "upload" => await client.PostAsync("/api/bulletins", new MultipartFormDataContent
            {
                { new ByteArrayContent("không phải âm thanh"u8.ToArray()), "file", "tin.mp3" }, { new StringContent("Tin thử"), "title" },
            }),
            "invalid_request" => await client.PostAsync("/api/communes", new StringContent("{\"name\": 12", Encoding.UTF8, "application/json")),
            "invalid_date" => await client.GetAsync("/api/airtime?from=2026-13-45"),
            "invalid_page" => await client.GetAsync("/api/airtime?page=0"),
            _ => await client.GetAsync("/api/airtime?communeId=987654321"),
        };
        Assert.True(response.StatusCode >= HttpStatusCode.BadRequest, $"{refusal}: {(int)response.StatusCode}");
        var body = await response.JsonAsync();
        return (body.GetProperty("error").GetString()!, body.GetProperty("message").GetString()!);
    }

    /// <summary>A commune under a unit that allows 05:00–21:00 and sessions of at most 60 minutes.</summary>
    private static async Task<long> CommuneWithPolicyAsync(HttpClient client)
    {
        var unit = (await (await client.PostAsJsonAsync("/api/units", new { name = "Trung tâm song ngữ " + Guid.NewGuid().ToString("N")[..5] })).JsonAsync())
            .GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/units/{unit}/policy", new
        {
            allowedFrom = "05:00", allowedTo = "21:00", weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, maxSessionMinutes = 60, maxSessionsPerDay = 2,
        })).StatusCode);
        return (await (await client.PostAsJsonAsync("/api/communes", new { name = "Xã song ngữ", parentUnitId = unit })).JsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>A text without its placeholders and quoted codes ('xlsx', "x"), for the word check.</summary>
    private static string Prose(string text) => QuotedOrHole().Replace(text, " ");

    [GeneratedRegex(@"\b(the|is|are|was|not|cannot|must|and|with|has|of|to|for)\b")]
    private static partial Regex EnglishWords();

    [GeneratedRegex(@"\{[^}]*\}|'[^']*'|\\""[^""]*\\""|""[^""]*""")]
    private static partial Regex QuotedOrHole();

    [GeneratedRegex("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]")]
    private static partial Regex VietnameseLetters();
}
