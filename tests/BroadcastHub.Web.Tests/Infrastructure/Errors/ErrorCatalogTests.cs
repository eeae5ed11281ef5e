using System.Reflection;
using System.Text.RegularExpressions;
using BroadcastHub.Audio.Decoding;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Tests.Browser;

namespace BroadcastHub.Web.Tests.Infrastructure.Errors;

/// <summary>One table gives each refusal code its one HTTP status, and every code the web project throws is in it.</summary>
public sealed partial class ErrorCatalogTests
{
    private static readonly string Source = Path.Combine(RepoPaths.Root, "src", "BroadcastHub.Web");

    [Fact]
    public void Each_code_has_exactly_one_status_in_the_table()
    {
        var text = File.ReadAllText(Path.Combine(Source, "Infrastructure", "Errors", "ErrorCatalog.cs"));
        var keys = CatalogKey().Matches(text).Select(m => m.Groups["code"].Value).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(keys.Count, ErrorCatalog.Statuses.Count);
        Assert.All(ErrorCatalog.Statuses.Values, s => Assert.InRange(s, 400, 599));
    }

    [Fact]
    public void Every_code_thrown_in_the_web_project_is_in_the_table_and_no_refusal_names_its_own_status()
    {
        var thrown = new HashSet<string>(StringComparer.Ordinal);
        var ownStatus = new List<string>();
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            foreach (Match m in ThrownCode().Matches(text)) thrown.Add(m.Groups["code"].Value);
            if (OwnStatus().IsMatch(text)) ownStatus.Add(Path.GetRelativePath(Source, file));
        }
        Assert.True(thrown.Count > 80, $"only {thrown.Count} codes found: the pattern no longer matches the code");
        Assert.Equal("", string.Join(", ", thrown.Where(c => !ErrorCatalog.Statuses.ContainsKey(c))));
        Assert.Empty(ownStatus);
    }

    [Fact]
    public void Codes_thrown_through_constants_are_in_the_table()
    {
        var audio = typeof(AudioErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        string[] others =
        [
            Core.Policies.PolicyHierarchy.WiderThanParentCode, "outside_allowed_hours", "session_too_long", "too_many_sessions",
            "weekday_not_allowed", Web.Features.Users.CommonPasswords.Code, BroadcastHub.Playout.OutputSpecAllowList.RefusedCode,
            Web.Features.Library.FourEyesRule.Code, "station_offline", "agent_unreachable",
        ];
        Assert.Equal("", string.Join(", ", audio.Concat(others).Where(c => !ErrorCatalog.Statuses.ContainsKey(c))));
    }

    [Theory]
    [InlineData("bulletin_not_found", 404)]
    [InlineData("unit_not_found", 404)]
    [InlineData("playlist_not_found", 404)]
    [InlineData("unsupported_format", 415)]
    [InlineData("duplicate_booking", 409)]
    public void A_refusal_takes_its_status_from_the_table(string code, int status) =>
        Assert.Equal(status, new AppException(code, "x").Status);

    private static IEnumerable<string> SourceFiles() => Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("""\["(?<code>[a-z0-9_]+)"\]\s*=\s*\d{3}""")]
    private static partial Regex CatalogKey();

    [GeneratedRegex("""(?:new AppException\(|AppException \w+\([^)]*\)\s*=>\s*new\(|throw BadRequest\(|ParseEnum<\w+>\([^;]*?)\s*"(?<code>[a-z0-9_]+)"(?=\s*,)""")]
    private static partial Regex ThrownCode();

    [GeneratedRegex(@"new AppException\(\s*\d")]
    private static partial Regex OwnStatus();
}
