namespace ReleaseWatch.Intake.Input;

/// <summary>
/// The completion times intake takes: from <see cref="IntakeOptions.MaxDeploymentAge"/> ago to
/// <see cref="IntakeOptions.MaxClockSkew"/> ahead of now. Outside them a watch would judge minutes long gone (or
/// years away: a deployment "completed" in 9999 would supersede every real one of its org).
/// </summary>
internal static class CompletionBounds
{
    /// <summary>Why <paramref name="completedAt"/> is refused at <paramref name="now"/>, or null when it is within bounds.</summary>
    public static string? Check(DateTimeOffset completedAt, DateTimeOffset now, IntakeOptions options)
    {
        if (completedAt < now - options.MaxDeploymentAge)
        {
            return $"Must be at most {options.MaxDeploymentAge} before now ({now:u}); got {completedAt:u}.";
        }

        return completedAt > now + options.MaxClockSkew
            ? $"Must not be more than {options.MaxClockSkew} after now ({now:u}; check the pipeline's clock); got {completedAt:u}."
            : null;
    }
}
