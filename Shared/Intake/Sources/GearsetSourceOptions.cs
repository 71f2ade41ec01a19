namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// Gearset outgoing webhooks (ReleaseWatch:Sources:Gearset). Gearset documents no signature, so a delivery proves itself
/// with a secret path segment (/api/sources/gearset/{PathKey}, for the standard payload) or HTTP Basic credentials (a
/// custom payload's Basic Authentication header). Neither set = off.
/// </summary>
public sealed class GearsetSourceOptions
{
    /// <summary>The secret last segment of the webhook URL; at least 16 characters.</summary>
    public string? PathKey { get; set; }

    public string? Username { get; set; }

    /// <summary>At least 16 characters.</summary>
    public string? Password { get; set; }
}
