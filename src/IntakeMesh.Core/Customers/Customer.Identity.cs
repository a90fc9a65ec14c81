using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// An operator's identity corrections. An unlink gives an alias back the complaints that came
/// through it (<see cref="CustomerComplaint.Origin"/>) and remembers the pair, so that no later
/// event links them again. A manual link moves the alias's own complaints in, whatever the
/// automatic "first link wins" rule says. Both sides re-derive their counts, contacts per incident
/// and role from what moved.
/// </summary>
public sealed partial class Customer
{
    /// <summary>Separations remembered per customer: far more than an operator corrects for one person.</summary>
    public const int RememberedUnlinks = 64;

    /// <summary>True when <paramref name="alias"/> is linked to this customer.</summary>
    public bool HasAlias(string alias) => State.Aliases.Contains(alias);

    /// <summary>
    /// On the canonical customer: forgets the alias, remembers the separation, and takes out the
    /// complaints and identifiers that came through it, for the alias to take back.
    /// </summary>
    public IdentityMove Unlink(string alias)
    {
        State.Aliases.Remove(alias);
        Separate(alias);
        ComplaintSplit.SplitMixed(State, alias);
        return TakeOut(alias, c => c.Origin == alias, i => KeyOf(i) == alias);
    }

    /// <summary>On the alias of an unlink: stops pointing at the customer it was linked to, remembers the separation, and takes its complaints back.</summary>
    public void TakeBack(IdentityMove move)
    {
        if (State.AliasOf == move.From)
        {
            State.AliasOf = null;
        }
        Separate(move.From);
        Adopt(move);
    }

    /// <summary>
    /// On the alias of a manual link: points at <paramref name="canonical"/> from now on, forgets a
    /// separation from it, and takes out all its complaints and identifiers for it.
    /// </summary>
    public IdentityMove HandOver(string canonical)
    {
        State.AliasOf = canonical;
        State.Unlinked.Remove(canonical);
        var move = TakeOut(canonical, _ => true, _ => true);
        // The alias is the customer now, wherever it took part: its participation moves whole.
        return move with { Incidents = [.. move.Incidents.Select(i => i with { FromStays = false })] };
    }

    /// <summary>On the canonical customer of a manual link: links the alias and takes in what it handed over.</summary>
    public void Link(string alias, IdentityMove move)
    {
        State.Unlinked.Remove(alias);
        Linked(alias);
        Adopt(move);
    }

    private static string KeyOf(SealedIdentifier identifier) => CustomerIdentity.KeyOf(new IdentifierHash(identifier.Kind, identifier.Hash));

    private void Separate(string other)
    {
        var unlinked = State.Unlinked;
        if (unlinked.Contains(other))
        {
            return;
        }
        if (unlinked.Count >= RememberedUnlinks)
        {
            unlinked.RemoveAt(0);
        }
        unlinked.Add(other);
    }

    private IdentityMove TakeOut(string to, Predicate<CustomerComplaint> moves, Predicate<SealedIdentifier> movesIdentifier)
    {
        var state = State;
        var complaints = state.History.FindAll(moves);
        state.History.RemoveAll(moves);
        foreach (var complaint in complaints)
        {
            // At the receiver, a complaint remembers which key it came through (null there means its own).
            complaint.Origin ??= state.Key;
            state.Complaints = Math.Max(0, state.Complaints - complaint.Contacts);
            state.RepeatContacts = Math.Max(0, state.RepeatContacts - (complaint.Contacts - 1));
            foreach (var (channel, count) in ChannelCounts(complaint))
            {
                state.ComplaintsByChannel[channel] = Math.Max(0, state.ComplaintsByChannel.GetValueOrDefault(channel) - count);
            }
        }
        var incidents = complaints.GroupBy(c => c.IncidentKey, StringComparer.Ordinal)
            .Select(g => Release(g.Key, [.. g], to))
            .ToList();
        var identifiers = state.Identifiers.FindAll(movesIdentifier);
        state.Identifiers.RemoveAll(movesIdentifier);
        state.Role = RoleRule.For(state, _options);
        return new IdentityMove(state.Key, to, complaints, identifiers, incidents);
    }

