namespace BroadcastHub.Web.Infrastructure.Errors;

/// <summary>A refusal of bad input: stable code, HTTP status and a message in the UI language.</summary>
public sealed class AppException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static AppException BadRequest(string code, string message) => new(400, code, message);
    public static AppException NotFound(string code, string message) => new(404, code, message);
    public static AppException Conflict(string code, string message) => new(409, code, message);
}
