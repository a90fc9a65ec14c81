using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

/// <summary>The customer stage's verdicts as the incident sees them: repeat contacts and escalation signals.</summary>
public class IncidentContactTests
{
    /// <summary>Runs the facts through one customer per key, then the incident, as the pipeline does.</summary>
    private static Incident Through(DetectionOptions options, params ComplaintFact[] facts)
    {
        var customers = new Dictionary<string, Customer>();
        var incident = new Incident(new IncidentState(), options);
        foreach (var fact in facts)
        {
            if (!customers.TryGetValue(fact.CustomerKey, out var customer))
            {
                customers[fact.CustomerKey] = customer = new Customer(new CustomerState(), options);
            }
            incident.Apply(customer.Accept(fact));
        }
        return incident;
    }

    private static Incident Through(params ComplaintFact[] facts) => Through(new DetectionOptions(), facts);

    [Fact]
    public void Apply_RepeatContactOnAnotherChannel_CountsAContactNotAParticipant()
    {
        var incident = Through(Of("c1", TimeSpan.Zero), Of("c1", Hours(71), Channel.Email), Of("c2", Hours(72)));

        Assert.Equal(2, incident.State.ParticipantCount);
        Assert.Equal(2, incident.State.Complaints);
        Assert.Equal(3, incident.State.Contacts);
        Assert.Equal(Phase.Single, incident.State.Phase);
        Assert.Equal([Channel.Phone, Channel.Email], IncidentSummary.From(incident.State).Channels);
    }

    [Fact]
    public void Apply_ContactAfter73h_IsANewComplaintOfTheSameParticipant()
    {
        var incident = Through(Of("c1", TimeSpan.Zero), Of("c1", Hours(73), Channel.Email));

        Assert.Equal(1, incident.State.ParticipantCount);
        Assert.Equal(2, incident.State.Complaints);
        Assert.Equal(2, incident.State.Contacts);
    }

    [Fact]
    public void Apply_ThirdContactOnOneIssue_IsT1WithItsReason()
    {
        var incident = Through(Of("c1", TimeSpan.Zero), Of("c1", Hours(5)));
        Assert.Equal(Tier.T0, incident.State.Tier);

        incident = Through(Of("c1", TimeSpan.Zero), Of("c1", Hours(5)), Of("c1", Hours(10)));

        Assert.Equal(Tier.T1, incident.State.Tier);
        Assert.Contains("third contact on one issue", incident.State.Reasons);
        Assert.Equal(1, incident.State.ParticipantCount);
    }

    [Fact]
    public void Apply_MoveFromPhoneToSocialMedia_IsT1WithItsReason()
    {
        var incident = Through(Of("c1", TimeSpan.Zero), Of("c1", Hours(20), Channel.Social));

        Assert.Equal(Tier.T1, incident.State.Tier);
        Assert.Contains("moved from phone to social media", incident.State.Reasons);
    }

    [Fact]
    public void Apply_MoveFromEmailToARegulator_IsT1WithItsReason()
    {
        var incident = Through(Of("c1", TimeSpan.Zero, Channel.Email), Of("c1", Hours(48), Channel.Regulator) with { RegulatorCase = "12315-1" });

        Assert.Equal(Tier.T1, incident.State.Tier);
        Assert.Contains("moved from email to a regulator", incident.State.Reasons);
        Assert.Contains("regulator case", incident.State.Reasons);
    }

    [Fact]
    public void Apply_WatchListedCustomer_IsT1()
    {
        var incident = Through(new DetectionOptions { WatchList = ["c1"] }, Of("c1", TimeSpan.Zero));

        Assert.Equal(Tier.T1, incident.State.Tier);
        Assert.Contains("watch-listed customer", incident.State.Reasons);
    }

    [Fact]
    public void Apply_ProfessionalComplainer_IsCountedInTheDetail()
    {
        var incident = Run(Of("c1", TimeSpan.Zero) with { Role = CustomerRole.ProfessionalComplainer }, Of("c2", Hours(1)));

        Assert.Equal(1, IncidentDetail.From(incident.State).ProfessionalComplainers);
        Assert.Equal(Tier.T0, incident.State.Tier);
    }

    [Fact]
    public void Apply_RedeliveredRepeat_IsCountedOnce()
    {
        var customer = new Customer(new CustomerState());
        var incident = new Incident(new IncidentState(), new DetectionOptions());
        incident.Apply(customer.Accept(Of("c1", TimeSpan.Zero)));
        var repeat = Of("c1", Hours(3), Channel.Email);
        incident.Apply(customer.Accept(repeat));

        incident.Apply(customer.Accept(repeat));

        Assert.Equal(2, incident.State.Contacts);
        Assert.Equal(1, incident.State.Complaints);
    }

    [Fact]
    public void Apply_RepeatAfterResolve_OpensTheNextWaveWithItsCustomer()
    {
        var customer = new Customer(new CustomerState());
        var incident = new Incident(new IncidentState(), new DetectionOptions());
        incident.Apply(customer.Accept(Of("c1", TimeSpan.Zero)));
        incident.Resolve(T0 + Hours(1), "agent-7");

        incident.Apply(customer.Accept(Of("c1", Hours(2), Channel.Social)));

        Assert.Equal(2, incident.State.Wave);
        Assert.Equal(1, incident.State.ParticipantCount);
        Assert.Equal("c1", incident.State.Starter!.CustomerKey);
        Assert.Contains("moved from phone to social media", incident.State.Reasons);
    }

    [Fact]
    public void Apply_ARepeatContactAsTheKeysFirstFact_CountsItAsTheWavesFirstComplaint()
    {
        var incident = new Incident(new IncidentState(), new DetectionOptions());

        incident.Apply(Of("c1", Hours(1)) with { RepeatOf = "Phone:elsewhere", ContactNumber = 2 });

        Assert.Equal((1L, 1L, 1L), (incident.State.Complaints, incident.State.Contacts, incident.State.ParticipantCount));
        Assert.NotNull(incident.State.Volume);
    }
}
