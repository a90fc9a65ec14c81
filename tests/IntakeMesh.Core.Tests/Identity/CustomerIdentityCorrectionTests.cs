using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Identity;

/// <summary>An operator's unlink and manual link of two customer keys, on the plain customer model.</summary>
public class CustomerIdentityCorrectionTests
{
    private const string Phone = "cus-phone";
    private const string Email = "cus-email";
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly DetectionOptions Options = new() { ProfessionalComplaintIncidents = 2 };

    private static ComplaintFact Fact(string eventId, string incidentKey, double hours, Channel channel = Channel.Phone) =>
        new(eventId, channel, T0.AddHours(hours), Phone, incidentKey,
            ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Calm, RiskSignals.None);

    private static SealedIdentifier Identifier(IdentifierKind kind, string key) => new(kind, key["cus-".Length..], "m***", $"v1.k.{key}");

    /// <summary>
    /// The phone customer: its own call about k1 (with both identifiers), then two complaints that
    /// came through the linked email: one about k2 asking for compensation, one about k1 after the repeat window.
    /// </summary>
    private static (Customer Phone, Customer Email) Linked()
    {
        var phone = new Customer(new CustomerState { Key = Phone }, Options);
        phone.Accept(Fact("call-1", "k1", 0) with { Identifiers = [Identifier(IdentifierKind.Phone, Phone), Identifier(IdentifierKind.Email, Email)] });
        phone.Linked(Email);
        phone.Accept(Fact("mail-1", "k2", 1, Channel.Email) with { DemandsCompensation = true }, origin: Email);
        phone.Accept(Fact("mail-2", "k1", 100, Channel.Email), origin: Email);
        var email = new Customer(new CustomerState { Key = Email, AliasOf = Phone }, Options);
        return (phone, email);
    }

    [Fact]
    public void Unlink_ComplaintsThroughTheAlias_MoveAndBothSidesRederiveCounts()
    {
        // Arrange
        var (phone, email) = Linked();
        Assert.Equal(3, phone.State.Complaints);
        Assert.Equal(CustomerRole.ProfessionalComplainer, phone.State.Role);

        // Act
        var move = phone.Unlink(Email);
        email.TakeBack(move);

        // Assert: the phone keeps its own call only.
        var kept = phone.State;
        Assert.Equal(1, kept.Complaints);
        Assert.Equal(1, kept.ComplaintsByChannel[Channel.Phone]);
        Assert.Equal(0, kept.ComplaintsByChannel[Channel.Email]);
        Assert.Equal(["k1"], kept.Contacts.Keys);
        AssertContact(kept.Contacts["k1"], T0, T0, 1, [Channel.Phone]);
        Assert.Equal(1, kept.IncidentsComplained);
        Assert.Equal(0, kept.CompensationIncidents);
        Assert.Equal(CustomerRole.Ordinary, kept.Role);
        Assert.Empty(kept.Aliases);
        Assert.Equal([Email], kept.Unlinked);
        Assert.Equal([IdentifierKind.Phone], kept.Identifiers.Select(i => i.Kind));

        // The email customer is a customer of its own with what came through it.
        var taken = email.State;
        Assert.Null(taken.AliasOf);
        Assert.Equal([Phone], taken.Unlinked);
        Assert.Equal(2, taken.Complaints);
        Assert.Equal(2, taken.ComplaintsByChannel[Channel.Email]);
        Assert.Equal(["Email:mail-1", "Email:mail-2"], taken.History.Select(c => c.Id));
        Assert.All(taken.History, c => Assert.Null(c.Origin));
        Assert.Equal(2, taken.IncidentsComplained);
        Assert.Equal(1, taken.CompensationIncidents);
        Assert.True(taken.Contacts["k2"].Compensation);
        Assert.Equal(CustomerRole.ProfessionalComplainer, taken.Role);
        Assert.Equal([IdentifierKind.Email], taken.Identifiers.Select(i => i.Kind));
        Assert.True(taken.RecentEvents.Contains("Email:mail-1"));
        Assert.Equal((T0.AddHours(1), T0.AddHours(100)), (taken.FirstSeen, taken.LastSeen));
    }

    [Fact]
    public void Unlink_IncidentsTouched_SayWhetherTheOldCustomerStaysThere()
    {
        var (phone, _) = Linked();

        var move = phone.Unlink(Email);

        var byKey = move.Incidents.ToDictionary(i => i.IncidentKey);
        Assert.Equal(new IncidentReattribution("k1", Phone, Email, true, T0.AddHours(100), Channel.Email, "mail-2"), byKey["k1"]);
        Assert.Equal(new IncidentReattribution("k2", Phone, Email, false, T0.AddHours(1), Channel.Email, "mail-1"), byKey["k2"]);
    }

