using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ReleaseWatch.Functions.Http;

/// <summary>ReleaseWatch's JSON dialect for the executable's answers: Shared/'s types and the HTTP answers' own.</summary>
internal static class FunctionsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Gives ASP.NET Core's options the dialect, HTTP answers resolved first.</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ReleaseWatchJson.Apply(options);
        // Generated code only, no reflection fallback (in a JIT build as in the native one): an answer type missing from
        // the context fails its endpoint's tests rather than the native executable in production.
        options.TypeInfoResolverChain.Clear();
        options.TypeInfoResolverChain.Add(FunctionsJsonContext.Default);
        return options;
    }

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly();
        return options;
    }
}
