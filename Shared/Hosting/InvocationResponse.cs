using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace ReleaseWatch.Hosting;

/// <summary>A custom handler's answer to the host: <c>{"Outputs": {...}, "Logs": [...], "ReturnValue": ...}</c> (names as the host reads them).</summary>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? ReturnValue)
{
    public static IResult Ok(object? returnValue = null, params string[] logs) =>
        TypedResults.Json(new InvocationResponse(new Dictionary<string, object?>(), logs, returnValue), ReleaseWatchJson.Options);
}
