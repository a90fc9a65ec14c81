namespace IntakeMesh.Core.Customers;

/// <summary>
/// While two identifiers were linked, a contact through one of them about the same issue within
/// the repeat window merged into a complaint started through the other. An unlink cuts such a
/// complaint in two by the identifier each remembered contact came through, so each customer
/// keeps its own contacts. The contacts too old to be remembered stay with the part that holds the
/// complaint's first contact.
/// </summary>
internal static class ComplaintSplit
{
    public static void SplitMixed(CustomerState state, string alias)
    {
        var history = state.History;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var whole = history[i];
            var theirs = whole.Recent.FindAll(e => e.Origin == alias);
            var mine = whole.Recent.FindAll(e => e.Origin != alias);
            if (theirs.Count == 0 || mine.Count == 0)
            {
                continue;
            }
            var forgotten = whole.Contacts - whole.Recent.Count;
            var firstIsTheirs = whole.Origin == alias;
            history[i] = Part(whole, mine, firstIsTheirs ? 0 : forgotten, firstIsTheirs ? mine[0].Origin : whole.Origin);
            history.Insert(i + 1, Part(whole, theirs, firstIsTheirs ? forgotten : 0, alias));
            // One repeat contact became the first contact of a complaint of its own.
            state.RepeatContacts = Math.Max(0, state.RepeatContacts - 1);
        }
    }

    private static CustomerComplaint Part(CustomerComplaint whole, List<ContactEntry> entries, int forgotten, string? origin)
    {
        var at = entries.ConvertAll(e => e.At == default ? whole.FirstAt : e.At);
        var channels = entries.ConvertAll(e => e.Channel);
        var byChannel = channels.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        if (forgotten > 0)
        {
            byChannel[whole.Channels[0]] = byChannel.GetValueOrDefault(whole.Channels[0]) + forgotten;
            channels.Insert(0, whole.Channels[0]);
        }
        var latest = at.IndexOf(at.Max());
        return new CustomerComplaint
        {
            Id = forgotten > 0 ? whole.Id : entries[0].DedupId,
            IncidentKey = whole.IncidentKey,
            FirstAt = forgotten > 0 ? whole.FirstAt : at.Min(),
            LastAt = at.Max(),
            Contacts = entries.Count + forgotten,
            Channels = [.. channels.Distinct()],
            LastChannel = entries[latest].Channel,
            Stage = whole.Stage,
            HandlingAt = whole.HandlingAt,
            RepliedAt = whole.RepliedAt,
            FollowedUpAt = whole.FollowedUpAt,
            Origin = origin,
            Compensation = entries.Exists(e => e.Compensation) || (forgotten > 0 && whole.Compensation),
            ContactsByChannel = byChannel,
            Recent = entries,
        };
    }
}
