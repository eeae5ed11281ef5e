namespace BroadcastHub.Core.Newsroom;

/// <summary>What the normaliser turned one token into.</summary>
/// <param name="Original">The text as typed (<c>17h30</c>).</param>
/// <param name="Spoken">What the voice reads (<c>mười bảy giờ ba mươi phút</c>).</param>
/// <param name="Kind"><c>number</c>, <c>date</c>, <c>time</c>, <c>phone</c>, <c>range</c>, <c>unit</c> or <c>abbreviation</c>.</param>
public sealed record NormalisedToken(string Original, string Spoken, string Kind);

/// <summary>Text ready for a voice, and the list of what changed.</summary>
public sealed record NormalisedText(string Text, IReadOnlyList<NormalisedToken> Tokens);
