using BroadcastHub.Core.Library;

namespace BroadcastHub.Web.Features.Newsroom;

/// <summary>The upload form's optional <c>source</c> field: the recorder marks its files; text to speech has its own route.</summary>
public static class RecordingSource
{
    /// <summary><see cref="BulletinSources.Recording"/> for <c>recording</c>, else <see cref="BulletinSources.Upload"/>.</summary>
    public static string KindOf(string? source) =>
        string.Equals(source?.Trim(), BulletinSources.Recording, StringComparison.OrdinalIgnoreCase) ? BulletinSources.Recording : BulletinSources.Upload;
}
