using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;
using IntakeMesh.Grains.Alerting;

namespace IntakeMesh.Grains.Tests;

/// <summary>A later release reads the state an earlier one stored, through the storage serializer the silos use.</summary>
public class VersionedStateTests
{
    // What the first release (walking skeleton) stored for an incident: the bare IncidentState,
    // its sets as JSON arrays, no outbox, no contact or distinct-participant counters.
    private const string FirstReleaseIncident = """
        {"id":"inc-5a1f0c2b9d3e-1","key":"brand:aurora|sku:ax7","wave":1,"tier":"T2","phase":"Following",
         "firstSeen":"2026-11-20T08:00:00+00:00","lastSeen":"2026-11-20T10:00:00+00:00","responseDue":"2026-11-20T10:30:00+00:00",
         "complaints":3,
         "participants":[
           {"customerKey":"cus-a","firstAt":"2026-11-20T08:00:00+00:00","channel":"Social","eventId":"e1","followers":8600},
           {"customerKey":"cus-b","firstAt":"2026-11-20T09:00:00+00:00","channel":"Phone","eventId":"e2","followers":null},
           {"customerKey":"cus-c","firstAt":"2026-11-20T10:00:00+00:00","channel":"Email","eventId":"e3","followers":null}],
         "peakWindowCustomers":3,
         "complaintsByChannel":{"Social":1,"Phone":1,"Email":1},
         "complaintsByCategory":{"ProductQuality":3},
         "mediaCustomers":["cus-b"],"safetyCustomers":[],"regulatorCases":[],
         "elevatedSignals":["media threat"],
         "history":[
           {"at":"2026-11-20T08:00:00+00:00","fromTier":"T0","toTier":"T0","fromPhase":"Single","toPhase":"Single","reasons":["single ordinary complaint"],"playbook":"…","responseDue":"2026-11-21T08:00:00+00:00"},
           {"at":"2026-11-20T10:00:00+00:00","fromTier":"T0","toTier":"T2","fromPhase":"Single","toPhase":"Following","reasons":["group forming: starter plus 2 followers within 24 h (threshold 2)"],"playbook":"…","responseDue":"2026-11-20T10:30:00+00:00"}],
         "appliedEvents":{"capacity":8192,"items":["Social:e1","Phone:e2","Email:e3"],"next":0}}
        """;

    [Fact]
    public void Deserialize_FirstReleaseIncident_LoadsWithItsFiguresAndKeepsWorking()
    {
        var serializer = new JsonGrainStateSerializer();

        var state = serializer.Deserialize<IncidentGrainState>(BinaryData.FromString(FirstReleaseIncident));

        var incident = state.Incident;
        Assert.Empty(state.Outbox);
        Assert.Equal("inc-5a1f0c2b9d3e-1", incident.Id);
        Assert.Equal(Tier.T2, incident.Tier);
        Assert.Equal(Phase.Following, incident.Phase);
        Assert.Equal(3, incident.ParticipantCount);
        Assert.Equal(3, incident.Contacts);
        Assert.Equal(1, incident.MediaCustomers.Count);
        Assert.Equal("cus-a", incident.Starter!.CustomerKey);

        // The loaded incident goes on under the current rules: a redelivered event is still known...
        var model = new Incident(incident, new DetectionOptions());
        var fact = new ComplaintFact("e2", Channel.Phone, incident.Participants[1].FirstAt, "cus-b", incident.Key,
            ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Dissatisfied, RiskSignals.None);
        model.Apply(fact);
        Assert.Equal(3, incident.Complaints);
        // ...and a new customer joins the same incident.
        model.Apply(fact with { EventId = "e4", CustomerKey = "cus-d", OccurredAt = fact.OccurredAt.AddHours(2) });
        Assert.Equal(4, incident.ParticipantCount);
        Assert.Equal(4, incident.Complaints);
        Assert.Equal("inc-5a1f0c2b9d3e-1", incident.Id);

        // And it is written back in the current shape, which reads again.
        var again = serializer.Deserialize<IncidentGrainState>(serializer.Serialize(state));
        Assert.Equal(4, again.Incident.ParticipantCount);
    }
}
