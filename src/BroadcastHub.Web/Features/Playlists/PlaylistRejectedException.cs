namespace BroadcastHub.Web.Features.Playlists;

/// <summary>One problem of a refused playlist, as the API reports it.</summary>
public sealed record PlaylistProblemJson(int Line, string Code, string Message);

/// <summary>
/// A playlist import refused as a whole (nothing stored): a stable code, a message naming the lines, and every
/// problem with its line number.
/// </summary>
public sealed class PlaylistRejectedException(int status, string code, string message, IReadOnlyList<PlaylistProblemJson> problems)
    : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IReadOnlyList<PlaylistProblemJson> Problems { get; } = problems;

    /// <summary>The error body: the usual <c>{ error, message }</c> plus <c>problems</c>.</summary>
    public object Body => new { error = Code, message = Message, problems = Problems };
}
