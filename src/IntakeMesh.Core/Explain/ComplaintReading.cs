using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Explain;

/// <summary>
/// What reading one event decided before any grain saw it, kept for explaining it: the event's
/// identifiers masked with the customer key each would have, and the incident key chosen with its
/// reason. Holds no raw identifier.
/// </summary>
public sealed record ComplaintReading(
    string ComplaintId,
    string EventId,
    Channel Channel,
    DateTimeOffset OccurredAt,
    IReadOnlyList<LinkedIdentifier> Identifiers,
    IncidentKeyChoice Key)
{
    /// <summary>The customer key the event itself names: its strongest identifier's.</summary>
    public string EventKey => Identifiers.Count > 0 ? Identifiers[0].Key : "";

    public static ComplaintReading Of(Understood understood)
    {
        var fact = understood.Fact;
        var hashes = understood.Identity.Identifiers;
        var identifiers = new LinkedIdentifier[hashes.Count];
        for (var i = 0; i < hashes.Count; i++)
        {
            var masked = i < understood.Masked.Count ? understood.Masked[i].Masked : "";
            identifiers[i] = new LinkedIdentifier(hashes[i].Kind, masked, CustomerIdentity.KeyOf(hashes[i]), i == 0 ? IdentifierUse.Key : IdentifierUse.Alias);
        }
        return new ComplaintReading(fact.DedupId, fact.EventId, fact.Channel, fact.OccurredAt, identifiers, understood.Key);
    }
}
