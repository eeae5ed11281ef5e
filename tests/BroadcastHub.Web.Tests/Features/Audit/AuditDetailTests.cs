using System.Text.Json.Nodes;
using BroadcastHub.Web.Features.Audit;

namespace BroadcastHub.Web.Tests.Features.Audit;

public sealed class AuditDetailTests
{
    private sealed record NewUser(string UserName, string Password, string Role);

    [Fact]
    public void Secrets_are_redacted_and_tokens_streams_and_files_are_left_out()
    {
        var arguments = AuditDetail.Arguments(new Dictionary<string, object?>
        {
            ["request"] = new NewUser("ha", "Mật-khẩu-1", "Operator"),
            ["apiToken"] = "abc",
            ["cancel"] = CancellationToken.None,
            ["content"] = new MemoryStream(),
        });
        var detail = AuditDetail.Capped(new JsonObject { ["method"] = "POST", ["arguments"] = arguments });

        var text = detail.ToJsonString();
        Assert.DoesNotContain("Mật-khẩu-1", text);
        Assert.DoesNotContain("abc", text);
        Assert.Equal("***", detail["arguments"]!["request"]!["password"]!.GetValue<string>());
        Assert.Equal("ha", detail["arguments"]!["request"]!["userName"]!.GetValue<string>());
        Assert.Equal(["request", "apiToken"], detail["arguments"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void An_oversized_detail_keeps_only_its_method_and_path()
    {
        var detail = AuditDetail.Capped(new JsonObject
        {
            ["method"] = "PUT", ["path"] = "/api/x", ["arguments"] = new JsonObject { ["text"] = new string('x', AuditDetail.MaxChars) },
        });
        Assert.Equal("""{"method":"PUT","path":"/api/x","truncated":true}""", detail.ToJsonString());
    }
}
