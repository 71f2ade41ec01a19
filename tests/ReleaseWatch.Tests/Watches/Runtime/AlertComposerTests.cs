using ReleaseWatch.Signals;
using ReleaseWatch.Watches.Runtime;

namespace ReleaseWatch.Tests.Watches.Runtime;

public sealed class AlertComposerTests
{
    [Fact]
    public void An_alerts_top_error_line_gives_the_total_and_says_at_least_when_the_tally_was_cut()
    {
        var error = new ErrorTally("System.NullPointerException", "null", "OrderService", 52, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);

        Assert.Equal("52× System.NullPointerException: null (OrderService)", AlertComposer.Describe(error, complete: true));
        Assert.Equal("≥52× System.NullPointerException: null (OrderService)", AlertComposer.Describe(error, complete: false));
    }
}
