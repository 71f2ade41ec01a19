using System.Globalization;
using System.Text;

namespace ReleaseWatch.Signals;

/// <summary>
/// Table keys for signals: minutes as "yyyyMMddHHmm" (see <see cref="SignalMinuteRow"/> for the rows), so a window is
/// one partition range read. Channel names hold '/', which keys may not: it becomes '!'.
/// </summary>
internal static class SignalKeys
{
    public const string MinuteFormat = "yyyyMMddHHmm";

    public static string Bucket(string orgId, string signal) => orgId + "|" + signal;

    public static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString(MinuteFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset MinuteStart(DateTimeOffset at) =>
        new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, at.UtcDateTime.Minute, 0, TimeSpan.Zero);

    public static DateTimeOffset ParseMinute(string rowKey) =>
        DateTimeOffset.ParseExact(rowKey, MinuteFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Channel(string channel) => channel.Replace('/', '!');

    /// <summary>The bucket property holding the highest replay id counted from <paramref name="channel"/> (property names must be identifiers).</summary>
    public static string ReplayProperty(string channel) => "R_" + Convert.ToHexString(Encoding.UTF8.GetBytes(channel));

    /// <summary>The channel whose replay mark <paramref name="property"/> holds.</summary>
    public static string ChannelOfReplayProperty(string property) => Encoding.UTF8.GetString(Convert.FromHexString(property.AsSpan(2)));
}
