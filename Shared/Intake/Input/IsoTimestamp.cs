using System.Globalization;
using System.Text.RegularExpressions;

namespace ReleaseWatch.Intake.Input;

/// <summary>
/// The one timestamp shape intake takes: ISO 8601 / RFC 3339 date-time with an offset, e.g.
/// <c>2026-11-23T10:00:00Z</c> or <c>2026-11-23T11:00:00.123+01:00</c>. Culture formats
/// (<c>11/23/2026 10:00:00 +00:00</c>), RFC 1123 and local times without an offset are refused.
/// </summary>
internal static partial class IsoTimestamp
{
    public const string Expected = "Must be an ISO 8601 timestamp with an offset, e.g. 2026-11-23T10:00:00Z.";

    /// <summary>The instant in UTC, or null when <paramref name="text"/> is not the ISO 8601 shape.</summary>
    public static DateTimeOffset? TryParse(string? text)
    {
        if (text is null || !Shape().IsMatch(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.ToUniversalTime() : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Shape();
}
