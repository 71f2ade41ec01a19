using ReleaseWatch.Watches;

namespace ReleaseWatch.Functions;

/// <summary>Ticker: the timerTrigger's invocation route; wakes due watches and sweeps the outbox.</summary>
internal static class TickerFunction
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/Ticker", TickerInvocation.HandleAsync);
}
