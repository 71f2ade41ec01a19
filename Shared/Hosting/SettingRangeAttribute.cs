using System.ComponentModel.DataAnnotations;

namespace ReleaseWatch.Hosting;

/// <summary>
/// A numeric setting's bounds, as <see cref="RangeAttribute"/>. Its own type so the generated options validator uses it
/// as written: for a plain <c>[Range]</c> the generator emits a copy that drops a custom ErrorMessage (the setting's
/// path, e.g. "ReleaseWatch:Watches:TimersPerTick must be between 1 and 10000.").
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
    }
}
