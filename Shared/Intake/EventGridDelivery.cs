using ReleaseWatch.Deployments;

namespace ReleaseWatch.Intake;

/// <summary>One Event Grid delivery, read: a validation code, or notices (with any event types ignored), or errors.</summary>
public sealed record EventGridDelivery(
    string Schema,
    string? ValidationCode,
    IReadOnlyList<DeploymentNotice> Notices,
    IReadOnlyList<string> IgnoredTypes,
    IReadOnlyDictionary<string, string[]> Errors)
{
    public static EventGridDelivery Validation(string code) => new("eventgrid", code, [], [], new Dictionary<string, string[]>());

    public static EventGridDelivery Invalid(string field, string message) =>
        new("unknown", null, [], [], new Dictionary<string, string[]> { [field] = [message] });
}
