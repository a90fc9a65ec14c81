using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using static IntakeMesh.Core.Tests.Incidents.Facts;

namespace IntakeMesh.Core.Tests.Incidents;

public class CustomerRepeatContactTests
{
    private static Customer NewCustomer(DetectionOptions? options = null) =>
        new(new CustomerState { Key = "cus-1" }, options ?? new DetectionOptions());

    private static ComplaintFact Contact(string eventId, TimeSpan after, Channel channel, string key = Key) =>
        Of("cus-1", after, channel, eventId, key);

    [Fact]
    public void Accept_SecondContactAfter71hOnAnotherChannel_IsRepeatOfTheFirst()
    {
        var customer = NewCustomer();

        var first = customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Phone));
        var second = customer.Accept(Contact("e2", Hours(71), Channel.Email));

        Assert.Equal(1, first.ContactNumber);
        Assert.False(first.IsRepeat);
        Assert.Equal(2, second.ContactNumber);
        Assert.Equal("Phone:e1", second.RepeatOf);
        Assert.Equal(ContactEscalation.None, second.Escalation);
        var complaint = Assert.Single(customer.State.History);
        Assert.Equal([Channel.Phone, Channel.Email], complaint.Channels);
        Assert.Equal(2, complaint.Contacts);
        Assert.Equal(1, customer.State.RepeatContacts);
    }

    [Fact]
    public void Accept_SecondContactAfter73h_IsANewComplaint()
    {
        var customer = NewCustomer();

        customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Phone));
        var second = customer.Accept(Contact("e2", Hours(73), Channel.Email));

        Assert.Equal(1, second.ContactNumber);
        Assert.Null(second.RepeatOf);
        Assert.Equal(2, customer.State.History.Count);
    }

    [Fact]
    public void Accept_WindowRunsFromTheLatestContact()
    {
        var customer = NewCustomer();

        customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Phone));
        customer.Accept(Contact("e2", Hours(60), Channel.Phone));
        var third = customer.Accept(Contact("e3", Hours(130), Channel.Phone));

        Assert.Equal(3, third.ContactNumber);
    }

    [Fact]
    public void Accept_ContactAboutAnotherIssue_IsNotARepeat()
    {
        var customer = NewCustomer();

        customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Phone));
        var other = customer.Accept(Contact("e2", Hours(1), Channel.Phone, key: "brand:b|sku:2"));

        Assert.Equal(1, other.ContactNumber);
        Assert.Equal(2, customer.State.IncidentsComplained);
    }

    [Fact]
    public void Accept_ThirdContactOnOneIssue_SignalsEscalation()
    {
        var customer = NewCustomer();

        var first = customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Phone));
        var second = customer.Accept(Contact("e2", Hours(5), Channel.Phone));
        var third = customer.Accept(Contact("e3", Hours(10), Channel.Phone));

        Assert.Equal(ContactEscalation.None, first.Escalation | second.Escalation);
        Assert.Equal(ContactEscalation.RepeatedContact, third.Escalation);
        Assert.Equal(3, third.ContactNumber);
    }

    [Fact]
    public void Accept_PhoneThenSocial_SignalsMoveToSocialFromPhone()
    {
        var customer = NewCustomer();

        customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Phone));
        var social = customer.Accept(Contact("e2", Hours(30), Channel.Social));

        Assert.Equal(ContactEscalation.MovedToSocial, social.Escalation);
        Assert.Equal(Channel.Phone, social.EscalatedFrom);
    }

    [Fact]
    public void Accept_EmailThenEmailAgain_IsNoChannelMove()
    {
        var customer = NewCustomer();

        customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Email));
        var again = customer.Accept(Contact("e2", Hours(1), Channel.Phone));

        Assert.Equal(ContactEscalation.None, again.Escalation);
        Assert.Null(again.EscalatedFrom);
    }

    [Fact]
    public void Accept_SocialThenRegulator_ThirdContact_SignalsBoth()
    {
        var customer = NewCustomer();

        customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Email));
        customer.Accept(Contact("e2", Hours(20), Channel.Social));
        var regulator = customer.Accept(Contact("e3", Hours(40), Channel.Regulator));

        Assert.Equal(ContactEscalation.RepeatedContact | ContactEscalation.MovedToRegulator, regulator.Escalation);
        Assert.Equal(Channel.Social, regulator.EscalatedFrom);
    }

    [Fact]
    public void Accept_RedeliveredRepeat_GetsItsFirstVerdictAgain()
    {
        var customer = NewCustomer();
        customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Phone));
        var original = customer.Accept(Contact("e2", Hours(2), Channel.Social));

        var redelivered = customer.Accept(Contact("e2", Hours(2), Channel.Social));

        Assert.True(redelivered.Redelivered);
        Assert.Equal(original.ContactNumber, redelivered.ContactNumber);
        Assert.Equal(original.RepeatOf, redelivered.RepeatOf);
        Assert.Equal(original.Escalation, redelivered.Escalation);
        Assert.Equal(2, customer.State.Complaints);
        Assert.Equal(1, customer.State.Redeliveries);
    }

    [Fact]
    public void Accept_OutOfOrderEarlierContact_JoinsTheSameComplaint()
    {
        var customer = NewCustomer();

        customer.Accept(Contact("e2", Hours(10), Channel.Email));
        var earlier = customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Phone));

        Assert.Equal(2, earlier.ContactNumber);
        Assert.Equal(T0, Assert.Single(customer.State.History).FirstAt);
    }

    [Fact]
    public void Accept_RepeatWindowIsConfigurable()
    {
        var customer = NewCustomer(new DetectionOptions { RepeatContactWindow = Hours(24) });

        customer.Accept(Contact("e1", TimeSpan.Zero, Channel.Phone));

        Assert.Equal(1, customer.Accept(Contact("e2", Hours(25), Channel.Phone)).ContactNumber);
    }
}
