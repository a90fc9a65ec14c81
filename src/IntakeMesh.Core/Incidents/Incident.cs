using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// One incident key's rules over its <see cref="IncidentState"/>: who joined when, which phase the
/// group complaint has reached, which crisis tier that calls for, and when a wave ends and the next
/// one begins. Complaints are applied one at a time, on event time, so the result does not depend
/// on how they were batched; operator actions and deadlines take their time as an argument.
/// </summary>
public sealed partial class Incident
{
    public const int RememberedEvents = 8192;

    /// <summary>Participants kept by key, earliest first; the rest are counted by sketches.</summary>
    public const int ParticipantSample = 200;

    /// <summary>Per-minute arrival buckets kept: 48 h, so a late event still meets its 24 h window.</summary>
    public const int ArrivalMinutes = 48 * 60 + 1;

    /// <summary>Summaries of earlier waves kept per key.</summary>
    public const int ClosedWavesKept = 10;

    private readonly DetectionOptions _options;
    private ParticipantTracker _participants;

    public Incident(IncidentState state, DetectionOptions options)
    {
        State = state;
        _options = options;
        _participants = Tracker();
    }

    /// <summary>
    /// False for a replay, which never merges or splits: it keeps no ledger, so its memory stays
    /// bounded by the open incidents, not by their complaints.
    /// </summary>
    public bool KeepsLedger { get; init; } = true;

    public IncidentState State { get; }

    /// <summary>Applies one accepted complaint; returns the last change it caused (opening, rise), if any.</summary>
    public TierChange? Apply(ComplaintFact fact)
    {
        var changes = new List<TierChange>(2);
        Apply(fact, changes);
        return changes.Count > 0 ? changes[^1] : null;
    }

    /// <summary>
    /// Applies one accepted complaint and adds every change it caused to <paramref name="changes"/>:
    /// when it comes after the quiet period, the close of the previous wave, then the new wave's opening.
    /// </summary>
    public void Apply(ComplaintFact fact, ICollection<TierChange> changes)
    {
        var state = State;
        if (!state.AppliedEvents.Add(fact.DedupId))
        {
            return;
        }
        if (!fact.IsRepeat)
        {
            (state.Volume ??= KeyVolume.For(_options)).Add(fact.OccurredAt);
        }

        var opened = false;
        if (state.IsNew)
        {
            state.Key = fact.IncidentKey;
            Open(fact, 1);
            opened = true;
        }
        else if (state.IsClosed)
        {
            if (fact.OccurredAt < state.ClosedAt)
            {
                // It happened before the close: it belongs to the closed wave, which stays closed.
                state.LateComplaints++;
                return;
            }
            Open(fact, state.Wave + 1);
            opened = true;
        }
        else if (Close(fact.OccurredAt) is { } close)
        {
            changes.Add(close);
            Open(fact, state.Wave + 1);
            opened = true;
        }

        var customer = StableHash.Of(fact.CustomerKey);
        // A repeat contact is part of a complaint already counted, unless this wave never saw the
        // customer (a repeat after a resolve opens the next wave with its customer in it).
        var repeat = fact.IsRepeat && (_participants.InSample(fact.CustomerKey) || _participants.Overflowed);
        Count(fact, repeat);
        Keep(fact);
        var arrival = !repeat && _participants.Join(fact, customer);
        var templated = ObserveText(fact, fact.TextSimHash, customer, repeat);
        state.Templated += templated;
        if (!repeat)
        {
            Remember(fact, templated > 0);
        }
        if (fact.PostId is not null || fact.ReplyTo is not null || fact.RepostOf is not null)
        {
            if (state.Chains.Observe(fact) is { } edge)
            {
                _participants.MarkFollower(edge.Follower, edge.Leader);
            }
        }

        var phase = state.Phase;
        if (!repeat)
        {
            // A repeat contact can be the first fact a key sees (batches from other partitions arrive in any order): make the volume then.
            var baseline = (state.Volume ??= KeyVolume.For(_options)).At(fact.OccurredAt, _options);
            var active = baseline is null;
            // Window counts matter while the phase can still rise, or to tell a wave from a busy key's usual flow.
            if (arrival || phase != Phase.Mass || baseline is not null)
            {
                var verdict = PhaseRule.Evaluate(state, fact.OccurredAt, baseline, _options);
                active = verdict.Active;
                if (verdict.Phase > phase)
                {
                    phase = verdict.Phase;
                    state.PhaseReason = verdict.Reason;
                    state.Baseline = verdict.Baseline;
                }
            }
            if (active && (state.LastActive is null || fact.OccurredAt > state.LastActive))
            {
                state.LastActive = fact.OccurredAt;
            }
        }
        Decide(fact.OccurredAt, opened, phase, changes);
    }

