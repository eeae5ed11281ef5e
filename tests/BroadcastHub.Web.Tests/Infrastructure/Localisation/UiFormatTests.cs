using System.Globalization;
using BroadcastHub.Web.Infrastructure.Localisation;

namespace BroadcastHub.Web.Tests.Infrastructure.Localisation;

/// <summary>Numbers and times as the UI shows them: one decimal separator per language (from the culture), HH:mm for planned times.</summary>
public sealed class UiFormatTests
{
    [Theory]
    [InlineData("vi-VN", "-23,4")]
    [InlineData("en-US", "-23.4")]
    public void A_number_takes_the_decimal_separator_of_the_ui_culture(string culture, string expected)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(expected, Ui.Number(-23.4));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void Planned_times_drop_seconds_that_are_zero_and_measured_times_show_minutes()
    {
        var planned = new DateTimeOffset(2026, 5, 4, 5, 30, 0, TimeSpan.FromHours(7));
        Assert.Equal("05:30", Ui.Time(planned));
        Assert.Equal("2026-05-04 05:30", Ui.Stamp(planned));
        Assert.Equal("05:30:15", Ui.Time(planned.AddSeconds(15)));
        Assert.Equal("05:30", Ui.Minute(planned.AddSeconds(15.4)));
    }
}
