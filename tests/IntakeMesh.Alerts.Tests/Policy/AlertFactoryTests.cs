using IntakeMesh.Alerts.Policy;
using IntakeMesh.Alerts.Tests.Infrastructure;
using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Tests.Policy;

public sealed class AlertFactoryTests
{
    private static readonly AlertFactory Factory = new("https://intakemesh.example.com/incidents");

    [Fact]
    public void ForChange_TierRises_BuildsOneEscalationWithEveryFact()
    {
        var change = SampleAlerts.Change("inc-1", "T1", "T2", sequence: 3);

        var alerts = Factory.ForChange(change);

        var escalated = Assert.IsType<IncidentEscalated>(Assert.Single(alerts));
        Assert.Equal("inc-1:escalated:3", escalated.AlertId);
        Assert.Equal(("T1", "T2", "Following"), (escalated.PreviousTier, escalated.Tier, escalated.Phase));
        Assert.Equal(change.Reasons, escalated.Reasons);
        Assert.Equal(2, escalated.ComplaintsByChannel["phone"]);
        Assert.Equal(new AlertStarter("cus-3f9a1c", "social"), escalated.Starter);
        Assert.Equal(change.ResponseDue, escalated.ResponseDue);
        Assert.Equal(change.Playbook, escalated.Playbook);
        Assert.Equal(SampleAlerts.At, escalated.OccurredAt);
        Assert.Equal("https://intakemesh.example.com/incidents/inc-1", escalated.IncidentUrl);
        Assert.Equal(0, escalated.Reminder);
    }

    [Fact]
    public void ForChange_SameChangeTwice_GivesEqualAlertsWithTheSameIds()
    {
        var change = SampleAlerts.Change("inc-1", "T2", "T3", 5, "media involved: media signals from 2 customers (threshold 2)")
            with { NewRegulatorCases = [new RegulatorCaseFact("12315-2026-0042", SampleAlerts.At.AddDays(7))] };

        var first = Factory.ForChange(change);
        var again = Factory.ForChange(change);

        Assert.Equal(first.Select(a => a.AlertId), again.Select(a => a.AlertId));
        Assert.Equal(["inc-1:escalated:5", "inc-1:media-risk:5", "inc-1:regulator-case:12315-2026-0042"], first.Select(a => a.AlertId));
    }

    [Fact]
    public void ForChange_PhaseChangeWithoutTierChange_RaisesNothing()
    {
        var alerts = Factory.ForChange(SampleAlerts.Change("inc-1", "T2", "T2", 2));

        Assert.Empty(alerts);
    }

    [Theory]
    [InlineData("high-reach starter on social: 250000 followers (threshold 100000)")]
    [InlineData("media involved: media signals from 2 customers (threshold 2)")]
    [InlineData("media threat")]
    public void ForChange_ReasonsNameMediaOrReach_AddsMediaRiskWithThoseReasons(string mediaReason)
    {
        var change = SampleAlerts.Change("inc-1", "T2", "T3", 4, "mass: 12 customers within 24 h (threshold 10)", mediaReason);

        var media = Assert.Single(Factory.ForChange(change).OfType<MediaRiskDetected>());

        Assert.Equal("inc-1:media-risk:4", media.AlertId);
        Assert.Equal([mediaReason], media.Reasons);
        Assert.Equal("T3", media.Tier);
    }

    [Fact]
    public void ForChange_MediaRiskFalse_OverridesTheReasons()
    {
        var change = SampleAlerts.Change("inc-1", "T2", "T3", 4, "media threat") with { MediaRisk = false };

        Assert.Empty(Factory.ForChange(change).OfType<MediaRiskDetected>());
    }

    [Fact]
    public void ForChange_NewRegulatorCaseWithoutTierChange_OpensTheCaseWithItsDueDate()
    {
        var due = SampleAlerts.At.AddDays(7);
        var change = SampleAlerts.Change("inc-1", "T3", "T3", 6) with { NewRegulatorCases = [new RegulatorCaseFact("12315-2026-0042", due)] };

        var opened = Assert.IsType<RegulatorCaseOpened>(Assert.Single(Factory.ForChange(change)));

        Assert.Equal(("12315-2026-0042", due, "T3"), (opened.CaseReference, opened.DueAt, opened.Tier));
    }

    [Fact]
    public void ForChange_ManySamples_KeepsTheFirstFew()
    {
        var samples = Enumerable.Range(0, 20).Select(i => new AlertSample($"cus-{i}", "phone", SampleAlerts.At, "ProductDefect")).ToList();
        var change = SampleAlerts.Change("inc-1", "T0", "T2") with { Samples = samples };

        var escalated = (IncidentEscalated)Factory.ForChange(change)[0];

        Assert.Equal(samples.Take(AlertFactory.MaxSamples), escalated.Samples);
    }

    [Fact]
    public void ForChange_NotATier_Throws()
    {
        Assert.Throws<ArgumentException>(() => Factory.ForChange(SampleAlerts.Change("inc-1", "T1", "T9")));
    }

    [Fact]
    public void Reminder_SecondReminder_RepeatsTheLatestChangeAtItsTierWithItsOwnId()
    {
        var latest = SampleAlerts.Change("inc-1", "T2", "T3", 4);
        var at = SampleAlerts.At.AddHours(1);

        var reminder = Factory.Reminder(latest, 2, at);

        Assert.Equal("inc-1:reminder:4.2", reminder.AlertId);
        Assert.Equal(("T3", "T3", 2, at), (reminder.PreviousTier, reminder.Tier, reminder.Reminder, reminder.OccurredAt));
    }

    [Fact]
    public void SlaBreachedAndResolved_HaveDeterministicIdsAndTheLink()
    {
        var breached = Factory.SlaBreached("inc-1", "key", "t4", 3, SampleAlerts.At, SampleAlerts.At.AddMinutes(6));
        var resolved = Factory.Resolved("inc-1", "key", "T4", SampleAlerts.At.AddHours(2));

        Assert.Equal(("inc-1:sla-breached:3", "T4"), (breached.AlertId, breached.Tier));
        Assert.Equal("inc-1:resolved:1", resolved.AlertId);
        Assert.Equal("https://intakemesh.example.com/incidents/inc-1", resolved.IncidentUrl);
    }

    [Fact]
    public void IncidentUrl_NoBase_IsNullAndIdsAreEscaped()
    {
        Assert.Null(new AlertFactory().IncidentUrl("inc-1"));
        Assert.Equal("https://x.example/i/a%7Cb%3A1", new AlertFactory("https://x.example/i/").IncidentUrl("a|b:1"));
    }
}
