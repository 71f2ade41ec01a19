using ReleaseWatch.Signals;

namespace ReleaseWatch.Tests.Signals;

public sealed class ErrorFingerprintTests
{
    [Fact]
    public void One_exception_in_one_method_is_one_fingerprint_whatever_the_line_records_and_message()
    {
        var a = ErrorFingerprint.Of("System.NullPointerException", "Attempt to de-reference a null object on 0015g00000AbCdEAAZ",
            "Class.QuoteLineTrigger.recalculate: line 42, column 1");
        var b = ErrorFingerprint.Of("System.NullPointerException", "Attempt to de-reference a null object on 0015g00000XyZwVAAZ",
            "Class.QuoteLineTrigger.recalculate: line 57, column 9");

        Assert.Equal(a.Key, b.Key);
        Assert.Equal("System.NullPointerException in QuoteLineTrigger.recalculate", a.Label);
    }

    [Theory]
    [InlineData("System.DmlException", "Class.QuoteLineTrigger.recalculate: line 42, column 1")]
    [InlineData("System.NullPointerException", "Class.QuoteLineTrigger.price: line 42, column 1")]
    [InlineData("System.NullPointerException", "Class.OrderService.submit: line 42, column 1")]
    public void Another_type_or_method_is_another_fingerprint(string type, string source) =>
        Assert.NotEqual(
            ErrorFingerprint.Of("System.NullPointerException", "x", "Class.QuoteLineTrigger.recalculate: line 42, column 1").Key,
            ErrorFingerprint.Of(type, "x", source).Key);

    [Fact]
    public void A_stack_trace_is_judged_by_its_first_frame()
    {
        var trace = "Class.OrderService.submit: line 10, column 1\nClass.OrderController.save: line 3, column 1";

        Assert.Equal("OrderService.submit", ErrorFingerprint.Location(trace));
    }

    [Fact]
    public void An_error_without_a_type_is_told_apart_by_its_message_with_numbers_ids_and_quoted_values_removed()
    {
        var a = ErrorFingerprint.Of(null, "Sync of order 12345 to 'ERP-EU' failed after 3 retries (job 7075g00000ABCDE)", "OrderSync.push");
        var b = ErrorFingerprint.Of(null, "Sync of order 987 to 'ERP-US' failed after 5 retries (job 7075g00000QWERT)", "OrderSync.push");
        var other = ErrorFingerprint.Of(null, "Token refresh for user 42 failed", "OrderSync.push");

        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, other.Key);
        Assert.Equal("Sync of order # to '…' failed after # retries (job {id}) in OrderSync.push", a.Label);
    }

    [Theory]
    [InlineData("recalculate", "recalculate")]
    [InlineData("a1b2c3d4-0000-4000-8000-00000000abcd", "{guid}")]
    [InlineData("deadbeef00 and AccountTriggerHandler", "{hex} and AccountTriggerHandler")]
    [InlineData("AccountTriggerHandlers", "AccountTriggerHandlers")]
    public void Words_stay_and_what_varies_goes(string text, string skeleton) =>
        Assert.Equal(skeleton, ErrorFingerprint.Skeleton(text));

    [Fact]
    public void Keys_are_short_and_safe_for_a_table_key()
    {
        var key = ErrorFingerprint.Of("T/with#odd?chars", new string('m', 5000), "S\\x").Key;

        Assert.Matches("^[0-9a-f]{16}$", key);
        Assert.Equal("(no message)", ErrorFingerprint.Of(null, " ", null).Label);
    }
}
