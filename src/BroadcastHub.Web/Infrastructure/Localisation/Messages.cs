namespace BroadcastHub.Web.Infrastructure.Localisation;

/// <summary>
/// The UI's message catalog: <c>Messages.resx</c> holds the Vietnamese texts (the neutral culture),
/// <c>Messages.en.resx</c> the English ones; a third language is one more <c>Messages.{culture}.resx</c>.
/// Resolve it as <c>IStringLocalizer&lt;Messages&gt;</c>, or read it through <see cref="Msg"/>.
/// </summary>
public sealed class Messages;
