using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// A customer's rules over <see cref="CustomerState"/>: drop redelivered events and keep count of
/// contacts per incident. The remembered-id window is a fixed size so state stays bounded while
/// still covering any realistic Kafka redelivery of one customer's events.
/// </summary>
public sealed class Customer
{
    public const int RememberedEvents = 1024;
    private const int RememberedIncidents = 256;
    private const int MaxAliases = 64;

    public Customer(CustomerState state) => State = state;

    public CustomerState State { get; }

    /// <summary>
    /// Records the complaint, or marks it redelivered when the same channel and event id came
    /// before. Redeliveries still go on to the incident, which drops what it already applied:
    /// a batch retried after a partial failure must reach the incidents it did not reach.
    /// </summary>
    public ComplaintFact Accept(ComplaintFact fact)
    {
        var state = State;
        if (!state.RecentEvents.Add(fact.DedupId))
        {
            state.Redeliveries++;
            return fact with { Redelivered = true };
        }

        state.Key = fact.CustomerKey;
        state.Complaints++;
        state.ComplaintsByChannel[fact.Channel] = state.ComplaintsByChannel.GetValueOrDefault(fact.Channel) + 1;
        state.FirstSeen = state.FirstSeen is { } first && first <= fact.OccurredAt ? first : fact.OccurredAt;
        state.LastSeen = state.LastSeen is { } last && last >= fact.OccurredAt ? last : fact.OccurredAt;
        RecordContact(fact);
        return fact;
    }

    /// <summary>Weaker identifiers in these complaints that are not yet linked to this customer.</summary>
    public IReadOnlyList<string> UnlinkedAliases(IEnumerable<ComplaintFact> facts) =>
        [.. facts.SelectMany(f => f.LinkedKeys).Distinct(StringComparer.Ordinal)
            .Where(key => key != State.Key && !State.Aliases.Contains(key))];

    /// <summary>Remembers that the alias now points here.</summary>
    public void Linked(string alias)
    {
        if (State.Aliases.Count < MaxAliases && !State.Aliases.Contains(alias))
        {
            State.Aliases.Add(alias);
        }
    }

    /// <summary>Makes this identifier an alias of <paramref name="canonical"/>; false when it already points elsewhere or is itself.</summary>
    public bool LinkTo(string canonical)
    {
        if (canonical == State.Key || State.AliasOf == canonical)
        {
            return false;
        }
        // The first link wins: a shared family phone must not hop between people (corrections are an operator's).
        if (State.AliasOf is not null)
        {
            return false;
        }
        State.AliasOf = canonical;
        return true;
    }

    private void RecordContact(ComplaintFact fact)
    {
        var contacts = State.Contacts;
        if (contacts.TryGetValue(fact.IncidentKey, out var contact))
        {
            var channels = contact.Channels.Contains(fact.Channel) ? contact.Channels : [.. contact.Channels, fact.Channel];
            contacts[fact.IncidentKey] = new CustomerContact(
                fact.OccurredAt < contact.FirstAt ? fact.OccurredAt : contact.FirstAt,
                fact.OccurredAt > contact.LastAt ? fact.OccurredAt : contact.LastAt,
                contact.Count + 1,
                channels);
            return;
        }
        if (contacts.Count >= RememberedIncidents)
        {
            var oldest = contacts.MinBy(c => c.Value.LastAt).Key;
            contacts.Remove(oldest);
        }
        contacts[fact.IncidentKey] = new CustomerContact(fact.OccurredAt, fact.OccurredAt, 1, [fact.Channel]);
    }
}
