using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Demo;

/// <summary>
/// Demo mode (ReleaseWatch:Demo), standalone only: replays a recording of Salesforce events through the
/// capture pipeline on a fast clock, posts a deployment, and narrates what the watch does.
/// </summary>
public sealed class DemoOptions
{
    /// <summary>Runs the demo at start. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The recording to replay (JSON Lines, the recorder's format); relative paths are beside the executable. Default demo/recording.jsonl.</summary>
    [Required(ErrorMessage = "ReleaseWatch:Demo:Recording must name a recording.")]
    public string Recording { get; set; } = "demo/recording.jsonl";

    /// <summary>How many times faster than real time the service's clock runs in the demo. Default 30.</summary>
    [SettingRange(1.0, 600.0, ErrorMessage = "ReleaseWatch:Demo:Speed must be between 1 and 600.")]
    public double Speed { get; set; } = 30;

    /// <summary>The policy the demo deployment names. Default: the recorded org's policy, else "default".</summary>
    public string? Policy { get; set; }
}

/// <summary>Checks DemoOptions's annotations; generated at compile time.</summary>
[OptionsValidator]
internal sealed partial class DemoOptionsValidator : IValidateOptions<DemoOptions>;