    private void Open(ComplaintFact fact, int wave)
    {
        var state = State;
        if (wave > 1)
        {
            // A state restored from a digest has no figures of its wave left to keep.
            if (state.FirstSeen is not null)
            {
                state.ClosedWaves.Add(IncidentSummary.From(state));
            }
            if (state.ClosedWaves.Count > ClosedWavesKept)
            {
                state.ClosedWaves.RemoveAt(0);
            }
            state.ResetWave();
            state.PreviousId = IncidentKeys.IncidentId(state.Key, wave - 1);
        }
        state.Wave = wave;
        state.Id = IncidentKeys.IncidentId(state.Key, wave);
        state.LastActive = fact.OccurredAt;
        _participants = Tracker();
    }

    private void Count(ComplaintFact fact, bool repeat)
    {
        var state = State;
        state.Contacts++;
        state.ContactsByChannel[fact.Channel] = state.ContactsByChannel.GetValueOrDefault(fact.Channel) + 1;
        if (!repeat)
        {
            state.Complaints++;
            state.ComplaintsByChannel[fact.Channel] = state.ComplaintsByChannel.GetValueOrDefault(fact.Channel) + 1;
            state.ComplaintsByCategory[fact.Category] = state.ComplaintsByCategory.GetValueOrDefault(fact.Category) + 1;
        }
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
        if (fact.Role == CustomerRole.ProfessionalComplainer)
        {
            state.ProfessionalComplainers.Add(fact.CustomerKey);
        }
        foreach (var signal in SignalWords.Of(fact, _options))
        {
            state.ElevatedSignals.Add(signal);
        }
    }

    private void Decide(DateTimeOffset at, bool opened, Phase phase, ICollection<TierChange> changes)
    {
        var state = State;
        if (!opened && TierPolicy.TierOf(state, phase, _options) <= state.Tier && phase <= state.Phase)
        {
            return;
        }
        var (tier, reasons, rules) = TierPolicy.Decide(state, phase, _options);
        // An open incident never drops by itself: tier and phase only rise.
        tier = tier > state.Tier ? tier : state.Tier;
        phase = phase > state.Phase ? phase : state.Phase;
        changes.Add(Record(at, tier, phase, opened ? ChangeKind.Opened : ChangeKind.Raised, reasons, at + _options.DeadlineFor(tier), rules));
    }

    private TierChange CloseAt(DateTimeOffset at, ChangeKind kind, string reason)
    {
        State.ClosedAt = at;
        return Record(at, State.Tier, State.Phase, kind, [reason], State.ResponseDue ?? at);
    }

    private TierChange Record(DateTimeOffset at, Tier tier, Phase phase, ChangeKind kind, IReadOnlyList<string> reasons, DateTimeOffset due, IReadOnlyList<TierRule>? rules = null)
    {
        var state = State;
        var change = new TierChange(at, state.Tier, tier, state.Phase, phase, reasons, Playbooks.For(tier), due)
        {
            Kind = kind,
            IncidentId = state.Id,
            Participants = state.ParticipantCount,
            Templated = state.Templated,
            Rules = rules ?? [],
        };
        state.Tier = tier;
        state.Phase = phase;
        state.ResponseDue = due;
        state.History.Add(change);
        return change;
    }

    private string AgeReason() =>
        $"reached the maximum age of {Duration(_options.MaxIncidentAge)}; later complaints on its key open {IncidentKeys.IncidentId(State.Key, State.Wave + 1)}";

    private string QuietReason() =>
        $"quiet for {Duration(_options.QuietPeriod)} since the last complaint{(State.Volume?.At(State.LastActive ?? default, _options) is null ? "" : " above the key's baseline")}";

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0} d"
        : span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0} h"
        : $"{span.TotalMinutes:0} min";

    private ParticipantTracker Tracker() => new(State) { Window = _options.GroupWindow };
}
