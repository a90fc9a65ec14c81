using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// A customer's rules over <see cref="CustomerState"/>: drop redelivered events, merge repeat
/// contacts about one issue into one complaint (and say when they signal escalation), keep the
/// customer's role, and move each complaint through accept → handle → reply → follow-up. The
/// remembered ids and complaints are fixed-size so state stays bounded while still covering any
/// realistic Kafka redelivery and repeat window of one customer.
/// </summary>
public sealed partial class Customer
{
    public const int RememberedEvents = 1024;
    public const int RememberedIncidents = 256;
    public const int RememberedComplaints = 64;

    /// <summary>Identifiers kept per customer: a person has a few phones and emails, a linked household a few more.</summary>
    public const int RememberedIdentifiers = 16;
    private const int MaxAliases = 64;

    private readonly DetectionOptions _options;

    public Customer(CustomerState state)
        : this(state, new DetectionOptions())
    {
    }

    public Customer(CustomerState state, DetectionOptions options)
    {
        State = state;
        _options = options;
    }

    public CustomerState State { get; }

    /// <summary>
    /// Records the complaint and returns it judged: a repeat contact carries its contact number,
    /// the complaint it repeats and its escalation signals; every fact carries the customer's role.
    /// A redelivery (same channel and event id) is marked and gets its first verdict again: it still
    /// goes on to the incident, which drops what it already applied, because a batch retried after a
    /// partial failure must reach the incidents it did not reach. The verdict never carries the
    /// fact's sealed identifiers: they stay here, not in incidents.
    /// <paramref name="origin"/> is the alias key the fact was keyed to before it was forwarded
    /// here, so that an unlink can give those complaints back.
    /// </summary>
    public ComplaintFact Accept(ComplaintFact fact, string? origin = null)
    {
        var verdict = Judge(fact, origin);
        if (fact.Identifiers.Count == 0)
        {
            return verdict;
        }
        if (!verdict.Redelivered)
        {
            Remember(fact.Identifiers);
        }
        return verdict with { Identifiers = [] };
    }

    private ComplaintFact Judge(ComplaintFact fact, string? origin)
    {
        var state = State;
        if (!state.RecentEvents.Add(fact.DedupId))
        {
            state.Redeliveries++;
            return Redelivered(fact);
        }

        state.Key = fact.CustomerKey;
        state.Complaints++;
        state.ComplaintsByChannel[fact.Channel] = state.ComplaintsByChannel.GetValueOrDefault(fact.Channel) + 1;
        state.FirstSeen = state.FirstSeen is { } first && first <= fact.OccurredAt ? first : fact.OccurredAt;
        state.LastSeen = state.LastSeen is { } last && last >= fact.OccurredAt ? last : fact.OccurredAt;
        RecordContact(fact);
        state.Role = RoleRule.For(state, _options);

        var (entry, complaint) = RepeatContactRule.Record(state, fact, _options, origin);
        if (entry.Number > 1)
        {
            state.RepeatContacts++;
        }
        return Judged(fact, entry, complaint.Id);
    }

    /// <summary>
    /// Moves one complaint forward in its lifecycle (an operator's action); false when there is no
    /// such complaint or it is already at or past <paramref name="stage"/>. Steps may be skipped.
    /// </summary>
    public bool Advance(string complaintId, ComplaintStage stage, DateTimeOffset at)
    {
        var complaint = State.History.Find(c => c.Id == complaintId);
        if (complaint is null || stage <= complaint.Stage)
        {
            return false;
        }
        complaint.Stage = stage;
        switch (stage)
        {
            case ComplaintStage.Handling:
                complaint.HandlingAt = at;
                break;
            case ComplaintStage.Replied:
                complaint.RepliedAt = at;
                break;
            case ComplaintStage.FollowedUp:
                complaint.FollowedUpAt = at;
                break;
        }
        return true;
    }

    /// <summary>Complaints not yet followed up, oldest first.</summary>
    public IReadOnlyList<CustomerComplaint> OpenComplaints => [.. State.History.Where(c => c.Stage < ComplaintStage.FollowedUp)];

