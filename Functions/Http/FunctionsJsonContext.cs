using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using ReleaseWatch.Dashboard;
using ReleaseWatch.Functions.Dashboard;
using ReleaseWatch.Functions.Rollouts;
using ReleaseWatch.Functions.Sources;

namespace ReleaseWatch.Functions.Http;

/// <summary>
/// Serialization code for every HTTP answer (and the Shared/ types inside them), generated at compile time: the native
/// executable has no reflection. ASP.NET Core's only resolver (<see cref="FunctionsJson"/>), so an answer type missing
/// here fails its endpoint's tests.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(ServiceStatus))]
[JsonSerializable(typeof(StorageHealth))]
[JsonSerializable(typeof(WatchSummary))]
[JsonSerializable(typeof(WatchRecord))]
[JsonSerializable(typeof(WatchList))]
[JsonSerializable(typeof(EventGridValidation))]
[JsonSerializable(typeof(EventGridAccepted))]
[JsonSerializable(typeof(SourceAnswer))]
[JsonSerializable(typeof(RolloutSummary))]
[JsonSerializable(typeof(RolloutRecord))]
[JsonSerializable(typeof(OrgSignalsResponse))]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(BacktestView))]
[JsonSerializable(typeof(BacktestChoices))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class FunctionsJsonContext : JsonSerializerContext;
