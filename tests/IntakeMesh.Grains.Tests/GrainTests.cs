using IntakeMesh.Abstractions;
using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;


namespace IntakeMesh.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class GrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static ComplaintFact Fact(string customer, string incidentKey, int hour, Channel channel = Channel.Phone, string? eventId = null) =>
        new(eventId ?? $"{customer}-{hour}", channel, T0.AddHours(hour), customer, incidentKey,
            ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Dissatisfied, RiskSignals.None);

    [Fact]
    public async Task CustomerSubmit_RedeliveredEvent_IsMarkedAndStateKept()
    {
        var key = $"cus-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(key);

        var first = await grain.SubmitAsync(new([Fact(key, "k", 0, eventId: "e1"), Fact(key, "k", 1, eventId: "e2")]));
        var second = await grain.SubmitAsync(new([Fact(key, "k", 0, eventId: "e1")]));

        Assert.All(first.Value, f => Assert.False(f.Redelivered));
        Assert.True(Assert.Single(second.Value).Redelivered);
        var state = await grain.GetAsync();
        Assert.Equal(2, state!.Complaints);
        Assert.Equal(1, state.Redeliveries);
    }

    [Fact]
    public async Task CustomerSubmit_EventWithPhoneAndEmail_LinksEmailSoLaterEmailsJoinTheSameCustomer()
    {
        var phone = $"cus-p{Guid.NewGuid():N}";
        var email = $"cus-e{Guid.NewGuid():N}";

        // A call carrying both identifiers goes to the stronger one (phone) and links the email.
        await fixture.Grains.GetGrain<ICustomerGrain>(phone).SubmitAsync(new([Fact(phone, "k", 0, eventId: "call-1") with { LinkedKeys = [email] }]));
        // A later email carrying only the email address arrives at the email's key...
        var verdicts = await fixture.Grains.GetGrain<ICustomerGrain>(email).SubmitAsync(new([Fact(email, "k", 5, Channel.Email, eventId: "mail-1")]));

        // ...and is the phone customer's complaint.
        Assert.Equal(phone, Assert.Single(verdicts.Value).CustomerKey);
        var customer = await fixture.Grains.GetGrain<ICustomerGrain>(phone).GetAsync();
        Assert.Equal(2, customer!.Complaints);
        Assert.Equal([Channel.Phone, Channel.Email], customer.Contacts["k"].Channels);
        Assert.Equal(phone, (await fixture.Grains.GetGrain<ICustomerGrain>(email).GetAsync())!.AliasOf);
    }

    [Fact]
    public async Task CustomerAdvance_MovesAComplaintForwardOnly()
    {
        var key = $"cus-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(key);
        await grain.SubmitAsync(new([Fact(key, "k", 0, eventId: "e1")]));
        var complaint = (await grain.GetAsync())!.History.Single();

        Assert.Equal(ComplaintStage.Accepted, complaint.Stage);
        Assert.True(await grain.AdvanceAsync(complaint.Id, ComplaintStage.Replied));
        Assert.False(await grain.AdvanceAsync(complaint.Id, ComplaintStage.Handling));
        Assert.False(await grain.AdvanceAsync("nope", ComplaintStage.FollowedUp));
        Assert.Equal(ComplaintStage.Replied, (await grain.GetAsync())!.History.Single().Stage);
    }

    [Fact]
    public async Task CustomerGet_UnknownCustomer_IsNull() =>
        Assert.Null(await fixture.Grains.GetGrain<ICustomerGrain>($"cus-{Guid.NewGuid():N}").GetAsync());

    [Fact]
    public async Task IncidentApply_BatchOutOfOrder_AppliesInEventTimeOrder()
    {
        var key = $"brand:test|sku:{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(key);

        var update = (await grain.ApplyAsync(new([Fact("c3", key, 3), Fact("c1", key, 1), Fact("c2", key, 2)]))).Value;

        Assert.Equal(Phase.Following, update.Summary.Phase);
        Assert.Equal(Tier.T2, update.Summary.Tier);
        Assert.Equal("c1", update.Summary.Starter!.CustomerKey);
        Assert.Equal(3, update.Summary.Participants);
        Assert.Equal(2, update.Changes.Count); // opened at T0, then T2
    }

    [Fact]
    public async Task IncidentApply_RetriedBatch_CountsOnce()
    {
        var key = $"brand:test|sku:{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(key);
        ComplaintFact[] batch = [Fact("c1", key, 0), Fact("c2", key, 1)];

        await grain.ApplyAsync(new(batch));
        var again = (await grain.ApplyAsync(new(batch))).Value;

        Assert.Equal(2, again.Summary.Complaints);
        Assert.Empty(again.Changes);
    }

    [Fact]
    public async Task Board_ListsHighestTierFirst_AndFindsById()
    {
        var board = fixture.Grains.GetGrain<IIncidentBoardGrain>(0);
        var low = (await fixture.Grains.GetGrain<IIncidentGrain>($"k:{Guid.NewGuid():N}").ApplyAsync(new([Fact("a", "low", 0)]))).Value;
        var highKey = $"k:{Guid.NewGuid():N}";
        var high = (await fixture.Grains.GetGrain<IIncidentGrain>(highKey)
            .ApplyAsync(new([.. Enumerable.Range(0, 10).Select(i => Fact($"c{i}", highKey, i))]))).Value;

        var perTier = await board.UpdateAsync(new([low.Summary, high.Summary]));
        var list = await board.ListAsync();

        Assert.True(perTier[Tier.T3] >= 1);
        Assert.True(list.ToList().FindIndex(s => s.Id == high.Summary.Id) < list.ToList().FindIndex(s => s.Id == low.Summary.Id));
        Assert.Equal(highKey, (await board.FindAsync(high.Summary.Id))!.Key);
        Assert.Null(await board.FindAsync("inc-missing-1"));
    }

    [Fact]
    public async Task Board_ReportsInTheWrongOrder_KeepsTheNewestSummary()
    {
        // Two silos' batches on one incident can reach the board in either order.
        var board = fixture.Grains.GetGrain<IIncidentBoardGrain>(0);
        var key = $"k:{Guid.NewGuid():N}";
        var incident = fixture.Grains.GetGrain<IIncidentGrain>(key);
        var older = (await incident.ApplyAsync(new([Fact("a", key, 0)]))).Value.Summary;
        var newer = (await incident.ApplyAsync(new([Fact("b", key, 1), Fact("c", key, 2)]))).Value.Summary;

        await board.UpdateAsync(new([newer]));
        await board.UpdateAsync(new([older]));

        Assert.True(newer.Revision > older.Revision);
        var held = await board.FindAsync(newer.Id);
        Assert.Equal(3, held!.Complaints);
        Assert.Equal(newer.Revision, held.Revision);
    }
}
