using System.Text.Json.Serialization;
using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// What the incident needs to know of one accepted complaint: who, when, through which channel,
/// and what the text signalled. Carries no raw personal data: on its way to the customer it
/// carries the customer's identifiers sealed (<see cref="Identifiers"/>), and the customer strips
/// them before the fact goes on to the incident.
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

    /// <summary>The regulator body the record named (<c>regulator.body</c>), which picks the rule of its regulatory clock.</summary>
    public string? RegulatorBody { get; init; }

    /// <summary>The brand the complaint is about (its subject, or the catalog entry its text named), for regulated product lines.</summary>
    public string? Brand { get; init; }

    /// <summary>The product the complaint is about, as <see cref="Brand"/>.</summary>
    public string? Product { get; init; }

    /// <summary>Customer keys of the event's weaker identifiers: the customer links them to itself.</summary>
    public IReadOnlyList<string> LinkedKeys { get; init; } = [];

    /// <summary>
    /// The event's identifiers, sealed, for the customer to keep (so an admin can reveal them);
    /// empty in the verdicts the customer returns, so incidents, alerts and the board never hold them.
    /// </summary>
    public IReadOnlyList<SealedIdentifier> Identifiers { get; init; } = [];

    /// <summary>Set by the customer when the same channel and event id came before.</summary>
    public bool Redelivered { get; init; }

    /// <summary>The identity redelivery is judged by: the same event id on the same channel.</summary>
    /// <remarks>Derived, so not stored: every ledger entry and grain call would carry it twice.</remarks>
    [JsonIgnore]
    public string DedupId => $"{Channel}:{EventId}";

    /// <summary>When the record reached Kafka, for end-to-end latency.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The social post this complaint is, when it came through social media.</summary>
    public string? PostId { get; init; }

    /// <summary>The social post this one replies to.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The social post this one reposts (shares).</summary>
    public string? RepostOf { get; init; }

    /// <summary>64-bit SimHash of the folded text (see <see cref="TextSimHash"/>), for spotting templated waves; null for too short a text.</summary>
    public ulong? TextSimHash { get; init; }

    /// <summary>The start of the text with identifiers masked (<see cref="ComplaintExcerpt"/>), kept as a sample by the incident.</summary>
    public string? Excerpt { get; init; }

    /// <summary>True when the customer asked for compensation (赔) in this complaint.</summary>
    public bool DemandsCompensation { get; init; }

    /// <summary>
    /// Set by the customer: which contact on one issue this is (1 for a new complaint, 2, 3… for
    /// repeat contacts within the repeat window); 0 when no customer judged it.
    /// </summary>
    public int ContactNumber { get; init; }

    /// <summary>Set by the customer on a repeat contact: the id of the complaint it repeats (its first contact's <see cref="DedupId"/>).</summary>
    public string? RepeatOf { get; init; }

    /// <summary>Set by the customer: escalation signals of this contact on its issue.</summary>
    public ContactEscalation Escalation { get; init; }

    /// <summary>Set by the customer with a channel move: the channel of the contact before.</summary>
    public Channel? EscalatedFrom { get; init; }

    /// <summary>Set by the customer: the customer's role when this complaint came.</summary>
    public CustomerRole Role { get; init; }

    /// <summary>A repeat contact counts as a contact of an existing complaint, not a new complaint or participant.</summary>
    [JsonIgnore]
    public bool IsRepeat => RepeatOf is not null;
}
