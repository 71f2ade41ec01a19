namespace ReleaseWatch.Intake.Input;

/// <summary>
/// The completion times intake takes: from <c>maxAge</c> ago to <c>maxSkew</c> ahead of now
/// (ReleaseWatch:Intake:MaxDeploymentAge and MaxClockSkew). Outside them a watch would judge minutes long gone (or
/// years away: a deployment "completed" in 9999 would supersede every real one of its org).
/// </summary>
internal static class CompletionBounds
{
    /// <summary>Why <paramref name="completedAt"/> is refused at <paramref name="now"/>, or null when it is within bounds.</summary>
    public static string? Check(DateTimeOffset completedAt, DateTimeOffset now, TimeSpan maxAge, TimeSpan maxSkew)
    {
        if (completedAt < now - maxAge)
        {
            return $"Must be at most {maxAge} before now ({now:u}); got {completedAt:u}.";
        }

        return completedAt > now + maxSkew
            ? $"Must not be more than {maxSkew} after now ({now:u}; check the pipeline's clock); got {completedAt:u}."
            : null;
    }
}
