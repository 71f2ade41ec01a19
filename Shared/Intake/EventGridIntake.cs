using ReleaseWatch.Watches.Deciding;


namespace ReleaseWatch.Intake;

/// <summary>Accepts the notices of one delivery: all of them, or (when any is refused) none.</summary>
internal sealed class EventGridIntake(DeploymentIntake intake)
{
    public async Task<EventGridAcceptance> AcceptAsync(EventGridDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Errors.Count > 0)
        {
            return EventGridAcceptance.Invalid(delivery.Errors);
        }

        var via = $"eventgrid:{delivery.Schema}";
        for (var i = 0; i < delivery.Notices.Count; i++)
        {
            if (await intake.CheckAsync(delivery.Notices[i], via, cancellationToken) is { } refused)
            {
                return refused.Errors is { } errors
                    ? EventGridAcceptance.Invalid(errors.ToDictionary(e => $"[{i}].data.{e.Key}", e => e.Value, StringComparer.Ordinal))
                    : EventGridAcceptance.Refused(refused.Detail!);
            }
        }

        var watches = new List<WatchState>();
        foreach (var notice in delivery.Notices)
        {
            var result = await intake.AcceptAsync(notice, via, cancellationToken);
            if (result.Watch is null)
            {
                return EventGridAcceptance.Refused(result.Detail!); // configuration changed between check and accept
            }

            watches.Add(result.Watch);
        }

        return new EventGridAcceptance(watches, new Dictionary<string, string[]>(), null);
    }
}

/// <summary>What became of a delivery: its watches (started or found again), or why the whole of it was refused.</summary>
/// <param name="Errors">Bad fields, by JSON path: nothing was accepted (400).</param>
/// <param name="Refusal">A well-formed notice this service does not take (unknown org or policy): nothing was accepted (422).</param>
internal sealed record EventGridAcceptance(IReadOnlyList<WatchState> Watches, IReadOnlyDictionary<string, string[]> Errors, string? Refusal)
{
    public static EventGridAcceptance Invalid(IReadOnlyDictionary<string, string[]> errors) => new([], errors, null);

    public static EventGridAcceptance Refused(string refusal) => new([], new Dictionary<string, string[]>(), refusal);
}
