using System.Globalization;
using Bot.Domain.Time;

namespace Bot.Tests.Time;

/// <summary>Shared reading of the time spec files.</summary>
internal static class TimeSpecs
{
    public static DateTime Local(string text) =>
        DateTime.ParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateTimeOffset Instant(string text) => VietnamTime.FromLocal(Local(text));

    /// <summary>The column of a row, or "" when the row is shorter.</summary>
    public static string At(this string[] row, int column) => column < row.Length ? row[column] : "";
}
