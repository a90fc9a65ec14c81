using IntakeMesh.Abstractions;
using IntakeMesh.Contracts.Alerts;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Grains.Tests;

/// <summary>
/// Regulatory clocks in the incident grain: started by the complaints that carry them, kept in
/// the incident's stored state, and sounded by real reminders as warnings and then the breach.
/// </summary>
[Collection(ClusterCollection.Name)]
public class RegulatoryClockGrainTests(ClusterFixture fixture)
{
    private static ComplaintFact Regulator(string key, string caseRef, DateTimeOffset at, string? body = null, DateTimeOffset? dueAt = null) =>
        new($"{caseRef}-event", Channel.Regulator, at, $"cus-{caseRef}", key,
            ComplaintCategory.ProductQuality, Urgency.Past, EmotionLevel.Dissatisfied, RiskSignals.None)
        {
            RegulatorCase = caseRef,
            RegulatorBody = body,
            RegulatorDueAt = dueAt,
        };

    [Fact]
    public async Task RecordDueSoon_WarnsAt75And90Percent_ThenBreaches_OneAlertEach()
    {
        var key = $"k:{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        // 40 s allowed, 30 s gone: the 75% warning is due now, 90% in 6 s, the breach in 10 s.
        var fact = Regulator(key, "CASE-1", now.AddSeconds(-30), body: "Some county office", dueAt: now.AddSeconds(10));
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(key);

        var id = (await grain.ApplyAsync(new([fact]))).Value.Summary.Id;

        var breach = await EventuallyAsync(() => Alerts(id).OfType<SlaBreached>().FirstOrDefault(b => b.Deadlines.Count > 0), TimeSpan.FromSeconds(45));
        var warnings = Alerts(id).OfType<SlaBreachApproaching>().ToList();
        Assert.Equal([0.75, 0.9], warnings.Select(w => w.Elapsed));
        Assert.All(warnings, w => Assert.Equal(("CASE-1", "record", "final"), (w.Deadlines[0].CaseReference, w.Deadlines[0].Rule, w.Deadlines[0].Stage)));
        Assert.Equal(fact.RegulatorDueAt, breach.ResponseDue);
        Assert.Equal("CASE-1", Assert.Single(breach.Deadlines).CaseReference);
        Assert.True(breach.OccurredAt >= fact.RegulatorDueAt, "the breach came before the deadline");
        // Nothing fires twice: one more reminder tick would find nothing new.
        Assert.Single(Alerts(id).OfType<SlaBreached>());
        var stored = await grain.GetAsync();
        var stage = Assert.Single(Assert.Single(stored!.Clocks.Clocks).Stages);
        Assert.True(stage.Breached);
    }

    [Fact]
    public async Task CfpbComplaint_GetsTheBodysRule_RepeatDoesNotStartASecondClock_ResolveStopsIt()
    {
        var key = $"k:{Guid.NewGuid():N}";
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(key);

        await grain.ApplyAsync(new([Regulator(key, "CFPB-261102-1", at, body: "CFPB")]));
        await grain.ApplyAsync(new([Regulator(key, "CFPB-261102-1", at.AddHours(2), body: "CFPB") with { EventId = "again" }]));

        var clock = Assert.Single((await grain.GetAsync())!.Clocks.Clocks);
        Assert.Equal("us-cfpb", clock.Rule);
        Assert.Equal(2, clock.Stages.Count);
        Assert.All(clock.Stages, s => Assert.True(s.DueAt > at.AddDays(14) && s.IsOpen));

        await grain.ResolveAsync("agent-7", "refund sent");

        var resolved = (await grain.GetAsync())!;
        Assert.All(resolved.Clocks.Clocks[0].Stages, s => Assert.False(s.IsOpen));
        // The incident page lists them, earliest first, as met (resolved long before the 15 and 60 days).
        Assert.Equal([("response", "met"), ("final", "met")], IncidentDetail.From(resolved).Deadlines.Select(d => (d.Stage, d.Status)));
    }

    [Fact]
    public async Task PaymentServicesComplaint_GetsFifteenBusinessDays_MarkedExceptionalThirtyFive()
    {
        var key = $"k:{Guid.NewGuid():N}";
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(key);
        var fact = new ComplaintFact("pay-1", Channel.Email, at, "cus-pay", key,
            ComplaintCategory.Price, Urgency.Past, EmotionLevel.Dissatisfied, RiskSignals.None) { Brand = "PayWell" };
        await grain.ApplyAsync(new([fact]));
        var clock = Assert.Single((await grain.GetAsync())!.Clocks.Clocks);
        Assert.Equal("uk-fca-payments", clock.Rule);
        var usual = clock.Stages[0].DueAt;

        await grain.MarkExceptionalAsync("Email:pay-1", "final");

        var exceptional = Assert.Single((await grain.GetAsync())!.Clocks.Clocks).Stages[0];
        Assert.True(exceptional.Exceptional);
        // 20 more business days: at least four more weeks.
        Assert.True(exceptional.DueAt - usual >= TimeSpan.FromDays(28), $"{usual} -> {exceptional.DueAt}");
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.MarkExceptionalAsync("Email:pay-1", "final"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.MarkExceptionalAsync("no-such-case", "final"));
    }

    private static List<IIncidentAlert> Alerts(string incidentId) =>
        [.. ClusterFixture.Publisher.Published.Where(a => a.IncidentId == incidentId)];

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe, TimeSpan timeout) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"nothing within {timeout}");
    }
}
