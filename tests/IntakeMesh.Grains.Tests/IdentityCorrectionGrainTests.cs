using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Grains.Tests;

/// <summary>An operator's unlink and manual link through the grains: customers, incidents and later events.</summary>
[Collection(ClusterCollection.Name)]
public class IdentityCorrectionGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static ComplaintFact Fact(string customer, string incidentKey, int hour, Channel channel, string eventId) =>
        new(eventId, channel, T0.AddHours(hour), customer, incidentKey,
            ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Dissatisfied, RiskSignals.None);

    /// <summary>What ingestion does with one event: the customer judges it, its incident applies the verdict.</summary>
    private async Task<ComplaintFact> SendAsync(ComplaintFact fact)
    {
        var verdict = (await fixture.Grains.GetGrain<ICustomerGrain>(fact.CustomerKey).SubmitAsync(new([fact]))).Value.Single();
        await fixture.Grains.GetGrain<IIncidentGrain>(fact.IncidentKey).ApplyAsync(new([verdict]));
        return verdict;
    }

    private async Task<IncidentState> IncidentAsync(string key) => (await fixture.Grains.GetGrain<IIncidentGrain>(key).GetAsync())!;

    [Fact]
    public async Task Unlink_PhoneAndEmail_SplitsTheCustomerAndANewEventWithBothDoesNotLinkThemAgain()
    {
        // Arrange: a call carrying phone and email links the email; an email-only complaint on the same
        // issue an hour later joins the phone's customer as a repeat contact, so no new participant.
        var phone = $"cus-p{Guid.NewGuid():N}";
        var email = $"cus-e{Guid.NewGuid():N}";
        var key = $"brand:test|sku:{Guid.NewGuid():N}";
        await SendAsync(Fact(phone, key, 0, Channel.Phone, "call-1") with { LinkedKeys = [email] });
        var merged = await SendAsync(Fact(email, key, 1, Channel.Email, "mail-1"));
        Assert.Equal((phone, 2), (merged.CustomerKey, merged.ContactNumber));
        Assert.Equal(1, (await IncidentAsync(key)).ParticipantCount);

        // Act
        var unlinked = await fixture.Grains.GetGrain<ICustomerGrain>(phone).UnlinkAsync(email);

        // Assert: two customers with one complaint each, and two participants in the incident.
        Assert.True(unlinked);
        var phoneCustomer = (await fixture.Grains.GetGrain<ICustomerGrain>(phone).GetAsync())!;
        var emailCustomer = (await fixture.Grains.GetGrain<ICustomerGrain>(email).GetAsync())!;
        Assert.Equal(1, phoneCustomer.Complaints);
        Assert.Equal(1, emailCustomer.Complaints);
        Assert.Null(emailCustomer.AliasOf);
        Assert.DoesNotContain(email, phoneCustomer.Aliases);
        var incident = await IncidentAsync(key);
        Assert.Equal(2, incident.ParticipantCount);
        Assert.Equal([phone, email], incident.Participants.Select(p => p.CustomerKey));

        // A new event carrying both identifiers stays with the phone and links nothing.
        Assert.Equal(phone, (await SendAsync(Fact(phone, key, 90, Channel.Phone, "call-2") with { LinkedKeys = [email] })).CustomerKey);
        Assert.Null((await fixture.Grains.GetGrain<ICustomerGrain>(email).GetAsync())!.AliasOf);
        Assert.DoesNotContain(email, (await fixture.Grains.GetGrain<ICustomerGrain>(phone).GetAsync())!.Aliases);
        // So the next email-only complaint is the email customer's own.
        Assert.Equal(email, (await SendAsync(Fact(email, key, 91, Channel.Email, "mail-2"))).CustomerKey);
        Assert.Equal(2, (await fixture.Grains.GetGrain<ICustomerGrain>(email).GetAsync())!.Complaints);
        Assert.Equal(2, (await IncidentAsync(key)).ParticipantCount);
        Assert.False(await fixture.Grains.GetGrain<ICustomerGrain>(phone).UnlinkAsync(email));
    }

    [Fact]
    public async Task Link_TwoCustomers_MovesTheAliasComplaintsInAndMergesTheirParticipation()
    {
        // Arrange: two customers the automatic rules never linked, each complaining about one incident.
        var first = $"cus-a{Guid.NewGuid():N}";
        var second = $"cus-b{Guid.NewGuid():N}";
        var key = $"brand:test|sku:{Guid.NewGuid():N}";
        await SendAsync(Fact(first, key, 0, Channel.Phone, "call-1"));
        await SendAsync(Fact(second, key, 1, Channel.Email, "mail-1"));
        Assert.Equal(2, (await IncidentAsync(key)).ParticipantCount);

        // Act
        var linked = await fixture.Grains.GetGrain<ICustomerGrain>(first).LinkAsync(second);

        // Assert
        Assert.True(linked);
        var canonical = (await fixture.Grains.GetGrain<ICustomerGrain>(first).GetAsync())!;
        Assert.Equal(2, canonical.Complaints);
        Assert.Contains(second, canonical.Aliases);
        Assert.Equal(first, (await fixture.Grains.GetGrain<ICustomerGrain>(second).GetAsync())!.AliasOf);
        var incident = await IncidentAsync(key);
        Assert.Equal(1, incident.ParticipantCount);
        Assert.Equal([first], incident.Participants.Select(p => p.CustomerKey));
        Assert.Equal(first, (await SendAsync(Fact(second, key, 2, Channel.Email, "mail-2"))).CustomerKey);
        Assert.False(await fixture.Grains.GetGrain<ICustomerGrain>(first).LinkAsync(second));
    }

    [Fact]
    public async Task Link_IdentifierLinkedElsewhere_UndoesTheFirstLinkAndMovesItsComplaints()
    {
        // Arrange: the family phone's call linked the email first (the first link wins), and an email-only complaint went there.
        var family = $"cus-f{Guid.NewGuid():N}";
        var owner = $"cus-o{Guid.NewGuid():N}";
        var email = $"cus-e{Guid.NewGuid():N}";
        var key = $"brand:test|sku:{Guid.NewGuid():N}";
        await SendAsync(Fact(family, key, 0, Channel.Phone, "call-1") with { LinkedKeys = [email] });
        await SendAsync(Fact(owner, key, 1, Channel.Phone, "call-2"));
        Assert.Equal(family, (await SendAsync(Fact(email, key, 80, Channel.Email, "mail-1"))).CustomerKey);

        // Act: an operator says the email is the owner's.
        var linked = await fixture.Grains.GetGrain<ICustomerGrain>(owner).LinkAsync(email);

        // Assert
        Assert.True(linked);
        var familyCustomer = (await fixture.Grains.GetGrain<ICustomerGrain>(family).GetAsync())!;
        Assert.Equal(1, familyCustomer.Complaints);
        Assert.Contains(email, familyCustomer.Unlinked);
        Assert.Equal(2, (await fixture.Grains.GetGrain<ICustomerGrain>(owner).GetAsync())!.Complaints);
        Assert.Equal(owner, (await fixture.Grains.GetGrain<ICustomerGrain>(email).GetAsync())!.AliasOf);
        var incident = await IncidentAsync(key);
        Assert.Equal(2, incident.ParticipantCount);
        Assert.Equal([family, owner], incident.Participants.Select(p => p.CustomerKey));
        Assert.Equal(owner, (await SendAsync(Fact(email, key, 90, Channel.Email, "mail-2"))).CustomerKey);
    }
}
