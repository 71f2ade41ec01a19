namespace ReleaseWatch.Functions.Cli;

/// <summary>Verbs the executable runs instead of the service (ReleaseWatch backtest ...), before any host is built.</summary>
internal static class Verbs
{
    /// <summary>The verb's exit code, or null when the arguments name no verb and the service should start.</summary>
    public static async Task<int?> TryRunAsync(string[] args) => args.FirstOrDefault() switch
    {
        "backtest" => await BacktestVerb.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None),
        _ => null,
    };
}
