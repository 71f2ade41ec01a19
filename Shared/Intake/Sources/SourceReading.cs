namespace ReleaseWatch.Intake.Sources;

/// <summary>
/// What a sender's notification says, read and checked: a finished deployment to map, something to acknowledge and
/// ignore (another event or state, a ping) with the reason, or the bad fields by JSON path.
/// </summary>
internal sealed record SourceReading(SourceDeployment? Deployment, string? Ignored, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static SourceReading Of(SourceDeployment deployment) => new(deployment, null, NoErrors);

    public static SourceReading Ignore(string reason) => new(null, reason, NoErrors);

    public static SourceReading Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, null, errors);

    public static SourceReading Invalid(string field, string message) => new(null, null, new Dictionary<string, string[]> { [field] = [message] });
}
