using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Incidents;

public class CustomerTests
{
    private static ComplaintFact Fact(string eventId, Channel channel, int minutes = 0) =>
        new(eventId, channel, new DateTimeOffset(2026, 11, 20, 8, minutes, 0, TimeSpan.Zero), "cus-1", "k",
            ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Calm, RiskSignals.None);

    [Fact]
    public void Accept_SameChannelAndEventId_IsRedelivery()
    {
        var customer = new Customer(new CustomerState());

        Assert.False(customer.Accept(Fact("e1", Channel.Phone)).Redelivered);
        Assert.True(customer.Accept(Fact("e1", Channel.Phone, 5)).Redelivered);
        Assert.Equal(1, customer.State.Complaints);
        Assert.Equal(1, customer.State.Redeliveries);
    }

    [Fact]
    public void Accept_SameEventIdOnAnotherChannel_IsNew()
    {
        var customer = new Customer(new CustomerState());

        customer.Accept(Fact("e1", Channel.Phone));

        Assert.False(customer.Accept(Fact("e1", Channel.Email)).Redelivered);
        Assert.Equal(2, customer.State.Complaints);
        Assert.Equal([Channel.Phone, Channel.Email], customer.State.Contacts["k"].Channels);
    }

    [Fact]
    public void Accept_RemembersAFixedNumberOfEvents()
    {
        var customer = new Customer(new CustomerState());
        for (var i = 0; i <= Customer.RememberedEvents; i++)
        {
            customer.Accept(Fact($"e{i}", Channel.Phone));
        }

        Assert.Equal(Customer.RememberedEvents, customer.State.RecentEvents.Count);
        Assert.True(customer.Accept(Fact($"e{Customer.RememberedEvents}", Channel.Phone)).Redelivered);
        // The oldest id fell out of the bounded window.
        Assert.False(customer.Accept(Fact("e0", Channel.Phone)).Redelivered);
    }
}

public class CustomerLinkTests
{
    [Fact]
    public void UnlinkedAliases_AreWeakerKeysNotYetLinked()
    {
        var customer = new Customer(new CustomerState { Key = "cus-phone" });
        var fact = new ComplaintFact("e1", Channel.Email, DateTimeOffset.UnixEpoch, "cus-phone", "k",
            ComplaintCategory.Other, Urgency.Past, EmotionLevel.Calm, RiskSignals.None) { LinkedKeys = ["cus-email", "cus-phone"] };

        Assert.Equal(["cus-email"], customer.UnlinkedAliases([fact]));
        customer.Linked("cus-email");
        Assert.Empty(customer.UnlinkedAliases([fact]));
    }

    [Fact]
    public void LinkTo_FirstLinkWins()
    {
        var alias = new Customer(new CustomerState { Key = "cus-email" });

        Assert.True(alias.LinkTo("cus-phone-a"));
        Assert.False(alias.LinkTo("cus-phone-b"));
        Assert.False(alias.LinkTo("cus-email"));
        Assert.Equal("cus-phone-a", alias.State.AliasOf);
    }
}
