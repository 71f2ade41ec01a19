using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReleaseWatch;

/// <summary>
/// The one JSON dialect of ReleaseWatch's contracts: camelCase, enums as camelCase strings (each contract enum carries
/// <see cref="CamelCaseEnumConverter{TEnum}"/>), no nulls written. Product code serializes through contexts generated at
/// compile time over these settings (the native executable has no reflection); <see cref="Options"/> itself resolves
/// types by reflection where the runtime has it, for tools and tests that read what the product writes.
/// </summary>
public static class ReleaseWatchJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Gives options (web defaults, such as ASP.NET Core's for HTTP answers) this dialect.</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // API and queue payloads are JSON, never embedded in HTML: keep quotes and accents readable.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }

    /// <summary>New options in this dialect, for a generated context to bind to.</summary>
    public static JsonSerializerOptions Create() => Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
