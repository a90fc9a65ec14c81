using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

public class CustomerRoleTests
{
    private static ComplaintFact About(int incident, bool compensation = false) =>
        Of("cus-1", Days(incident), Channel.Phone, $"e{incident}", $"brand:a|sku:{incident}") with { DemandsCompensation = compensation };

    [Fact]
    public void Accept_FourIncidents_StaysOrdinary_FifthMakesAProfessionalComplainer()
    {
        var customer = new Customer(new CustomerState());
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(CustomerRole.Ordinary, customer.Accept(About(i)).Role);
        }

        var fifth = customer.Accept(About(4));

        Assert.Equal(CustomerRole.ProfessionalComplainer, fifth.Role);
        Assert.Equal(CustomerRole.ProfessionalComplainer, customer.State.Role);
    }

    [Fact]
    public void Accept_CompensationDemandsOnThreeIncidents_MakeAProfessionalComplainer()
    {
        var customer = new Customer(new CustomerState());

        customer.Accept(About(0, compensation: true));
        // A second demand on the same incident does not count again.
        customer.Accept(About(0, compensation: true) with { EventId = "again", OccurredAt = T0 + Days(5) });
        Assert.Equal(CustomerRole.Ordinary, customer.Accept(About(1, compensation: true)).Role);

        Assert.Equal(CustomerRole.ProfessionalComplainer, customer.Accept(About(2, compensation: true)).Role);
        Assert.Equal(3, customer.State.CompensationIncidents);
    }

    [Fact]
    public void Accept_WatchListedKey_IsWatchListed()
    {
        var options = new DetectionOptions { WatchList = ["cus-1"] };
        var customer = new Customer(new CustomerState(), options);

        Assert.Equal(CustomerRole.WatchListed, customer.Accept(About(0)).Role);
        Assert.Equal(CustomerRole.Ordinary, new Customer(new CustomerState(), options).Accept(About(0) with { CustomerKey = "cus-2" }).Role);
    }

    [Fact]
    public void Advance_MovesForwardOnly_AndSkipsAreAllowed()
    {
        var customer = new Customer(new CustomerState());
        customer.Accept(About(0));
        var id = customer.State.History[0].Id;

        Assert.True(customer.Advance(id, ComplaintStage.Handling, T0 + Hours(1)));
        Assert.False(customer.Advance(id, ComplaintStage.Handling, T0 + Hours(2)));
        Assert.True(customer.Advance(id, ComplaintStage.FollowedUp, T0 + Hours(30)));
        Assert.False(customer.Advance(id, ComplaintStage.Replied, T0 + Hours(31)));
        Assert.False(customer.Advance("Phone:missing", ComplaintStage.Handling, T0));

        var complaint = customer.State.History[0];
        Assert.Equal(ComplaintStage.FollowedUp, complaint.Stage);
        Assert.Equal(T0 + Hours(1), complaint.HandlingAt);
        Assert.Null(complaint.RepliedAt);
        Assert.Empty(customer.OpenComplaints);
    }

    [Fact]
    public void Accept_ManyComplaints_HistoryIsBounded_ClosedLoopsForgottenFirst()
    {
        var customer = new Customer(new CustomerState());
        customer.Accept(About(0));
        customer.Accept(About(1));
        customer.Advance(customer.State.History[1].Id, ComplaintStage.FollowedUp, T0 + Days(2));

        for (var i = 2; i < Customer.RememberedComplaints + 10; i++)
        {
            customer.Accept(About(i));
        }

        Assert.Equal(Customer.RememberedComplaints, customer.State.History.Count);
        Assert.DoesNotContain(customer.State.History, c => c.Id == "Phone:e1");
        Assert.True(customer.OpenComplaints.Count <= Customer.RememberedComplaints);
    }
}
