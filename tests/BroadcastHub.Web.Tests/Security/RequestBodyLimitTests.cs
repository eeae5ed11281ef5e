using System.Net;
using System.Net.Http.Json;
using System.Text;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BroadcastHub.Web.Tests.Security;

[Collection(AppCollection.Name)]
public sealed class RequestBodyLimitTests(AppFactory app)
{
    private static readonly string Megabyte = new('x', 1024 * 1024);

    [Theory]
    [InlineData("/account/signin", "application/x-www-form-urlencoded")]
    [InlineData("/api/auth/token", "application/json")]
    public async Task A_one_megabyte_sign_in_is_refused_with_413_before_it_is_read(string route, string contentType)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var body = contentType == "application/json" ? $"{{\"userName\":\"admin\",\"password\":\"{Megabyte}\"}}" : "userName=admin&password=" + Megabyte;

        var response = await client.PostAsync(route, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal("payload_too_large", error.GetProperty("error").GetString());
        Assert.Contains("64 KB", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_oversized_json_api_body_is_refused_with_413_also_when_its_length_is_not_declared()
    {
        var client = await app.CreateApiClientAsync();
        var name = "Đơn vị quá lớn " + Guid.NewGuid().ToString("N")[..6];
        var declared = await client.PostAsync("/api/units", new StringContent(
            $"{{\"name\":\"{name}\",\"padding\":\"{Megabyte}\"}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("payload_too_large", await declared.ErrorCodeAsync());

        var chunked = JsonContent.Create(new { name, padding = Megabyte });
        var streamed = await client.PostAsync("/api/units", chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal("payload_too_large", await streamed.ErrorCodeAsync());

        var units = await (await client.GetAsync("/api/units")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(name, units);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/units", new { name })).StatusCode);
    }
}
