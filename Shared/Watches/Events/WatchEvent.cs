using System.Text.Json.Serialization;

namespace ReleaseWatch.Watches.Events;

/// <summary>
/// One entry of a watch's append-only history. The decider turns (state, event, now) into the next
/// state and its effects; history rows keep every event with the decision it led to.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DeploymentReceived), "deploymentReceived")]
[JsonDerivedType(typeof(SignalsJudged), "signalsJudged")]
[JsonDerivedType(typeof(TimerFired), "timerFired")]
[JsonDerivedType(typeof(CommandResultReceived), "commandResultReceived")]
[JsonDerivedType(typeof(OperatorActed), "operatorActed")]
[JsonDerivedType(typeof(Superseded), "superseded")]
[JsonDerivedType(typeof(DeliveryRecorded), "deliveryRecorded")]
public abstract record WatchEvent;
