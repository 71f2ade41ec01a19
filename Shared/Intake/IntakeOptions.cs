using System.ComponentModel.DataAnnotations;

namespace ReleaseWatch.Intake;

/// <summary>How deployments are accepted (ReleaseWatch:Intake).</summary>
public sealed class IntakeOptions
{
    /// <summary>The HMAC-SHA256 secret pipelines sign webhook bodies with. Required; at least 16 characters.</summary>
    [Required(ErrorMessage = "ReleaseWatch:Intake:SigningSecret is required (the webhook's HMAC secret).")]
    [MinLength(16, ErrorMessage = "ReleaseWatch:Intake:SigningSecret must be at least 16 characters.")]
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
    [Range(1024, 4 * 1024 * 1024, ErrorMessage = "ReleaseWatch:Intake:MaxBodyBytes must be between 1 KiB and 4 MiB.")]
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}
