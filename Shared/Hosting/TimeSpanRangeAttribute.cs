using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ReleaseWatch.Hosting;

/// <summary>
/// A setting's duration must lie within [minimum, maximum] (constant-format TimeSpans, e.g. "00:00:05", "1.00:00:00").
/// What <c>[Range(typeof(TimeSpan), …)]</c> says, without its type converter lookup: the native executable has no
/// reflection to find one.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    public TimeSpanRangeAttribute(string minimum, string maximum)
        : base("The field {0} must be between {1} and {2}.")
    {
        Minimum = TimeSpan.ParseExact(minimum, "c", CultureInfo.InvariantCulture);
        Maximum = TimeSpan.ParseExact(maximum, "c", CultureInfo.InvariantCulture);
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    public override bool IsValid(object? value) => value is null || (value is TimeSpan span && span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
