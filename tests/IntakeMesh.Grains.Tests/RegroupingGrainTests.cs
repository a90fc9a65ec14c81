using IntakeMesh.Abstractions;
using IntakeMesh.Contracts.Alerts;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Grains.Tests;

/// <summary>Merging and splitting incidents across grains: state moves, later complaints follow the merge, one alert each.</summary>
[Collection(ClusterCollection.Name)]
public class RegroupingGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-20);

    private static ComplaintFact Fact(string key, string customer, int hour, Channel channel = Channel.Phone) =>
        new($"{key}-{customer}-{hour}", channel, T0.AddHours(hour), customer, key,
            ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Dissatisfied, RiskSignals.None);

    private static ComplaintFact[] Customers(string key, string prefix, int count, int hour = 0) =>
        [.. Enumerable.Range(0, count).Select(i => Fact(key, $"{prefix}{i}", hour + i))];

    private static List<IncidentRegrouped> Regroups(string incidentId) =>
        [.. ClusterFixture.Publisher.Published.OfType<IncidentRegrouped>().Where(a => a.IncidentId == incidentId)];

    [Fact]
    public async Task Merge_MovesTheComplaints_LaterComplaintsOnTheMergedKeyLandInTheTarget_OneAlert()
    {
        var (keyA, keyB) = ($"a:{Guid.NewGuid():N}", $"b:{Guid.NewGuid():N}");
        var (a, b) = (fixture.Grains.GetGrain<IIncidentGrain>(keyA), fixture.Grains.GetGrain<IIncidentGrain>(keyB));
        await a.ApplyAsync(new(Customers(keyA, "a", 3)));
        // The regulator case's clock goes with the merge.
        await b.ApplyAsync(new([.. Customers(keyB, "b", 4, hour: 1), Fact(keyB, "reg", 6, Channel.Regulator) with { RegulatorCase = "CFPB-1", RegulatorBody = "CFPB" }]));

        var merged = await b.MergeIntoAsync(keyA, "agent-7", "same charger fault");

        Assert.NotNull(merged);
        Assert.Equal((8L, 8), (merged.Incident.Complaints, merged.Incident.Participants));
        Assert.Equal(IncidentStatus.Closed, merged.Other.Status);
        var later = (await b.ApplyAsync(new([Fact(keyB, "late", 8)]))).Value;
        Assert.Equal(merged.Incident.Id, later.Summary.Id);
        var stateA = (await a.GetAsync())!;
        Assert.Equal(9, stateA.Complaints);
        Assert.Equal("CFPB-1", Assert.Single(stateA.Clocks.Clocks).CaseRef);
        Assert.Empty((await b.GetAsync())!.Clocks.Clocks);
        var alert = Assert.Single(Regroups(merged.Incident.Id));
        Assert.Equal(("merge", merged.Other.Id), (alert.Kind, alert.OtherIncidentId));
        Assert.Empty(Regroups(merged.Other.Id));
        // Closed now: neither a second merge of it nor a merge into it.
        await Assert.ThrowsAsync<InvalidOperationException>(() => b.MergeIntoAsync(keyA, "agent-7", null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => a.MergeIntoAsync(keyB, "agent-7", null));
    }

    [Fact]
    public async Task Split_ByCustomer_MakesANewIncidentWithThoseComplaints_AndRederivesTheRest()
    {
        var key = $"s:{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(key);
        var id = (await grain.ApplyAsync(new(Customers(key, "c", 10)))).Value.Summary.Id;
        Assert.Equal(Phase.Mass, (await grain.GetAsync())!.Phase);

        var split = await grain.SplitAsync(new SplitChoice(["c7", "c8", "c9"], null, null), "agent-7", "another batch");

        Assert.NotNull(split);
        Assert.Equal((id, 7L, Phase.Following), (split.Incident.Id, split.Incident.Complaints, split.Incident.Phase));
        Assert.Equal((3L, 3), (split.Other.Complaints, split.Other.Participants));
        var other = (await fixture.Grains.GetGrain<IIncidentGrain>(split.Other.Key).GetAsync())!;
        Assert.Equal(id, other.SplitFrom);
        Assert.Equal(["c7", "c8", "c9"], other.Participants.Select(p => p.CustomerKey));
        Assert.Equal(ChangeKind.Split, (await grain.GetAsync())!.History[^1].Kind);
        Assert.Equal(("split", split.Other.Id), (Regroups(id)[0].Kind, Regroups(id)[0].OtherIncidentId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.SplitAsync(new SplitChoice(["nobody"], null, null), "agent-7", null));
    }
}
