using ReleaseWatch.Signals;

namespace ReleaseWatch.Salesforce.Classification;

/// <summary>An event with the signal it counts towards; failures carry their trimmed evidence.</summary>
internal sealed record ClassifiedEvent(StreamEvent Event, string Signal, SignalKind Kind, SignalEvidence? Evidence);
