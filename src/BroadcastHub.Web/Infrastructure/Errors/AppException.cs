namespace BroadcastHub.Web.Infrastructure.Errors;

/// <summary>
/// A refusal of bad input: a stable code (its HTTP status is the <see cref="ErrorCatalog"/>'s) and a message in the UI
/// language.
/// </summary>
public sealed class AppException(string code, string message) : Exception(message)
{
    public int Status { get; } = ErrorCatalog.StatusOf(code);
    public string Code { get; } = code;
}
