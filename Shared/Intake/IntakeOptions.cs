using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Intake;

/// <summary>How deployments are accepted (ReleaseWatch:Intake).</summary>
public sealed class IntakeOptions
{
    /// <summary>The HMAC-SHA256 secret pipelines sign webhook bodies with. Required; at least 16 characters.</summary>
    [Required(ErrorMessage = "ReleaseWatch:Intake:SigningSecret is required (the webhook's HMAC secret).")]
    [StringLength(int.MaxValue, MinimumLength = 16, ErrorMessage = "ReleaseWatch:Intake:SigningSecret must be at least 16 characters.")]
    public string SigningSecret { get; set; } = "";

    /// <summary>During a rotation, the second accepted secret (see README, "Rotating the signing secret"). Optional.</summary>
    public string? SigningSecretNext { get; set; }

    /// <summary>
    /// Standalone mode: the key Event Grid must present on /api/events (as ?key=… in the subscription's
    /// endpoint URL). Without it /api/events refuses deliveries. Under the Functions host the
    /// eventGridTrigger's system key does this job.
    /// </summary>
    public string? EventGridKey { get; set; }

    /// <summary>The largest body accepted, in bytes. Default 256 KiB.</summary>
    [SettingRange(1024, 4 * 1024 * 1024, ErrorMessage = "ReleaseWatch:Intake:MaxBodyBytes must be between 1 KiB and 4 MiB.")]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The oldest <c>completedAt</c> taken, relative to now. Default 24 hours (Event Grid retries a delivery for up to 24 hours);
    /// an older deployment is refused (400 naming <c>completedAt</c>): its window and baseline are long past.
    /// </summary>
    [TimeSpanRange("00:01:00", "7.00:00:00", ErrorMessage = "ReleaseWatch:Intake:MaxDeploymentAge must be between 1 minute and 7 days.")]
    public TimeSpan MaxDeploymentAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How far a caller's clock may run ahead of ours: a <c>completedAt</c> later than now plus this is refused, and a signed
    /// operator action's timestamp must be within this of now (either way). Default 5 minutes.
    /// </summary>
    [TimeSpanRange("00:00:05", "01:00:00", ErrorMessage = "ReleaseWatch:Intake:MaxClockSkew must be between 5 seconds and 1 hour.")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Checks IntakeOptions's annotations; generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class IntakeOptionsValidator : IValidateOptions<IntakeOptions>;
