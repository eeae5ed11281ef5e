using System.Globalization;

namespace BroadcastHub.Web.Infrastructure;

/// <summary>
/// Picks the Vietnamese or English form of a message by the current UI culture (Vietnamese by default). Superseded by
/// the message catalog (<see cref="Localization.Msg"/>); only <c>Playout/</c> still calls it until it moves into its own
/// project.
/// </summary>
public static class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Pick(string vietnamese, string english) => IsEnglish ? english : vietnamese;
}
