using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// What the incident needs to know of one accepted complaint: who, when, through which channel,
/// and what the text signalled. Carries no raw personal data.
/// </summary>
public sealed record ComplaintFact(
    string EventId,
    Channel Channel,
    DateTimeOffset OccurredAt,
    string CustomerKey,
    string IncidentKey,
    ComplaintCategory Category,
    Urgency Urgency,
    EmotionLevel Emotion,
    RiskSignals Risks)
{
    /// <summary>Reach of the author on social media, when known.</summary>
    public long? Followers { get; init; }

    /// <summary>Regulator case reference, for complaints that arrived through a regulator.</summary>
    public string? RegulatorCase { get; init; }

    public DateTimeOffset? RegulatorDueAt { get; init; }

    /// <summary>Customer keys of the event's weaker identifiers: the customer links them to itself.</summary>
    public IReadOnlyList<string> LinkedKeys { get; init; } = [];

    /// <summary>Set by the customer when the same channel and event id came before.</summary>
    public bool Redelivered { get; init; }

    /// <summary>The identity redelivery is judged by: the same event id on the same channel.</summary>
    public string DedupId => $"{Channel}:{EventId}";

    /// <summary>When the record reached Kafka, for end-to-end latency.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
