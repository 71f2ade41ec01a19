using System.Text.Json.Nodes;

namespace ReleaseWatch.Scenarios;

/// <summary>
/// <c>BatchApexErrorEvent</c>, which the platform fires for each failed start, execute or finish of a batch
/// class that implements Database.RaisesPlatformEvents: AsyncApexJobId, ExceptionType, Message, StackTrace,
/// JobScope (the ids of the failed chunk), Phase, RequestId, DoesExceedJobScopeMaxLength.
/// </summary>
internal sealed class BatchApexErrors(OrgProfile org, Random random)
{
    public const string Channel = "/event/BatchApexErrorEvent";

    private static readonly (string Type, string Message, string Class, int Line)[] Failures =
    [
        ("System.DmlException", "Update failed. First exception on row {row} with id {id:006}; first error: CANNOT_EXECUTE_FLOW_TRIGGER, We can't save this record because the \"Opportunity_Sync\" process failed.", "OpportunityRollupBatch", 48),
        ("System.LimitException", "Too many DML rows: 10001", "InvoiceGenerationBatch", 112),
        ("System.NullPointerException", "Attempt to de-reference a null object", "AccountHierarchyBatch", 73),
        ("System.QueryException", "Aggregate query has too many rows for direct assignment, use FOR loop", "TerritoryRealignBatch", 35),
        ("System.CalloutException", "Read timed out", "ErpExportBatch", 91),
    ];

    /// <summary>A batch job of the org: its class, failure and record type.</summary>
    public BatchJob Job()
    {
        var (type, message, className, line) = random.Pick(Failures);
        return new BatchJob(SalesforceIds.New(random, "707"), className, type, message, line, random.Pick(["006", "001", "a0B"]), random.Pick([10, 50, 100, 200]));
    }

    /// <summary>One failed chunk (or start) of the job: a new AsyncApexJob id when the job runs again.</summary>
    public GeneratedEvent Failure(BatchJob job, DateTimeOffset at, string phase)
    {
        var scope = phase == "EXECUTE"
            ? string.Join(",", Enumerable.Range(0, job.ScopeSize).Select(_ => SalesforceIds.New(random, job.RecordPrefix)))
            : "";
        var payload = new JsonObject
        {
            ["CreatedDate"] = SalesforceTime.Text(at),
            ["CreatedById"] = org.IntegrationUser,
            ["EventUuid"] = SalesforceTime.Uuid(random),
            ["AsyncApexJobId"] = job.JobId,
            ["ExceptionType"] = job.ExceptionType,
            ["Message"] = Placeholders.Fill(job.Message, random),
            ["StackTrace"] = $"Class.{job.ClassName}.{phase.ToLowerInvariant()}: line {job.Line}, column 1",
            ["JobScope"] = scope,
            ["DoesExceedJobScopeMaxLength"] = false,
            ["Phase"] = phase,
            ["RequestId"] = SalesforceTime.Hex(random, 22),
        };
        return new GeneratedEvent(SalesforceTime.Millis(at), Channel, payload);
    }
}

/// <summary>A batch class the org runs, and how it fails.</summary>
internal sealed record BatchJob(string JobId, string ClassName, string ExceptionType, string Message, int Line, string RecordPrefix, int ScopeSize)
{
    /// <summary>The same class run again: a new AsyncApexJob.</summary>
    public BatchJob NextRun(Random random) => this with { JobId = SalesforceIds.New(random, "707") };
}
