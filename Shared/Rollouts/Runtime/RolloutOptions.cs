using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Rollouts.Runtime;

/// <summary>How rollouts run (ReleaseWatch:Rollouts).</summary>
public sealed class RolloutOptions
{
    /// <summary>How many of a wave's watches are created at once (each is its own partition and transaction). Default 16.</summary>
    [SettingRange(1, 256, ErrorMessage = "ReleaseWatch:Rollouts:StartConcurrency must be between 1 and 256.")]
    public int StartConcurrency { get; set; } = 16;

    /// <summary>At most this many orgs in one rollout (its state row must stay under Table Storage's 1 MiB entity limit). Default 2000.</summary>
    [SettingRange(1, 2000, ErrorMessage = "ReleaseWatch:Rollouts:MaxOrgs must be between 1 and 2000.")]
    public int MaxOrgs { get; set; } = 2000;
}

/// <summary>Checks RolloutOptions's annotations; generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class RolloutOptionsValidator : IValidateOptions<RolloutOptions>;
