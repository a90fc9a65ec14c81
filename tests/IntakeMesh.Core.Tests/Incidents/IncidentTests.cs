using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Incidents;

public class IncidentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly DetectionOptions Options = new();

    private static ComplaintFact Fact(string customer, TimeSpan after, Channel channel = Channel.Phone, RiskSignals risks = RiskSignals.None, string? eventId = null) =>
        new(eventId ?? $"{customer}-{after.TotalMinutes}", channel, T0 + after, customer, "brand:a|sku:1",
            ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Dissatisfied, risks);

    private static Incident Run(params ComplaintFact[] facts)
    {
        var incident = new Incident(new IncidentState(), Options);
        foreach (var fact in facts)
        {
            incident.Apply(fact);
        }
        return incident;
    }

    [Fact]
    public void Apply_FirstComplaint_OpensSingleT0WithReason()
    {
        var incident = new Incident(new IncidentState(), Options);

        var change = incident.Apply(Fact("c1", TimeSpan.Zero));

        Assert.NotNull(change);
        Assert.Equal(Tier.T0, incident.State.Tier);
        Assert.Equal(Phase.Single, incident.State.Phase);
        Assert.Equal("c1", incident.State.Starter!.CustomerKey);
        Assert.StartsWith("inc-", incident.State.Id);
        Assert.Equal(T0 + TimeSpan.FromHours(24), change.ResponseDue);
    }

    [Fact]
    public void Apply_StarterPlusOneFollower_StaysSingle()
    {
        var incident = Run(Fact("c1", TimeSpan.Zero), Fact("c2", TimeSpan.FromHours(1)));

        Assert.Equal(Phase.Single, incident.State.Phase);
        Assert.Equal(Tier.T0, incident.State.Tier);
    }

    [Fact]
    public void Apply_StarterPlusTwoFollowersWithin24h_IsFollowingT2()
    {
        var incident = Run(Fact("c1", TimeSpan.Zero), Fact("c2", TimeSpan.FromHours(1)), Fact("c3", new TimeSpan(23, 59, 0)));

        Assert.Equal(Phase.Following, incident.State.Phase);
        Assert.Equal(Tier.T2, incident.State.Tier);
        Assert.Contains(incident.State.Reasons, r => r.Contains("2 followers within 24 h"));
    }

    [Fact]
    public void Apply_SecondFollowerAfter24h01m_StaysSingle()
    {
        var incident = Run(Fact("c1", TimeSpan.Zero), Fact("c2", TimeSpan.FromHours(1)), Fact("c3", new TimeSpan(24, 1, 0)));

        // c2 and c3 are within 24 h of each other but c1 is not: only two customers share a window.
        Assert.Equal(Phase.Single, incident.State.Phase);
    }

    [Fact]
    public void Apply_SameCustomerAgain_IsNotAFollower()
    {
        var incident = Run(Fact("c1", TimeSpan.Zero), Fact("c1", TimeSpan.FromHours(1)), Fact("c1", TimeSpan.FromHours(2)), Fact("c2", TimeSpan.FromHours(3)));

        Assert.Equal(2, incident.State.Participants.Count);
        Assert.Equal(4, incident.State.Complaints);
        Assert.Equal(Phase.Single, incident.State.Phase);
    }

    [Fact]
    public void Apply_NineVersusTenCustomersIn24h_MassAtTen()
    {
        var nine = Enumerable.Range(0, 9).Select(i => Fact($"c{i}", TimeSpan.FromHours(i * 2))).ToArray();
        var incident = Run(nine);
        Assert.Equal(Phase.Following, incident.State.Phase);

        incident.Apply(Fact("c9", TimeSpan.FromHours(18)));

        Assert.Equal(Phase.Mass, incident.State.Phase);
        Assert.Equal(Tier.T3, incident.State.Tier);
        Assert.Contains(incident.State.Reasons, r => r.Contains("10 customers within 24 h (threshold 10)"));
    }

    [Fact]
    public void Apply_MassWithRegulatorCase_IsT4()
    {
        var facts = Enumerable.Range(0, 10).Select(i => Fact($"c{i}", TimeSpan.FromHours(i))).ToList();
        facts.Add(Fact("r1", TimeSpan.FromHours(12), Channel.Regulator) with { RegulatorCase = "12315-1" });

        var incident = Run([.. facts]);

        Assert.Equal(Tier.T4, incident.State.Tier);
        Assert.Contains(incident.State.Reasons, r => r.Contains("1 regulator cases"));
    }

    [Fact]
    public void Apply_SafetyFromThreeCustomers_IsT4EvenWithoutMass()
    {
        var incident = Run(
            Fact("c1", TimeSpan.Zero, risks: RiskSignals.Safety),
            Fact("c2", TimeSpan.FromDays(3), risks: RiskSignals.Safety),
            Fact("c3", TimeSpan.FromDays(6), risks: RiskSignals.Safety));

        Assert.Equal(Phase.Single, incident.State.Phase);
        Assert.Equal(Tier.T4, incident.State.Tier);
    }

    [Fact]
    public void Apply_HighReachStarter_IsT3()
    {
        var incident = Run(Fact("c1", TimeSpan.Zero, Channel.Social) with { Followers = 250_000 });

        Assert.Equal(Tier.T3, incident.State.Tier);
        Assert.Contains(incident.State.Reasons, r => r.Contains("250000 followers"));
    }

    [Fact]
    public void Apply_SingleAngryCustomerWithLegalThreat_IsT1()
    {
        var incident = Run(Fact("c1", TimeSpan.Zero, risks: RiskSignals.Legal) with { Emotion = EmotionLevel.Angry });

        Assert.Equal(Tier.T1, incident.State.Tier);
        Assert.Contains("legal threat", incident.State.Reasons);
        Assert.Contains("customer angry", incident.State.Reasons);
    }

    [Fact]
    public void Apply_OutOfOrderEarlierComplaint_BecomesStarter()
    {
        var incident = Run(Fact("c2", TimeSpan.FromHours(5)), Fact("c3", TimeSpan.FromHours(6)), Fact("c1", TimeSpan.FromHours(1)));

        Assert.Equal(["c1", "c2", "c3"], incident.State.Participants.Select(p => p.CustomerKey));
        Assert.Equal(Phase.Following, incident.State.Phase);
    }

    [Fact]
    public void Apply_SameEventTwice_CountsOnce()
    {
        var fact = Fact("c1", TimeSpan.Zero);
        var incident = Run(fact, fact with { Redelivered = true });

        Assert.Equal(1, incident.State.Complaints);
    }

    [Fact]
    public void Apply_TierNeverDropsByItself()
    {
        var incident = Run(Enumerable.Range(0, 10).Select(i => Fact($"c{i}", TimeSpan.FromHours(i))).ToArray());
        Assert.Equal(Tier.T3, incident.State.Tier);

        var change = incident.Apply(Fact("late", TimeSpan.FromDays(5)));

        Assert.Null(change);
        Assert.Equal(Tier.T3, incident.State.Tier);
        Assert.Equal(Phase.Mass, incident.State.Phase);
    }

    [Fact]
    public void Apply_EachChange_RecordsPlaybookAndDeadline()
    {
        var incident = Run(Fact("c1", TimeSpan.Zero), Fact("c2", TimeSpan.FromHours(1)), Fact("c3", TimeSpan.FromHours(2)));

        var last = incident.State.History[^1];
        Assert.Equal(Tier.T0, last.FromTier);
        Assert.Equal(Tier.T2, last.ToTier);
        Assert.Contains("starter first", last.Playbook);
        Assert.Equal(T0 + TimeSpan.FromHours(2) + TimeSpan.FromMinutes(30), last.ResponseDue);
    }
}
