using ReleaseWatch.Salesforce;

namespace ReleaseWatch.Functions;

/// <summary>SignalPump (timerTrigger "timer"): pumps every streamed org for a bounded time, resuming from checkpoints.</summary>
internal static class SignalPumpFunction
{
    public static WebApplication MapSignalPump(this WebApplication app)
    {
        app.MapPost("/SignalPump", InvokeAsync);
        return app;
    }

    private static async Task<IResult> InvokeAsync(SignalPump pump, CancellationToken cancellationToken)
    {
        var pumped = await pump.PumpAsync(cancellationToken);
        return TypedResults.Json(new { Outputs = new { }, Logs = new[] { $"Pumped {pumped.Count} org(s): {string.Join(", ", pumped)}" }, ReturnValue = (object?)null });
    }
}
