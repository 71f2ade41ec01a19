using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReleaseWatch.Judging;
using ReleaseWatch.Tests.Watches.Deciding;
using ReleaseWatch.Watches.Storage;

namespace ReleaseWatch.Tests;

public sealed class ReleaseWatchJsonTests
{
    [Fact]
    public void Every_enum_of_Shared_is_written_as_its_camelCase_name_by_a_converter_the_native_executable_can_have()
    {
        var enums = typeof(ReleaseWatchJson).Assembly.GetTypes().Where(t => t.IsEnum).ToList();

        Assert.NotEmpty(enums);
        foreach (var type in enums)
        {
            var converter = type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType;
            Assert.True(converter == typeof(CamelCaseEnumConverter<>).MakeGenericType(type), $"{type.FullName} has no [JsonConverter(typeof(CamelCaseEnumConverter<{type.Name}>))].");
            var first = Enum.GetValues(type).GetValue(0)!;
            var name = first.ToString()!;
            Assert.Equal($"\"{char.ToLowerInvariant(name[0])}{name[1..]}\"", JsonSerializer.Serialize(first, type, ReleaseWatchJson.Options));
        }
    }

    [Fact]
    public void The_generated_code_stores_a_watch_exactly_as_the_dialect_writes_it_so_rows_written_before_still_read()
    {
        var decisions = new WatchScript(Some.Policy(), (at, _) => at.Minute % 3 == 0 ? Verdict.Failed : Verdict.Passed).RunToEnd().Decisions;
        var generated = WatchesJsonContext.Dialect;

        Assert.Contains(decisions, d => d.Effects.Count > 0);
        foreach (var decision in decisions)
        {
            var state = JsonSerializer.Serialize(decision.State, generated.WatchState);
            Assert.Equal(JsonSerializer.Serialize(decision.State, ReleaseWatchJson.Options), state);
            Assert.Equal(JsonSerializer.Serialize(decision.Event, ReleaseWatchJson.Options), JsonSerializer.Serialize(decision.Event, generated.WatchEvent));
            Assert.Equal(JsonSerializer.Serialize(decision.Effects, ReleaseWatchJson.Options), JsonSerializer.Serialize(decision.Effects, generated.IReadOnlyListWatchEffect));
            Assert.Equal(state, JsonSerializer.Serialize(JsonSerializer.Deserialize(state, generated.WatchState), generated.WatchState));
        }
    }
}
