using System.Text.Json.Nodes;
using ReleaseWatch.Salesforce.Bayeux;

namespace ReleaseWatch.Tests.Salesforce.Bayeux;

public sealed class BayeuxRepliesTests
{
    [Fact]
    public void Find_unknown_client_in_the_documented_literal_shape_is_the_connect_reply_and_asks_for_a_handshake()
    {
        var literal = Parse("""{"error":"403::Unknown client","successful":false,"advice":{"interval":0,"reconnect":"handshake"}}""");

        var reply = BayeuxReplies.Find([literal], "/meta/connect", "7");
        var failure = BayeuxReplies.FailureOf(reply!, "/meta/connect");

        Assert.Same(literal, reply);
        Assert.Equal(("/meta/connect", "403::Unknown client"), (failure!.Channel, failure.Error));
        Assert.True(failure.RequiresHandshake);
        Assert.Equal(TimeSpan.Zero, failure.Advice.Interval);
    }

    [Fact]
    public void Find_prefers_the_reply_naming_the_channel_and_skips_replies_to_other_requests()
    {
        var data = Parse("""{"channel":"/event/X__e","data":{}}""");
        var other = Parse("""{"channel":"/meta/subscribe","id":"6","successful":true}""");
        var unnamed = Parse("""{"id":"7","successful":false,"error":"400::The replayId {2} you provided was invalid."}""");
        var named = Parse("""{"channel":"/meta/subscribe","id":"7","successful":true}""");

        Assert.Same(named, BayeuxReplies.Find([data, other, unnamed, named], "/meta/subscribe", "7"));
        Assert.Same(unnamed, BayeuxReplies.Find([data, other, unnamed], "/meta/subscribe", "7"));
        Assert.Null(BayeuxReplies.Find([data, other], "/meta/subscribe", "7"));
    }

    [Fact]
    public void FailureOf_invalid_replay_id_without_a_channel_is_an_invalid_replay_id_of_the_request()
    {
        var reply = Parse("""{"clientId":"abc","subscription":"/event/X__e","successful":false,"error":"400::The replayId {2} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events."}""");

        var failure = BayeuxReplies.FailureOf(reply, "/meta/subscribe");

        Assert.Equal("/meta/subscribe", failure!.Channel);
        Assert.True(failure.IsInvalidReplayId);
    }

    [Fact]
    public void FailureOf_reply_that_does_not_say_it_succeeded_is_a_failure_even_with_odd_field_types()
    {
        var failure = BayeuxReplies.FailureOf(Parse("""{"channel":"/meta/connect","successful":"true","error":42,"advice":{"reconnect":7,"interval":-5}}"""), "/meta/connect");

        Assert.NotNull(failure);
        Assert.Null(failure.Error);
        Assert.Equal(BayeuxAdvice.None, failure.Advice);
        Assert.Null(BayeuxReplies.FailureOf(Parse("""{"channel":"/meta/connect","successful":true}"""), "/meta/connect"));
    }

    [Theory]
    [InlineData("401::Authentication invalid", null, true)]
    [InlineData("403::Handshake denied", "401::Authentication invalid", true)]
    [InlineData("401::Authentication invalid", "503::Server is too busy", false)]
    [InlineData("403::Handshake denied", "503::Server is too busy", false)]
    public void IsAuthenticationInvalid_follows_the_failure_reason_before_the_error_text(string error, string? failureReason, bool renewToken)
    {
        var failure = new BayeuxException("/meta/handshake", error, BayeuxAdvice.None, failureReason);

        Assert.Equal(renewToken, failure.IsAuthenticationInvalid);
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