    [Fact]
    public void Unlink_ThenEventCarryingBoth_StaysWithTheStrongerAndDoesNotLink()
    {
        // Arrange
        var (phone, email) = Linked();
        email.TakeBack(phone.Unlink(Email));
        var both = Fact("call-2", "k3", 200) with
        {
            LinkedKeys = [Email],
            Identifiers = [Identifier(IdentifierKind.Phone, Phone), Identifier(IdentifierKind.Email, Email)],
        };

        // Act
        phone.Accept(both);

        // Assert
        Assert.Empty(phone.UnlinkedAliases([both]));
        Assert.False(email.LinkTo(Phone));
        Assert.Null(email.State.AliasOf);
        Assert.Equal([IdentifierKind.Phone], phone.State.Identifiers.Select(i => i.Kind));
    }

    [Fact]
    public void Link_AfterUnlink_MovesTheAliasComplaintsBackAndForgetsTheSeparation()
    {
        // Arrange
        var (phone, email) = Linked();
        email.TakeBack(phone.Unlink(Email));

        // Act
        var move = email.HandOver(Phone);
        phone.Link(Email, move);

        // Assert
        Assert.Equal(Phone, email.State.AliasOf);
        Assert.Empty(email.State.Unlinked);
        Assert.Equal(0, email.State.Complaints);
        Assert.Empty(email.State.History);
        Assert.Empty(email.State.Identifiers);
        Assert.Equal([Email], phone.State.Aliases);
        Assert.Empty(phone.State.Unlinked);
        Assert.Equal(3, phone.State.Complaints);
        Assert.Equal(2, phone.State.IncidentsComplained);
        AssertContact(phone.State.Contacts["k1"], T0, T0.AddHours(100), 2, [Channel.Phone, Channel.Email]);
        Assert.Equal([null, Email, Email], phone.State.History.Select(c => c.Origin));
        Assert.Equal(CustomerRole.ProfessionalComplainer, phone.State.Role);
        Assert.True(email.LinkTo(Phone) is false && phone.UnlinkedAliases([Fact("x", "k", 0) with { LinkedKeys = [Email] }]).Count == 0);
    }

    private static void AssertContact(CustomerContact contact, DateTimeOffset first, DateTimeOffset last, int count, Channel[] channels)
    {
        Assert.Equal((first, last, count), (contact.FirstAt, contact.LastAt, contact.Count));
        Assert.Equal(channels, contact.Channels);
    }

    [Fact]
    public void Unlink_RepeatContactThroughTheAliasMergedIntoOwnComplaint_IsCutOutAsTheAliasComplaint()
    {
        // Arrange: the family phone's call, then, within the repeat window, an email-only complaint on the same issue.
        var phone = new Customer(new CustomerState { Key = Phone }, Options);
        phone.Accept(Fact("call-1", "k1", 0));
        phone.Linked(Email);
        var merged = phone.Accept(Fact("mail-1", "k1", 1, Channel.Email) with { DemandsCompensation = true }, origin: Email);
        Assert.Equal(2, merged.ContactNumber);
        var email = new Customer(new CustomerState { Key = Email, AliasOf = Phone }, Options);

        // Act
        var move = phone.Unlink(Email);
        email.TakeBack(move);

        // Assert: one complaint each, no repeat contact left, and the email is one more participant of k1.
        var own = Assert.Single(phone.State.History);
        Assert.Equal(("Phone:call-1", 1, 0L, 1L), (own.Id, own.Contacts, phone.State.RepeatContacts, phone.State.Complaints));
        AssertContact(phone.State.Contacts["k1"], T0, T0, 1, [Channel.Phone]);
        Assert.False(phone.State.Contacts["k1"].Compensation);
        var theirs = Assert.Single(email.State.History);
        Assert.Equal(("Email:mail-1", 1, 0L, 1L), (theirs.Id, theirs.Contacts, email.State.RepeatContacts, email.State.Complaints));
        Assert.Equal((T0.AddHours(1), Channel.Email), (theirs.FirstAt, theirs.LastChannel));
        Assert.True(theirs.Compensation);
        Assert.Equal(1, email.State.CompensationIncidents);
        Assert.Equal(new IncidentReattribution("k1", Phone, Email, true, T0.AddHours(1), Channel.Email, "mail-1"), Assert.Single(move.Incidents));
    }

    [Fact]
    public void TakeBack_RetriedMove_DoesNotCountTwice()
    {
        var (phone, email) = Linked();
        var move = phone.Unlink(Email);

        email.TakeBack(move);
        email.TakeBack(move);

        Assert.Equal(2, email.State.Complaints);
        Assert.Equal(2, email.State.History.Count);
    }
}
