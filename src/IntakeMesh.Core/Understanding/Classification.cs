namespace IntakeMesh.Core.Understanding;

/// <summary>What <see cref="ComplaintClassifier"/> understood from one complaint text.</summary>
/// <param name="Category">The primary subject of the complaint.</param>
/// <param name="Seeking">What the customer wants out of it.</param>
/// <param name="Urgency">Whether the loss is over or still happening.</param>
/// <param name="Emotion">How upset the customer is.</param>
/// <param name="Demands">The remedies asked for, at most one per kind, in <see cref="DemandKind"/> order.</param>
/// <param name="Risks">Escalation signals found in the text.</param>
public sealed record Classification(
    ComplaintCategory Category,
    Seeking Seeking,
    Urgency Urgency,
    EmotionLevel Emotion,
    IReadOnlyList<Demand> Demands,
    RiskSignals Risks);
