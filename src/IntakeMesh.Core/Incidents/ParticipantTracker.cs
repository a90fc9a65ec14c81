using IntakeMesh.Core.Incidents.Sketches;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Who is in the current wave, within a fixed memory bound. The first
/// <see cref="Incident.ParticipantSample"/> participants in event-time order are kept exactly
/// (so the starter and the early followers are known by key); beyond them a HyperLogLog counts
/// distinct customers (±2.5%) and two rotating Bloom filters tell whether a customer already
/// arrived within the recent window (see <see cref="RecentCustomers"/>).
/// </summary>
internal sealed class ParticipantTracker
{
    private readonly IncidentState _state;
    private readonly Dictionary<string, int> _index;

    public ParticipantTracker(IncidentState state)
    {
        _state = state;
        _index = new Dictionary<string, int>(state.Participants.Count, StringComparer.Ordinal);
        Reindex(0);
    }

    /// <summary>The recent window the Bloom filters rotate on: the incident's group window.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);

    /// <summary>True once more customers came than the exact sample holds.</summary>
    public bool Overflowed => _state.Distinct is not null;

    public bool InSample(string customer) => _index.ContainsKey(customer);

    /// <summary>
    /// Counts the customer in; true when this complaint is an arrival in the wave's window counts
    /// (a customer's first complaint, or an earlier one than known, or beyond the sample one not
    /// seen within the recent window).
    /// </summary>
    public bool Join(ComplaintFact fact, ulong customer)
    {
        var participants = _state.Participants;
        var at = fact.OccurredAt;
        _state.Distinct?.Add(customer);
        if (_index.TryGetValue(fact.CustomerKey, out var known))
        {
            var existing = participants[known];
            if (existing.FirstAt <= at)
            {
                return false;
            }
            // An out-of-order earlier complaint: the customer arrived earlier than we knew.
            participants.RemoveAt(known);
            _state.Arrivals.Add(existing.FirstAt, -1);
            Insert(Describe(fact) with { FollowerOf = existing.FollowerOf }, known);
            _state.Arrivals.Add(at);
            return true;
        }

        var wasOverflowed = Overflowed;
        var arrival = !wasOverflowed || !_state.Recent!.Seen(customer, at);
        if (!wasOverflowed)
        {
            // Every participant so far is in the sample, so a key not in it is a new one.
            _state.ParticipantCount++;
        }
        Admit(Describe(fact), customer);
        if (Overflowed)
        {
            _state.Distinct!.Add(customer);
            _state.ParticipantCount = Math.Max(_state.ParticipantCount, (long)Math.Round(_state.Distinct.Estimate()));
        }
        if (arrival)
        {
            _state.Arrivals.Add(at);
        }
        return arrival;
    }

    /// <summary>Records that a sampled participant followed another's social post.</summary>
    public void MarkFollower(string follower, string leader)
    {
        if (_index.TryGetValue(follower, out var at) && _state.Participants[at].FollowerOf is null)
        {
            _state.Participants[at] = _state.Participants[at] with { FollowerOf = leader };
        }
    }

    private static Participant Describe(ComplaintFact fact) =>
        new(fact.CustomerKey, fact.OccurredAt, fact.Channel, fact.EventId) { Followers = fact.Followers };

    private void Admit(Participant participant, ulong customer)
    {
        var participants = _state.Participants;
        if (participants.Count < Incident.ParticipantSample)
        {
            Insert(participant, participants.Count);
            return;
        }
        EnsureSketches();
        var last = participants[^1];
        if (participant.FirstAt < last.FirstAt)
        {
            // Keep the earliest ones: the latest sampled participant leaves the sample, not the wave.
            participants.RemoveAt(participants.Count - 1);
            _index.Remove(last.CustomerKey);
            _state.Recent!.Mark(StableHash.Of(last.CustomerKey), last.FirstAt);
            Insert(participant, participants.Count);
        }
        else
        {
            _state.Recent!.Mark(customer, participant.FirstAt);
        }
    }

    private void EnsureSketches()
    {
        if (_state.Distinct is not null)
        {
            return;
        }
        _state.Distinct = new HyperLogLog();
        _state.Recent = RecentCustomers.For(Window);
        foreach (var participant in _state.Participants)
        {
            _state.Distinct.Add(StableHash.Of(participant.CustomerKey));
        }
    }

    /// <summary>Inserts in event-time order; ties keep arrival order. <paramref name="hint"/> bounds the reindexing.</summary>
    private void Insert(Participant participant, int hint)
    {
        var participants = _state.Participants;
        int low = 0, high = participants.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (participants[mid].FirstAt <= participant.FirstAt)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        participants.Insert(low, participant);
        Reindex(Math.Min(low, hint));
    }

    private void Reindex(int from)
    {
        var participants = _state.Participants;
        for (var i = from; i < participants.Count; i++)
        {
            _index[participants[i].CustomerKey] = i;
        }
    }
}
