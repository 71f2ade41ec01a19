using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReleaseWatch;

/// <summary>
/// A contract enum as its camelCase name (integers still read). Put on the enum type: generated serialization code and
/// reflection alike honour it, and it needs no converter made at run time, which the native executable cannot do.
/// </summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
