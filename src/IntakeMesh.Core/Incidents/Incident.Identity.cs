using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Identity corrections seen from an incident: complaints that an operator's unlink or manual
/// link moved to another customer are re-attributed to that customer in the current wave.
/// </summary>
public sealed partial class Incident
{
    /// <summary>
    /// Re-attributes complaints from one customer to another; true when the incident changed.
    /// When the old customer still has complaints here, the new one joins as one more participant.
    /// Otherwise the old customer's participant entry is renamed, or merged into the new customer's
    /// (one participant fewer). Exact within the participant sample; beyond it the HyperLogLog
    /// cannot forget a customer, so the estimate keeps the old one and may count one too many.
    /// Closed waves, the social chains and the arrival history before the move keep the old key.
    /// The tier and phase are not re-decided here: they never drop by themselves, and the next
    /// complaint re-evaluates them with the corrected participants.
    /// </summary>
    public bool Reattribute(IncidentReattribution move)
    {
        var state = State;
        if (state.IsNew || state.IsClosed || move.From == move.To)
        {
            return false;
        }
        var changed = move.FromStays ? Join(move) : Rename(move);
        if (!move.FromStays)
        {
            // The ledger a merge or split re-derives from must not bring the old customer back.
            // (When only some complaints move, the move does not say which: the ledger keeps them.)
            state.Ledger = state.Ledger.ConvertAll(f => f.CustomerKey == move.From ? f with { CustomerKey = move.To } : f);
        }
        _participants = Tracker();
        return changed;
    }

    /// <summary>The moved complaints make a customer of their own: they arrive as <see cref="IncidentReattribution.To"/>.</summary>
    private bool Join(IncidentReattribution move)
    {
        if (_participants.InSample(move.To))
        {
            return false;
        }
        var arrival = new ComplaintFact(move.EventId, move.Channel, move.FirstAt, move.To, State.Key,
            ComplaintCategory.Other, Urgency.Past, EmotionLevel.Calm, RiskSignals.None);
        _participants.Join(arrival, StableHash.Of(move.To));
        return true;
    }

    /// <summary>Every complaint of the old customer moved: the old key leaves the wave and the new one takes its place.</summary>
    private bool Rename(IncidentReattribution move)
    {
        var state = State;
        var participants = state.Participants;
        var from = participants.FindIndex(p => p.CustomerKey == move.From);
        var renamed = RenameIn(state.MediaCustomers, move) | RenameIn(state.SafetyCustomers, move) | RenameIn(state.ProfessionalComplainers, move);
        if (from < 0)
        {
            // Beyond the sample (or not in this wave): the sketch already counts someone for these complaints.
            state.Distinct?.Add(StableHash.Of(move.To));
            return renamed || state.Distinct is not null;
        }
        var to = participants.FindIndex(p => p.CustomerKey == move.To);
        if (to < 0)
        {
            participants[from] = participants[from] with { CustomerKey = move.To };
        }
        else
        {
            // Both were participants: they are one customer now, arriving at the earlier of the two.
            var (kept, dropped) = participants[from].FirstAt < participants[to].FirstAt ? (from, to) : (to, from);
            var later = participants[dropped];
            participants[kept] = participants[kept] with { CustomerKey = move.To, FollowerOf = participants[kept].FollowerOf ?? later.FollowerOf };
            participants.RemoveAt(dropped);
            state.Arrivals.Add(later.FirstAt, -1);
            state.ParticipantCount = Math.Max(participants.Count, state.ParticipantCount - 1);
        }
        for (var i = 0; i < participants.Count; i++)
        {
            if (participants[i].FollowerOf == move.From)
            {
                participants[i] = participants[i] with { FollowerOf = move.To };
            }
        }
        return true;
    }

    /// <summary>Renames the customer in a set of customers with a signal (media, safety, professional); true when it was there.</summary>
    private static bool RenameIn(Sketches.CappedKeySet customers, IncidentReattribution move)
    {
        if (!customers.Keys.Remove(move.From))
        {
            return false;
        }
        customers.Add(move.To);
        return true;
    }
}
