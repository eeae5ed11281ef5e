using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using Microsoft.Extensions.Primitives;

namespace BroadcastHub.Web.Features.Library;

/// <summary>The upload's <c>allowDuplicate</c> switch, read from the form field or the query string.</summary>
public static class AllowDuplicateFlag
{
    public const string Name = "allowDuplicate";

    /// <summary>True when either source says <c>true</c>; a value that is not a boolean is refused (400 <c>invalid_allow_duplicate</c>).</summary>
    public static bool Read(StringValues formValue, StringValues queryValue) => Parse(formValue) || Parse(queryValue);

    private static bool Parse(StringValues values)
    {
        var text = values.LastOrDefault()?.Trim();
        if (string.IsNullOrEmpty(text)) return false;
        if (bool.TryParse(text, out var flag)) return flag;
        throw new AppException("invalid_allow_duplicate", Msg.Get("AllowDuplicateMustBeTrueOrFalse"));
    }
}
