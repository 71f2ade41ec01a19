using ReleaseWatch.Commands;

namespace ReleaseWatch.Tests.Commands;

public sealed class CommandResultParserTests
{
    private const string Result = """{"commandId":"cmd-1","status":"rejected","detail":"no previous version","completedAt":"2026-11-23T10:05:00Z"}""";

    [Theory]
    [InlineData(Result)]
    [InlineData("\"{\\\"commandId\\\":\\\"cmd-1\\\",\\\"status\\\":\\\"rejected\\\",\\\"completedAt\\\":\\\"2026-11-23T10:05:00Z\\\"}\"")]
    public void TryParse_reads_a_result_even_when_it_arrives_json_encoded_again(string text)
    {
        Assert.True(CommandResultParser.TryParse(text, out var result, out var error), error);
        Assert.Equal("cmd-1", result!.CommandId);
        Assert.Equal(CommandResultStatus.Rejected, result.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero), result.CompletedAt);
    }

    [Fact]
    public void TryParse_reads_a_result_encoded_twice()
    {
        var twice = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Serialize(Result));
        Assert.True(CommandResultParser.TryParse(twice, out var result, out _));
        Assert.Equal("no previous version", result!.Detail);
    }

    [Theory]
    [InlineData("{ nope", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("""{"status":"failed","completedAt":"2026-11-23T10:05:00Z"}""", "commandId")]
    [InlineData("""{"commandId":"cmd-1","completedAt":"2026-11-23T10:05:00Z"}""", "status")]
    [InlineData("""{"commandId":"cmd-1","status":"failed"}""", "completedAt")]
    [InlineData("""{"commandId":"cmd-1","status":"sideways","completedAt":"2026-11-23T10:05:00Z"}""", "not valid JSON")]
    [InlineData("""{"commandId":"","status":"failed","completedAt":"2026-11-23T10:05:00Z"}""", "empty")]
    public void TryParse_refuses_a_malformed_result_and_says_why(string text, string reason)
    {
        Assert.False(CommandResultParser.TryParse(text, out var result, out var error));
        Assert.Null(result);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
