using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Signals;

public sealed class ErrorTalliesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_ranks_errors_by_their_totals_and_keeps_the_newest_samples()
    {
        var rows = Enumerable.Range(0, 40).Select(i => Row(i, "A", "boom"))
            .Concat(Enumerable.Range(40, 7).Select(i => Row(i, "B", "bang")))
            .Concat([Row(50, null, null)]);

        var tallies = ErrorTallies.Of(rows, maxErrors: 2, samplesPerError: 2, complete: true);

        Assert.Equal([("A: boom", 40L), ("B: bang", 7L)], tallies.Errors.Select(e => (e.Label, e.Count)));
        Assert.Equal(48, tallies.Counted);
        Assert.Equal([39L, 38L], tallies.Errors[0].Samples.Select(s => s.ReplayId));
        Assert.Equal((At, At.AddSeconds(39)), (tallies.Errors[0].FirstAt, tallies.Errors[0].LastAt));
    }

    [Theory]
    [InlineData("T", "M", "T: M")]
    [InlineData(null, "M", "M")]
    [InlineData("T", "", "T")]
    [InlineData(null, null, "(no message)")]
    public void Label_names_an_error_by_whatever_is_known(string? type, string? message, string label) =>
        Assert.Equal(label, new ErrorTally(type, message, null, 1, At, At, []).Label);

    [Fact]
    public void Of_counts_one_error_on_many_records_as_one_and_names_it_by_its_newest_occurrence()
    {
        var rows = new[]
        {
            Row(1, "System.DmlException", "Update failed on 0015g00000AbCdEAAZ"),
            Row(2, "System.DmlException", "Update failed on 0015g00000XyZwVAAZ"),
            Row(3, "System.DmlException", "Update failed on 0015g00000QqQqQAAZ"),
        };

        var tallies = ErrorTallies.Of(rows, maxErrors: 5, samplesPerError: 0, complete: true);

        var error = Assert.Single(tallies.Errors);
        Assert.Equal((3L, "System.DmlException: Update failed on 0015g00000QqQqQAAZ"), (error.Count, error.Label));
        Assert.Empty(error.Samples);
    }

    private static SignalEvidence Row(long replayId, string? type, string? message) =>
        new("00D000000000001AAA", "apex.error", "/event/E", replayId, At.AddSeconds(replayId), type, message, null, []);
}
