using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReleaseWatch;

/// <summary>The one JSON dialect of ReleaseWatch's contracts: camelCase, enums as camelCase strings, no nulls written.</summary>
public static class ReleaseWatchJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Gives web-default options (such as ASP.NET Core's for HTTP answers) this dialect.</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // API and queue payloads are JSON, never embedded in HTML: keep quotes and accents readable.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
