using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// Repeat contacts (domain.md §2, §7): the same customer on the same issue (incident key) within
/// the repeat window of their previous contact about it, on any channel, is one complaint with
/// several contacts, not several complaints. The configured contact count on one issue and a move
/// up the channels (phone/email → social media → regulator) are escalation signals.
/// </summary>
internal static class RepeatContactRule
{
    public static (ContactEntry Entry, CustomerComplaint Complaint) Record(CustomerState state, ComplaintFact fact, DetectionOptions options, string? origin = null)
    {
        var at = fact.OccurredAt;
        var window = options.RepeatContactWindow;
        CustomerComplaint? complaint = null;
        // The latest complaint on the key whose contacts are within the window of this one (either side: events come out of order).
        foreach (var candidate in state.History)
        {
            if (candidate.IncidentKey == fact.IncidentKey && at >= candidate.FirstAt - window && at <= candidate.LastAt + window
                && (complaint is null || candidate.LastAt > complaint.LastAt))
            {
                complaint = candidate;
            }
        }
        if (complaint is null)
        {
            complaint = Start(state, fact, origin);
            var first = new ContactEntry(fact.DedupId, 1, ContactEscalation.None, null) { Origin = origin, At = at, Compensation = fact.DemandsCompensation };
            complaint.Remember(first);
            return (first, complaint);
        }

        var number = complaint.Contacts + 1;
        var escalation = number >= options.EscalationContacts ? ContactEscalation.RepeatedContact : ContactEscalation.None;
        Channel? from = null;
        var highest = complaint.Channels.Max(Rank);
        if (Rank(fact.Channel) > highest)
        {
            escalation |= fact.Channel == Channel.Regulator ? ContactEscalation.MovedToRegulator : ContactEscalation.MovedToSocial;
            from = complaint.LastChannel;
        }
        complaint.Contacts = number;
        complaint.ContactsByChannel[fact.Channel] = complaint.ContactsByChannel.GetValueOrDefault(fact.Channel) + 1;
        complaint.Compensation |= fact.DemandsCompensation;
        if (!complaint.Channels.Contains(fact.Channel))
        {
            complaint.Channels.Add(fact.Channel);
        }
        if (at >= complaint.LastAt)
        {
            complaint.LastAt = at;
            complaint.LastChannel = fact.Channel;
        }
        complaint.FirstAt = at < complaint.FirstAt ? at : complaint.FirstAt;
        var entry = new ContactEntry(fact.DedupId, number, escalation, from) { Origin = origin, At = at, Compensation = fact.DemandsCompensation };
        complaint.Remember(entry);
        return (entry, complaint);
    }

    /// <summary>How public a channel is: private first-line channels, then social media, then a regulator (越级).</summary>
    private static int Rank(Channel channel) => channel switch
    {
        Channel.Social => 1,
        Channel.Regulator => 2,
        _ => 0,
    };

    private static CustomerComplaint Start(CustomerState state, ComplaintFact fact, string? origin)
    {
        var history = state.History;
        if (history.Count >= Customer.RememberedComplaints)
        {
            // Forget a closed loop first; only when every complaint is still open, the oldest.
            var closed = history.FindIndex(c => c.Stage == ComplaintStage.FollowedUp);
            history.RemoveAt(closed >= 0 ? closed : 0);
        }
        var complaint = new CustomerComplaint
        {
            Id = fact.DedupId,
            IncidentKey = fact.IncidentKey,
            FirstAt = fact.OccurredAt,
            LastAt = fact.OccurredAt,
            Contacts = 1,
            Channels = [fact.Channel],
            LastChannel = fact.Channel,
            Origin = origin,
            Compensation = fact.DemandsCompensation,
            ContactsByChannel = { [fact.Channel] = 1 },
        };
        history.Add(complaint);
        return complaint;
    }
}
