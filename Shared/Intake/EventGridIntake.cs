using Microsoft.AspNetCore.Http;
using ReleaseWatch.Hosting;
using ReleaseWatch.Watches.Api;

namespace ReleaseWatch.Intake;

/// <summary>Accepts the notices of one delivery: all of them, or (when any is refused) none.</summary>
internal sealed class EventGridIntake(DeploymentIntake intake)
{
    /// <summary>The accepted watches, or the problem that refused the whole delivery.</summary>
    public async Task<(EventGridAccepted? Accepted, IResult? Problem)> AcceptAsync(EventGridDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Errors.Count > 0)
        {
            return (null, Problems.Invalid(delivery.Errors.ToDictionary()));
        }

        var via = $"eventgrid:{delivery.Schema}";
        foreach (var notice in delivery.Notices)
        {
            if (intake.Check(notice, via) is { } refused)
            {
                return (null, Problems.Unprocessable(refused.Detail!));
            }
        }

        var watches = new List<WatchSummary>();
        foreach (var notice in delivery.Notices)
        {
            var result = await intake.AcceptAsync(notice, via, cancellationToken);
            if (result.Watch is null)
            {
                return (null, Problems.Unprocessable(result.Detail!)); // configuration changed between check and accept
            }

            watches.Add(WatchSummary.Of(result.Watch));
        }

        return (new EventGridAccepted(watches, delivery.IgnoredTypes), null);
    }
}
