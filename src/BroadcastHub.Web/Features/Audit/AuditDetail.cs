using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace BroadcastHub.Web.Features.Audit;

/// <summary>What the audit log keeps of a request: route values, bound arguments and form fields, secrets redacted, size capped.</summary>
internal static partial class AuditDetail
{
    public const int MaxChars = 8_000;
    private const string Redacted = "***";

    [GeneratedRegex("password|secret|token|hash", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();

    /// <summary>Bound action arguments as JSON, without files, streams and cancellation tokens.</summary>
    public static JsonObject Arguments(IDictionary<string, object?> arguments)
    {
        var json = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            if (value is CancellationToken or Stream or IFormFile or IFormFileCollection) continue;
            json[name] = Secret().IsMatch(name) ? Redacted : Node(value);
        }
        return json;
    }

    /// <summary>Non-file form fields and the names and sizes of uploaded files, if the form was read.</summary>
    public static JsonObject? Form(HttpContext http)
    {
        if (http.Features.Get<IFormFeature>()?.Form is not { } form) return null;
        var json = new JsonObject();
        foreach (var (key, value) in form)
            if (!key.StartsWith("__", StringComparison.Ordinal)) json[key] = Secret().IsMatch(key) ? Redacted : value.ToString();
        foreach (var file in form.Files) json[file.Name] = new JsonObject { ["fileName"] = file.FileName, ["length"] = file.Length };
        return json.Count == 0 ? null : json;
    }

    /// <summary>The detail with secrets redacted; one larger than <see cref="MaxChars"/> as JSON keeps only its method and path.</summary>
    public static JsonObject Capped(JsonObject detail)
    {
        Redact(detail);
        if (detail.ToJsonString(AuditLog.Json).Length <= MaxChars) return detail;
        return new JsonObject { ["method"] = detail["method"]?.DeepClone(), ["path"] = detail["path"]?.DeepClone(), ["truncated"] = true };
    }

    private static JsonNode? Node(object? value)
    {
        if (value is null) return null;
        try
        {
            return JsonSerializer.SerializeToNode(value, value.GetType(), AuditLog.Json);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException)
        {
            return value.GetType().Name;
        }
    }

    private static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                    if (Secret().IsMatch(key)) o[key] = Redacted;
                    else Redact(o[key]);
                break;
            case JsonArray a:
                foreach (var item in a) Redact(item);
                break;
        }
    }
}
