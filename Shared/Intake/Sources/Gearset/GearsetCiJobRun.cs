namespace ReleaseWatch.Intake.Sources.Gearset;

/// <summary>
/// Reads Gearset's standard CI outgoing webhook (X-Gearset-Event: ci_job_run; Gearset's "Standard CI outgoing webhook
/// payload"): a watch starts when <c>run.status</c> is <c>Succeeded</c> and <c>run.type</c> is <c>Deployment</c>. Mappings
/// match <c>job</c> (<c>job.name</c>). The payload has no run id, so a run is keyed by its job and
/// <c>run.end_date_utc</c>: a repeated delivery of one run finds the same watch.
/// </summary>
internal static class GearsetCiJobRun
{
    public const string EventName = "ci_job_run";

    public static SourceReading Read(string? eventName, ReadOnlyMemory<byte> body)
    {
        if (!string.Equals(eventName, EventName, StringComparison.OrdinalIgnoreCase))
        {
            return SourceReading.Ignore($"X-Gearset-Event '{eventName}' is not {EventName}.");
        }

        if (JsonFields.Parse(body, out var problem) is not { } fields)
        {
            return SourceReading.Invalid("$", problem!);
        }

        var status = fields.Text(true, "run.status");
        var type = fields.Text(true, "run.type");
        if (status is not null && type is not null
            && (!string.Equals(status, "Succeeded", StringComparison.OrdinalIgnoreCase) || !string.Equals(type, "Deployment", StringComparison.OrdinalIgnoreCase)))
        {
            return SourceReading.Ignore($"run.status '{status}', run.type '{type}': a watch starts on a Succeeded Deployment.");
        }

        var job = fields.Text(true, "job.name");
        var endedAt = fields.Timestamp(true, "run.end_date_utc");
        if (fields.Errors.Count > 0)
        {
            return SourceReading.Invalid(fields.Errors);
        }

        var ended = endedAt!.Value.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);
        var match = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["job"] = job! };
        return SourceReading.Of(new SourceDeployment(SourceNames.Gearset, $"{job}@{ended}", match, $"{job} {ended}", null, null, endedAt.Value, job!, null));
    }
}
