using System.Text.Json.Serialization;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// One contact of a complaint as the customer judged it, so that a redelivered event gets the
/// same verdict again (a retried batch must reach the incident as it was first judged).
/// </summary>
public sealed record ContactEntry(string DedupId, int Number, ContactEscalation Escalation, Channel? EscalatedFrom)
{
    /// <summary>The alias key this contact came through, as <see cref="CustomerComplaint.Origin"/>; null for the customer's own key.</summary>
    public string? Origin { get; init; }

    /// <summary>When the contact happened; default in contacts stored before identity corrections.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>True when this contact asked for compensation.</summary>
    public bool Compensation { get; init; }

    /// <summary>The contact's channel, from its dedup id (<c>Channel:eventId</c>).</summary>
    [JsonIgnore]
    public Channel Channel => Enum.Parse<Channel>(DedupId.AsSpan(0, DedupId.IndexOf(':', StringComparison.Ordinal)));
}
