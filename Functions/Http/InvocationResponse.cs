using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ReleaseWatch.Functions.Http;

/// <summary>A custom handler's answer to the host: <c>{"Outputs": {...}, "Logs": [...], "ReturnValue": ...}</c> (names as the host reads them).</summary>
internal sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? ReturnValue)
{
    public static JsonHttpResult<InvocationResponse> Ok(object? returnValue = null, params string[] logs) =>
        TypedResults.Json(new InvocationResponse(new Dictionary<string, object?>(), logs, returnValue), FunctionsJson.TypeInfo<InvocationResponse>());
}
