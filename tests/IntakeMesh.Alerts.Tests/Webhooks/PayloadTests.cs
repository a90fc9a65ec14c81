using IntakeMesh.Alerts.Tests.Infrastructure;
using IntakeMesh.Alerts.Webhooks.Payloads;
using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Tests.Webhooks;

public sealed class PayloadTests
{
    [Theory]
    [InlineData("T4", "critical")]
    [InlineData("T3", "error")]
    [InlineData("T2", "warning")]
    [InlineData("T1", "info")]
    [InlineData("T0", "info")]
    public void PagerDutySeverity_FollowsTheTier(string tier, string severity)
    {
        Assert.Equal(severity, PagerDutyPayload.Severity(tier));
    }

    [Fact]
    public void PagerDuty_RegulatorCase_TriggersOnTheIncidentsDedupKey()
    {
        var alert = new RegulatorCaseOpened
        {
            AlertId = "inc-1:regulator-case:12315-0042", IncidentId = "inc-1", Key = "brand:aurora", Tier = "T3",
            OccurredAt = SampleAlerts.At, CaseReference = "12315-0042", DueAt = SampleAlerts.At.AddDays(7),
        };

        var body = PagerDutyPayload.Build(alert, "rk", "intakemesh");

        Assert.Equal(("trigger", "inc-1", "error"), ((string?)body["event_action"], (string?)body["dedup_key"], (string?)body["payload"]!["severity"]));
        Assert.Equal("[T3] Regulator case 12315-0042 opened on incident brand:aurora, due 2026-11-29 09:15 +08:00", (string?)body["payload"]!["summary"]);
        Assert.Null(body["links"]);
    }

    [Fact]
    public void Chat_TextWithMarkup_IsEscapedInBlocks()
    {
        var alert = SampleAlerts.Escalated("inc-1") with { Reasons = ["<script> & co"] };

        var texts = ChatPayload.Build(alert)["blocks"]!.AsArray().Select(b => (string?)b!["text"]?["text"]);

        Assert.Contains("*Reasons*\n• &lt;script&gt; &amp; co", texts);
    }

    [Fact]
    public void Summary_Reminder_SaysItIsStillOpen()
    {
        var reminder = SampleAlerts.Factory.Reminder(SampleAlerts.Change("inc-1", "T2", "T3", 2), 1, SampleAlerts.At);

        Assert.Equal("[T3] Reminder 1: incident brand:aurora|sku:ax7-bat-48v is still open at T3 and unacknowledged", AlertText.Summary(reminder));
    }
}