    /// <summary>
    /// Re-seals every identifier sealed under an older key with the vault's current one (key
    /// rotation); true when any changed, so the caller stores the state.
    /// </summary>
    public bool Reseal(IdentifierVault vault)
    {
        var identifiers = State.Identifiers;
        var changed = false;
        for (var i = 0; i < identifiers.Count; i++)
        {
            var resealed = vault.Reseal(identifiers[i]);
            if (!ReferenceEquals(resealed, identifiers[i]))
            {
                identifiers[i] = resealed;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>Weaker identifiers in these complaints that are not yet linked to this customer, nor separated from it by an operator.</summary>
    public IReadOnlyList<string> UnlinkedAliases(IEnumerable<ComplaintFact> facts) =>
        [.. facts.SelectMany(f => f.LinkedKeys).Distinct(StringComparer.Ordinal)
            .Where(key => key != State.Key && !State.Aliases.Contains(key) && !State.Unlinked.Contains(key))];

    /// <summary>Remembers that the alias now points here.</summary>
    public void Linked(string alias)
    {
        if (State.Aliases.Count < MaxAliases && !State.Aliases.Contains(alias))
        {
            State.Aliases.Add(alias);
        }
    }

    /// <summary>
    /// Makes this identifier an alias of <paramref name="canonical"/>; false when it already points
    /// elsewhere, is itself, or an operator separated the two.
    /// </summary>
    public bool LinkTo(string canonical)
    {
        if (canonical == State.Key || State.AliasOf == canonical || State.Unlinked.Contains(canonical))
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

    /// <summary>
    /// Keeps one entry per kind and hash, the latest sealing of it (so values move to the newest
    /// key as customers come back), most recently seen last; the least recently seen goes first.
    /// </summary>
    private void Remember(IReadOnlyList<SealedIdentifier> seen)
    {
        var identifiers = State.Identifiers;
        foreach (var identifier in seen)
        {
            if (State.Unlinked.Contains(KeyOf(identifier)))
            {
                // An operator said this identifier is someone else: it is kept at its own customer.
                continue;
            }
            var known = identifiers.FindIndex(i => i.Kind == identifier.Kind && i.Hash == identifier.Hash);
            if (known >= 0)
            {
                identifiers.RemoveAt(known);
            }
            else if (identifiers.Count >= RememberedIdentifiers)
            {
                identifiers.RemoveAt(0);
            }
            identifiers.Add(identifier);
        }
    }

    private ComplaintFact Redelivered(ComplaintFact fact)
    {
        foreach (var complaint in State.History)
        {
            if (complaint.Recent.Find(e => e.DedupId == fact.DedupId) is { } entry)
            {
                return Judged(fact, entry, complaint.Id) with { Redelivered = true };
            }
        }
        // Its complaint was forgotten: judge it a first contact, as the incident will if it never saw it.
        return fact with { Redelivered = true, ContactNumber = 1, Role = State.Role };
    }

    private ComplaintFact Judged(ComplaintFact fact, ContactEntry entry, string complaintId) => fact with
    {
        ContactNumber = entry.Number,
        RepeatOf = entry.Number > 1 ? complaintId : null,
        Escalation = entry.Escalation,
        EscalatedFrom = entry.EscalatedFrom,
        Role = State.Role,
    };

    private void RecordContact(ComplaintFact fact)
    {
        var state = State;
        var contacts = state.Contacts;
        if (contacts.TryGetValue(fact.IncidentKey, out var contact))
        {
            var channels = contact.Channels.Contains(fact.Channel) ? contact.Channels : [.. contact.Channels, fact.Channel];
            if (fact.DemandsCompensation && !contact.Compensation)
            {
                state.CompensationIncidents++;
            }
            contacts[fact.IncidentKey] = new CustomerContact(
                fact.OccurredAt < contact.FirstAt ? fact.OccurredAt : contact.FirstAt,
                fact.OccurredAt > contact.LastAt ? fact.OccurredAt : contact.LastAt,
                contact.Count + 1,
                channels)
            { Compensation = contact.Compensation || fact.DemandsCompensation };
            return;
        }
        if (contacts.Count >= RememberedIncidents)
        {
            var oldest = contacts.MinBy(c => c.Value.LastAt).Key;
            contacts.Remove(oldest);
        }
        state.IncidentsComplained++;
        state.CompensationIncidents += fact.DemandsCompensation ? 1 : 0;
        contacts[fact.IncidentKey] = new CustomerContact(fact.OccurredAt, fact.OccurredAt, 1, [fact.Channel]) { Compensation = fact.DemandsCompensation };
    }
}