    /// <summary>Takes the moved complaints' contacts out of the incident's contact entry; drops the entry when none are left.</summary>
    private IncidentReattribution Release(string incidentKey, List<CustomerComplaint> moved, string to)
    {
        var state = State;
        var remaining = state.History.FindAll(c => c.IncidentKey == incidentKey);
        if (state.Contacts.TryGetValue(incidentKey, out var contact))
        {
            var count = contact.Count - moved.Sum(c => c.Contacts);
            if (remaining.Count == 0 && count <= 0)
            {
                state.Contacts.Remove(incidentKey);
                state.IncidentsComplained = Math.Max(0, state.IncidentsComplained - 1);
                state.CompensationIncidents = Math.Max(0, state.CompensationIncidents - (contact.Compensation ? 1 : 0));
            }
            else
            {
                // Contacts beyond the remembered complaints are older ones: keep what the entry knew of them.
                var exact = count <= remaining.Sum(c => c.Contacts);
                var compensation = remaining.Exists(c => c.Compensation) || (!exact && contact.Compensation);
                if (contact.Compensation && !compensation)
                {
                    state.CompensationIncidents = Math.Max(0, state.CompensationIncidents - 1);
                }
                state.Contacts[incidentKey] = exact
                    ? Summarize(remaining) with { Compensation = compensation }
                    : contact with { Count = count, Compensation = compensation };
            }
        }
        var first = moved.MinBy(c => c.FirstAt)!;
        var stays = remaining.Count > 0 || state.Contacts.ContainsKey(incidentKey);
        return new IncidentReattribution(incidentKey, state.Key, to, stays, first.FirstAt, first.Channels.Count > 0 ? first.Channels[0] : first.LastChannel, EventIdOf(first.Id));
    }

    private void Adopt(IdentityMove move)
    {
        var state = State;
        foreach (var complaint in move.Complaints)
        {
            if (state.History.Exists(c => c.Id == complaint.Id))
            {
                // Already taken in by an earlier try of the same correction.
                continue;
            }
            complaint.Origin = complaint.Origin == state.Key ? null : complaint.Origin;
            state.Complaints += complaint.Contacts;
            state.RepeatContacts += complaint.Contacts - 1;
            foreach (var (channel, count) in ChannelCounts(complaint))
            {
                state.ComplaintsByChannel[channel] = state.ComplaintsByChannel.GetValueOrDefault(channel) + count;
            }
            foreach (var entry in complaint.Recent)
            {
                // Redeliveries of moved events now reach this customer; they must still be known.
                state.RecentEvents.Add(entry.DedupId);
            }
            MergeContact(complaint);
            state.FirstSeen = state.FirstSeen is { } first && first <= complaint.FirstAt ? first : complaint.FirstAt;
            state.LastSeen = state.LastSeen is { } last && last >= complaint.LastAt ? last : complaint.LastAt;
            state.History.Add(complaint);
        }
        state.History = [.. state.History.OrderBy(c => c.FirstAt)];
        while (state.History.Count > RememberedComplaints)
        {
            var closed = state.History.FindIndex(c => c.Stage == ComplaintStage.FollowedUp);
            state.History.RemoveAt(closed >= 0 ? closed : 0);
        }
        Remember(move.Identifiers);
        state.Role = RoleRule.For(state, _options);
    }

    private void MergeContact(CustomerComplaint complaint)
    {
        var state = State;
        var contacts = state.Contacts;
        var added = new CustomerContact(complaint.FirstAt, complaint.LastAt, complaint.Contacts, complaint.Channels) { Compensation = complaint.Compensation };
        if (!contacts.TryGetValue(complaint.IncidentKey, out var contact))
        {
            if (contacts.Count >= RememberedIncidents)
            {
                contacts.Remove(contacts.MinBy(c => c.Value.LastAt).Key);
            }
            state.IncidentsComplained++;
            state.CompensationIncidents += complaint.Compensation ? 1 : 0;
            contacts[complaint.IncidentKey] = added;
            return;
        }
        if (complaint.Compensation && !contact.Compensation)
        {
            state.CompensationIncidents++;
        }
        contacts[complaint.IncidentKey] = new CustomerContact(
            complaint.FirstAt < contact.FirstAt ? complaint.FirstAt : contact.FirstAt,
            complaint.LastAt > contact.LastAt ? complaint.LastAt : contact.LastAt,
            contact.Count + complaint.Contacts,
            [.. contact.Channels.Union(complaint.Channels)])
        { Compensation = contact.Compensation || complaint.Compensation };
    }

    private static CustomerContact Summarize(List<CustomerComplaint> complaints) => new(
        complaints.Min(c => c.FirstAt),
        complaints.Max(c => c.LastAt),
        complaints.Sum(c => c.Contacts),
        [.. complaints.OrderBy(c => c.FirstAt).SelectMany(c => c.Channels).Distinct()]);

    private static IEnumerable<KeyValuePair<Channel, int>> ChannelCounts(CustomerComplaint complaint) =>
        complaint.ContactsByChannel.Count > 0 ? complaint.ContactsByChannel : [new(complaint.LastChannel, complaint.Contacts)];

    private static string EventIdOf(string dedupId) => dedupId[(dedupId.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
