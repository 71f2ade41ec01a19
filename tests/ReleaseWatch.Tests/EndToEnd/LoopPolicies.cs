namespace ReleaseWatch.Tests.EndToEnd;

/// <summary>Policies whose windows are seconds long, so a whole watch fits in a test; one rule: Apex errors above 5 a minute revert.</summary>
public static class LoopPolicies
{
    public static string ApexErrors(string window, string interval, string above = "5") => $$$"""
        {"window": "{{{window}}}", "interval": "{{{interval}}}", "warmup": "PT0S",
         "metrics": [{"name": "apex-errors", "signal": "apex.error", "measure": "perMinute",
                      "failWhen": {"above": {{{above}}} }, "for": "PT0S", "severity": "critical", "onBreach": {"revert": {} } }]}
        """;
}
