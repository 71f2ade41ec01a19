using System.Text.Json.Nodes;
using ReleaseWatch.Signals.Values;

namespace ReleaseWatch.Tests.Signals.Values;

public sealed class PayloadValueTests
{
    private static readonly JsonObject Payload = JsonNode.Parse("""
        {"EffectivePageTime": 1234.5, "ElapsedTime": "87", "Timing": {"Server": {"Ms": 12}}, "Calls": [{"Ms": 40}, {"Ms": 41}],
         "Nothing": null, "Flag": true, "FlagText": "TRUE", "Word": "slow", "Huge": 1e400, "Nested": {"Ms": {"x": 1}}}
        """)!.AsObject();

    [Theory]
    [InlineData("EffectivePageTime", 1234.5)]
    [InlineData("ElapsedTime", 87)]
    [InlineData("Timing.Server.Ms", 12)]
    [InlineData("Calls.1.Ms", 41)]
    public void A_number_or_numeric_text_at_the_path_is_the_value(string path, double expected)
    {
        Assert.Equal(ValueReading.Of(expected), PayloadValue.Read(Payload, path));
    }

    [Theory]
    [InlineData("Missing", "missing")]
    [InlineData("Nothing", "missing")]
    [InlineData("Timing.Client.Ms", "missing")]
    [InlineData("Calls.2.Ms", "missing")]
    [InlineData("Flag", "not a number")]
    [InlineData("Word", "not a number")]
    [InlineData("Huge", "not a number")]
    [InlineData("Nested.Ms", "not a number")]
    public void A_missing_null_or_non_numeric_field_is_skipped_with_the_reason(string path, string reason)
    {
        var reading = PayloadValue.Read(Payload, path);

        Assert.Null(reading.Number);
        Assert.Equal(reason, reading.SkippedBecause);
    }

    [Theory]
    [InlineData("Flag", true)]
    [InlineData("FlagText", true)]
    [InlineData("Word", false)]
    [InlineData("Missing", false)]
    public void A_flag_is_true_only_for_true_or_the_text_true(string path, bool expected)
    {
        Assert.Equal(expected, PayloadValue.IsTrue(Payload, path));
    }
}
