using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Tests.Incidents;

namespace IntakeMesh.Core.Tests.Identity;

/// <summary>An incident's participants after an operator moved complaints to another customer.</summary>
public class IncidentReattributionTests
{
    private static IncidentReattribution Move(string from, string to, bool fromStays, double hours = 2) =>
        new(Facts.Key, from, to, fromStays, Facts.T0 + Facts.Hours(hours), Channel.Email, "mail-1");

    [Fact]
    public void Reattribute_OldCustomerKeepsComplaints_AddsTheNewCustomer()
    {
        // Arrange
        var incident = Facts.Run(Facts.Of("cus-a", Facts.Hours(0)), Facts.Of("cus-b", Facts.Hours(1)));

        // Act
        var changed = incident.Reattribute(Move("cus-a", "cus-e", fromStays: true));

        // Assert
        Assert.True(changed);
        Assert.Equal(3, incident.State.ParticipantCount);
        Assert.Equal(["cus-a", "cus-b", "cus-e"], incident.State.Participants.Select(p => p.CustomerKey));
        Assert.False(incident.Reattribute(Move("cus-a", "cus-e", fromStays: true)));
    }

    [Fact]
    public void Reattribute_AllComplaintsMoved_RenamesTheParticipant()
    {
        var incident = Facts.Run(Facts.Of("cus-a", Facts.Hours(0)), Facts.Of("cus-b", Facts.Hours(1)));

        Assert.True(incident.Reattribute(Move("cus-a", "cus-e", fromStays: false)));

        Assert.Equal(2, incident.State.ParticipantCount);
        Assert.Equal("cus-e", incident.State.Starter!.CustomerKey);
        Assert.Equal(["cus-e", "cus-b"], incident.State.Participants.Select(p => p.CustomerKey));
    }

    [Fact]
    public void Reattribute_IntoAnExistingParticipant_MergesThemAtTheEarlierArrival()
    {
        var incident = Facts.Run(Facts.Of("cus-a", Facts.Hours(0)), Facts.Of("cus-b", Facts.Hours(1)), Facts.Of("cus-c", Facts.Hours(2)));

        Assert.True(incident.Reattribute(Move("cus-a", "cus-c", fromStays: false)));

        Assert.Equal(2, incident.State.ParticipantCount);
        Assert.Equal(["cus-c", "cus-b"], incident.State.Participants.Select(p => p.CustomerKey));
        Assert.Equal(Facts.T0, incident.State.Starter!.FirstAt);
    }

    [Fact]
    public void Reattribute_AfterwardsTheNewCustomerIsKnown_SoItsNextComplaintIsNoNewParticipant()
    {
        var incident = Facts.Run(Facts.Of("cus-a", Facts.Hours(0)), Facts.Of("cus-b", Facts.Hours(1)));
        incident.Reattribute(Move("cus-a", "cus-e", fromStays: true));

        incident.Apply(Facts.Of("cus-e", Facts.Hours(3), Channel.Email, eventId: "mail-2"));

        Assert.Equal(3, incident.State.ParticipantCount);
    }
}
