using System.Diagnostics;
using ReleaseWatch.Commands;
using ReleaseWatch.Commands.ServiceBus;

namespace ReleaseWatch.Tests.Commands;

/// <summary>A command sent inside a span carries that span's W3C context, the same on both transports; outside one, nothing.</summary>
public sealed class CommandMessageTraceTests
{
    [Fact]
    public void A_command_sent_in_a_span_carries_its_context_as_Diagnostic_Id_and_traceparent_on_both_transports()
    {
        using var delivery = new Activity("deliver command").SetIdFormat(ActivityIdFormat.W3C);
        delivery.TraceStateString = "vendor=1";
        delivery.Start();

        var amqp = CommandMessage.Create(Some.Command()).ApplicationProperties;
        var sdk = ServiceBusCommandMessage.Create(Some.Command()).ApplicationProperties;

        Assert.All(new[] { "Diagnostic-Id", "traceparent" }, key =>
        {
            Assert.Equal(delivery.Id, amqp[key]);
            Assert.Equal(delivery.Id, sdk[key]);
        });
        Assert.Equal(("vendor=1", "vendor=1"), (amqp["tracestate"], sdk["tracestate"]));
    }

    [Fact]
    public void A_command_sent_outside_any_span_carries_only_the_contract_properties()
    {
        Assert.Null(Activity.Current);

        Assert.Equal(["type", "org", "severity"], CommandMessage.Create(Some.Command()).ApplicationProperties.Map.Keys.Cast<string>());
        Assert.Equal(["type", "org", "severity"], ServiceBusCommandMessage.Create(Some.Command()).ApplicationProperties.Keys);
    }
}
