using Microsoft.AspNetCore.Http;
using ReleaseWatch.Hosting;

namespace ReleaseWatch.Watches;

/// <summary>
/// Functions mode: POST /Ticker, the timerTrigger's invocation (binding "timer": {Schedule, ScheduleStatus, IsPastDue}).
/// One pass of the ticker; a past-due run simply processes everything due.
/// </summary>
internal static class TickerInvocation
{
    public const string Binding = "timer";

    public static async Task<IResult> HandleAsync(HttpRequest request, WatchTicker ticker, CancellationToken cancellationToken)
    {
        var invocation = await InvocationRequest.ReadAsync(request, 64 * 1024, cancellationToken);
        if (invocation?.Binding(Binding) is not { ValueKind: System.Text.Json.JsonValueKind.Object })
        {
            return Problems.Invalid(new Dictionary<string, string[]> { [$"Data.{Binding}"] = ["Expected the host's timer invocation payload."] });
        }

        var processed = await ticker.TickAsync(cancellationToken);
        return InvocationResponse.Ok(null, $"Processed {processed} due timer(s).");
    }
}
