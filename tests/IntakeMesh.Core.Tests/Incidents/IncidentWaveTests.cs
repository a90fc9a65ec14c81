using IntakeMesh.Core.Incidents;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>An incident is one wave: quiet period, close, reopen as a new incident, operator actions, deadlines.</summary>
public class IncidentWaveTests
{
    private static readonly DetectionOptions Options = new();

    [Fact]
    public void Apply_ComplaintWithinTheQuietPeriod_StaysInTheWave()
    {
        var incident = Run(Of("c1", TimeSpan.Zero), Of("c2", Days(7)));

        Assert.Equal(1, incident.State.Wave);
        Assert.Equal(2, incident.State.ParticipantCount);
    }

    [Fact]
    public void Apply_ComplaintAfterTheQuietPeriod_ClosesTheWaveAndOpensANewIncident()
    {
        var incident = new Incident(new IncidentState(), Options);
        incident.Apply(Of("c1", TimeSpan.Zero));
        incident.Apply(Of("c2", Hours(1)));
        incident.Apply(Of("c3", Hours(2)));
        var firstId = incident.State.Id;
        var changes = new List<TierChange>();

        incident.Apply(Of("c4", Days(7) + Hours(2) + TimeSpan.FromMinutes(1)), changes);

        Assert.Equal([ChangeKind.Closed, ChangeKind.Opened], changes.Select(c => c.Kind));
        Assert.Equal(firstId, changes[0].IncidentId);
        Assert.Equal(T0 + Days(7) + Hours(2), changes[0].At);
        Assert.Equal(2, incident.State.Wave);
        Assert.Equal(IncidentKeys.IncidentId(Key, 2), incident.State.Id);
        Assert.NotEqual(firstId, incident.State.Id);
        Assert.Equal(1, incident.State.ParticipantCount);
        Assert.Equal((Tier.T0, Phase.Single), (incident.State.Tier, incident.State.Phase));
        var previous = Assert.Single(incident.State.ClosedWaves);
        Assert.Equal((firstId, Tier.T2, Phase.Following, 3, IncidentStatus.Closed), (previous.Id, previous.Tier, previous.Phase, previous.Participants, previous.Status));
    }

    [Fact]
    public void Close_BeforeTheQuietPeriod_DoesNothing_AfterIt_Closes()
    {
        var incident = Run(Of("c1", TimeSpan.Zero));

        Assert.Null(incident.Close(T0 + Days(6)));
        var closed = incident.Close(T0 + Days(8));

        Assert.NotNull(closed);
        Assert.Equal(ChangeKind.Closed, closed.Kind);
        Assert.Equal(IncidentStatus.Closed, incident.State.Status);
        Assert.Contains("quiet for 7 d", closed.Reasons[0]);
        Assert.Null(incident.Close(T0 + Days(9)));
    }

    [Fact]
    public void Apply_LateComplaintFromBeforeTheClose_DoesNotReopen()
    {
        var incident = Run(Of("c1", TimeSpan.Zero));
        incident.Resolve(T0 + Hours(5), "agent-7", "replaced the battery");

        incident.Apply(Of("c2", Hours(4)));

        Assert.Equal(1, incident.State.Wave);
        Assert.Equal(1, incident.State.LateComplaints);
        Assert.Equal(IncidentStatus.Resolved, incident.State.Status);
    }

    [Fact]
    public void Resolve_ThenALaterComplaint_OpensWaveTwo()
    {
        var incident = Run(Of("c1", TimeSpan.Zero), Of("c2", Hours(1)), Of("c3", Hours(2)));

        var resolved = incident.Resolve(T0 + Hours(3), "agent-7", "recall announced");
        Assert.Null(incident.Resolve(T0 + Hours(3.5), "agent-8"));
        var reopened = incident.Apply(Of("c4", Hours(4)));

        Assert.Equal(ChangeKind.Resolved, resolved!.Kind);
        Assert.Equal(["resolved by agent-7: recall announced"], resolved.Reasons);
        Assert.Equal(ChangeKind.Opened, reopened!.Kind);
        Assert.Equal(2, incident.State.Wave);
        Assert.Equal(IncidentStatus.Resolved, incident.State.ClosedWaves[0].Status);
    }

    [Fact]
    public void Acknowledge_IsRecordedOncePerTier()
    {
        var incident = Run(Of("c1", TimeSpan.Zero));

        var ack = incident.Acknowledge(T0 + TimeSpan.FromMinutes(10), "agent-7");
        Assert.Null(incident.Acknowledge(T0 + TimeSpan.FromMinutes(11), "agent-8"));
        incident.Apply(Of("c2", Hours(1)));
        incident.Apply(Of("c3", Hours(2)));

        Assert.Equal(ChangeKind.Acknowledged, ack!.Kind);
        Assert.Equal(IncidentStatus.Open, incident.State.Status); // T2 now, acknowledged at T0 only
        Assert.NotNull(incident.Acknowledge(T0 + Hours(2.1), "agent-7"));
        Assert.Equal(IncidentStatus.Acknowledged, incident.State.Status);
    }

    [Fact]
    public void CheckDeadline_MissedOnce_RaisesOneTierOnce()
    {
        var incident = Run(Of("c1", TimeSpan.Zero), Of("c2", Hours(1)), Of("c3", Hours(2)));
        var due = incident.State.ResponseDue!.Value;
        Assert.Equal(T0 + Hours(2) + TimeSpan.FromMinutes(30), due);

        Assert.Null(incident.CheckDeadline(due - TimeSpan.FromSeconds(1)));
        var missed = incident.CheckDeadline(due);
        var again = incident.CheckDeadline(due + Hours(5));

        Assert.NotNull(missed);
        Assert.Equal((ChangeKind.DeadlineMissed, Tier.T2, Tier.T3), (missed.Kind, missed.FromTier, missed.ToTier));
        Assert.Contains("first-response deadline for T2 (30 min)", missed.Reasons[0]);
        Assert.Null(again);
        Assert.Equal(Tier.T3, incident.State.Tier);
        Assert.Equal(due + TimeSpan.FromMinutes(15), incident.State.ResponseDue);
    }

    [Fact]
    public void CheckDeadline_Acknowledged_DoesNotEscalate()
    {
        var incident = Run(Of("c1", TimeSpan.Zero));
        incident.Acknowledge(T0 + Hours(1), "agent-7");

        Assert.Null(incident.CheckDeadline(T0 + Days(2)));
        Assert.Equal(Tier.T0, incident.State.Tier);
    }

    [Fact]
    public void Apply_TierAfterDeadlineEscalation_NeverDrops()
    {
        var incident = Run(Of("c1", TimeSpan.Zero));
        incident.CheckDeadline(T0 + Days(1));

        incident.Apply(Of("c2", Days(1) + Hours(1)));

        Assert.Equal(Tier.T1, incident.State.Tier);
    }
}
