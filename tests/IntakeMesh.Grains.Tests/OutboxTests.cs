using IntakeMesh.Abstractions;
using IntakeMesh.Contracts.Alerts;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Grains.Tests;

/// <summary>The incident's alert outbox: stored before publishing, published once the bus is back, one alert per tier change.</summary>
[Collection(ClusterCollection.Name)]
public class OutboxTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static ComplaintFact Fact(string customer, string key, int hour, Channel channel = Channel.Phone) =>
        new($"{key}-{customer}-{hour}", channel, T0.AddHours(hour), customer, key,
            ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Dissatisfied, RiskSignals.None);

    private static List<IIncidentAlert> AlertsOf(string incidentId) =>
        [.. ClusterFixture.Publisher.Published.Where(a => a.IncidentId == incidentId)];

    [Fact]
    public async Task Apply_TierChanges_PublishOneEscalationPerChangeNotPerComplaint()
    {
        var key = $"k:{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(key);

        var first = (await grain.ApplyAsync(new([Fact("c1", key, 0), Fact("c2", key, 1), Fact("c3", key, 2)]))).Value;
        await grain.ApplyAsync(new([Fact("c4", key, 3), Fact("c5", key, 4)]));

        var escalations = AlertsOf(first.Summary.Id).OfType<IncidentEscalated>().ToList();
        var escalation = Assert.Single(escalations); // T0 -> T2 once; five complaints, no more alerts
        Assert.Equal("T2", escalation.Tier);
        Assert.NotEmpty(escalation.Reasons);
    }

    [Fact]
    public async Task Apply_BusDownBetweenStoreAndPublish_AlertIsPublishedLaterExactlyOnce()
    {
        var key = $"k:{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(key);
        ClusterFixture.Publisher.Failing = true;
        IncidentUpdate update;
        try
        {
            // The change is stored with its alert, but the bus refuses it.
            update = (await grain.ApplyAsync(new([.. Enumerable.Range(0, 3).Select(i => Fact($"c{i}", key, i))]))).Value;
            Assert.Empty(AlertsOf(update.Summary.Id));
        }
        finally
        {
            ClusterFixture.Publisher.Failing = false;
        }

        // The grain goes away as if its silo had crashed; its stored outbox comes back with it.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await grain.ApplyAsync(new([Fact("c9", key, 9)]));

        var alerts = AlertsOf(update.Summary.Id);
        var escalated = Assert.Single(alerts.OfType<IncidentEscalated>());
        Assert.StartsWith($"{update.Summary.Id}:escalated:", escalated.AlertId);
    }

    [Fact]
    public async Task Apply_RegulatorCase_IsAnnouncedOnceWithItsDueDate()
    {
        var key = $"k:{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(key);
        var due = T0.AddDays(7);
        var regulator = Fact("r1", key, 1, Channel.Regulator) with { RegulatorCase = "12315-77", RegulatorDueAt = due };

        var update = (await grain.ApplyAsync(new([Fact("c1", key, 0), regulator]))).Value;
        await grain.ApplyAsync(new([regulator with { Redelivered = true }, Fact("c2", key, 2)]));

        var opened = Assert.Single(AlertsOf(update.Summary.Id).OfType<RegulatorCaseOpened>());
        Assert.Equal("12315-77", opened.CaseReference);
        Assert.Equal(due, opened.DueAt);
    }

    [Fact]
    public async Task AcknowledgeThenResolve_ClosesTheIncidentAndSendsOneResolve()
    {
        var key = $"k:{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(key);
        var update = (await grain.ApplyAsync(new([.. Enumerable.Range(0, 3).Select(i => Fact($"c{i}", key, i))]))).Value;

        var acknowledged = await grain.AcknowledgeAsync("lin", "calling the starter");
        var resolved = await grain.ResolveAsync("lin", "replaced the batch");
        await grain.ResolveAsync("lin", "again");

        Assert.Equal(IncidentStatus.Acknowledged, acknowledged!.Status);
        Assert.Equal(IncidentStatus.Resolved, resolved!.Status);
        var resolve = Assert.Single(AlertsOf(update.Summary.Id).OfType<IncidentResolved>());
        Assert.Equal(update.Summary.Id, resolve.IncidentId);

        // A complaint after the resolution opens a new wave on the key: a new incident id.
        var next = (await grain.ApplyAsync(new([Fact("late", key, 24 * 30)]))).Value;
        Assert.NotEqual(update.Summary.Id, next.Summary.Id);
    }
}
