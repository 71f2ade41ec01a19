using System.Text.Json.Serialization;

namespace ReleaseWatch.Signals;

/// <summary>What a signal means to the judge.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SignalKind>))]
public enum SignalKind
{
    /// <summary>Something went wrong (an error event): counted, kept as evidence, nudges the watch.</summary>
    Failure,
    /// <summary>Business activity (e.g. records created): counted; a drop to zero is itself a signal.</summary>
    Activity,
}
