using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// One incident's rules over its <see cref="IncidentState"/>: who joined when, which phase the
/// group complaint has reached, and which crisis tier that calls for. Complaints are applied one
/// at a time, on event time, so the result does not depend on how they were batched.
/// </summary>
public sealed class Incident
{
    public const int RememberedEvents = 8192;

    private readonly DetectionOptions _options;
    private readonly Dictionary<string, int> _participantIndex;

    public Incident(IncidentState state, DetectionOptions options)
    {
        State = state;
        _options = options;
        _participantIndex = new Dictionary<string, int>(state.Participants.Count, StringComparer.Ordinal);
        for (var i = 0; i < state.Participants.Count; i++)
        {
            _participantIndex[state.Participants[i].CustomerKey] = i;
        }
    }

    public IncidentState State { get; }

    /// <summary>Applies one accepted complaint; returns the tier or phase change it caused, if any.</summary>
    public TierChange? Apply(ComplaintFact fact)
    {
        var state = State;
        if (!state.AppliedEvents.Add(fact.DedupId))
        {
            return null;
        }
        var opened = state.IsNew;
        if (opened)
        {
            state.Key = fact.IncidentKey;
            state.Wave = 1;
            state.Id = IncidentKeys.IncidentId(fact.IncidentKey, state.Wave);
        }
        Count(fact);
        var joined = Join(fact);
        if (joined && state.Phase != Phase.Mass)
        {
            state.PeakWindowCustomers = Math.Max(state.PeakWindowCustomers, WindowCustomersAround(fact.OccurredAt));
        }

        var phase = PhaseFor(state.PeakWindowCustomers);
        var (tier, reasons) = TierPolicy.Evaluate(state, phase, _options);
        if (!opened && tier <= state.Tier && phase <= state.Phase)
        {
            return null;
        }
        // An open incident never drops by itself: tier and phase only rise.
        tier = tier > state.Tier ? tier : state.Tier;
        phase = phase > state.Phase ? phase : state.Phase;
        var change = new TierChange(
            fact.OccurredAt, state.Tier, tier, state.Phase, phase, reasons, Playbooks.For(tier),
            fact.OccurredAt + _options.DeadlineFor(tier));
        state.Tier = tier;
        state.Phase = phase;
        state.ResponseDue = change.ResponseDue;
        state.History.Add(change);
        return change;
    }

    private void Count(ComplaintFact fact)
    {
        var state = State;
        state.Complaints++;
        state.ComplaintsByChannel[fact.Channel] = state.ComplaintsByChannel.GetValueOrDefault(fact.Channel) + 1;
        state.ComplaintsByCategory[fact.Category] = state.ComplaintsByCategory.GetValueOrDefault(fact.Category) + 1;
        if (state.FirstSeen is null || fact.OccurredAt < state.FirstSeen)
        {
            state.FirstSeen = fact.OccurredAt;
        }
        if (state.LastSeen is null || fact.OccurredAt > state.LastSeen)
        {
            state.LastSeen = fact.OccurredAt;
        }
        if (fact.Risks.HasFlag(RiskSignals.Media))
        {
            state.MediaCustomers.Add(fact.CustomerKey);
        }
        if (fact.Risks.HasFlag(RiskSignals.Safety) || fact.Category == ComplaintCategory.Safety)
        {
            state.SafetyCustomers.Add(fact.CustomerKey);
        }
        if (fact.Channel == Channel.Regulator)
        {
            state.RegulatorCases.Add(fact.RegulatorCase ?? fact.EventId);
        }
        foreach (var signal in ElevatedSignals(fact))
        {
            state.ElevatedSignals.Add(signal);
        }
    }

    private static IEnumerable<string> ElevatedSignals(ComplaintFact fact)
    {
        if (fact.Urgency == Urgency.InProgress)
        {
            yield return "loss still happening";
        }
        if (fact.Emotion >= EmotionLevel.Angry)
        {
            yield return $"customer {(fact.Emotion == EmotionLevel.OutOfControl ? "out of control" : "angry")}";
        }
        if (fact.Risks.HasFlag(RiskSignals.Media))
        {
            yield return "media threat";
        }
        if (fact.Risks.HasFlag(RiskSignals.Regulator))
        {
            yield return "regulator or petition threat";
        }
        if (fact.Risks.HasFlag(RiskSignals.Legal))
        {
            yield return "legal threat";
        }
        if (fact.Channel == Channel.Regulator)
        {
            yield return "regulator case";
        }
    }

    /// <summary>Adds the customer as a participant, or moves their first complaint earlier; true when the set changed.</summary>
    private bool Join(ComplaintFact fact)
    {
        var participants = State.Participants;
        var known = _participantIndex.TryGetValue(fact.CustomerKey, out var existing);
        if (known)
        {
            if (participants[existing].FirstAt <= fact.OccurredAt)
            {
                return false;
            }
            participants.RemoveAt(existing);
        }
        var at = InsertionPoint(participants, fact.OccurredAt);
        participants.Insert(at, new Participant(fact.CustomerKey, fact.OccurredAt, fact.Channel, fact.EventId) { Followers = fact.Followers });
        Reindex(known ? Math.Min(at, existing) : at);
        return true;
    }

    private void Reindex(int from)
    {
        var participants = State.Participants;
        for (var i = from; i < participants.Count; i++)
        {
            _participantIndex[participants[i].CustomerKey] = i;
        }
    }

    /// <summary>Index after every participant at or before <paramref name="at"/>, so ties keep arrival order.</summary>
    private static int InsertionPoint(List<Participant> participants, DateTimeOffset at)
    {
        int low = 0, high = participants.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (participants[mid].FirstAt <= at)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    /// <summary>
    /// The most distinct customers in any one group window that contains <paramref name="at"/>.
    /// Only called before the incident is Mass, when no window holds more than the Mass
    /// threshold, so the scan stays short however large the incident grows afterwards.
    /// </summary>
    private int WindowCustomersAround(DateTimeOffset at)
    {
        var participants = State.Participants;
        var window = _options.GroupWindow;
        var first = InsertionPoint(participants, at - window - TimeSpan.FromTicks(1));
        var best = 0;
        var end = first;
        for (var start = first; start < participants.Count && participants[start].FirstAt <= at; start++)
        {
            var limit = participants[start].FirstAt + window;
            if (end < start)
            {
                end = start;
            }
            while (end < participants.Count && participants[end].FirstAt <= limit)
            {
                end++;
            }
            best = Math.Max(best, end - start);
        }
        return best;
    }

    private Phase PhaseFor(int windowCustomers) =>
        windowCustomers >= _options.MassCustomers ? Phase.Mass
        : windowCustomers >= _options.FollowingCustomers ? Phase.Following
        : Phase.Single;
}
