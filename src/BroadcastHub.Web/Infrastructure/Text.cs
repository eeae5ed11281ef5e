using System.Globalization;

namespace BroadcastHub.Web.Infrastructure;

/// <summary>
/// Picks the Vietnamese or English form of a message by the current UI culture (Vietnamese by default). Superseded by
/// the message catalog (<see cref="Localisation.Msg"/>); only <c>Playout/StationAlerts</c> still calls it, left to the
/// playout work (<c>tools/messages/convert.py --include-playout</c> converts it).
/// </summary>
public static class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Pick(string vietnamese, string english) => IsEnglish ? english : vietnamese;
}
