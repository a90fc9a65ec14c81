using System.Security.Cryptography;
using System.Text;
using IntakeMesh.Alerts.Tests.Infrastructure;
using IntakeMesh.Alerts.Webhooks;
using Microsoft.Extensions.Hosting;

namespace IntakeMesh.Alerts.Tests.Delivery;

/// <summary>
/// Alerts published on the in-memory bus reach a real HTTP receiver. Each test ends its
/// sequence with a sentinel alert to a path of its own: the endpoint notifies one alert at a
/// time, in order, so when the sentinel arrives every earlier alert is fully done (no sleeps).
/// </summary>
public sealed class WebhookDeliveryTests : DeliveryTest
{
    private const string Secret = "whsec-test-8d1f2";
    [Fact]
    public async Task Json_EscalationAtT2_PostsTheAlertWithAVerifiableSignature()
    {
        Host = await AlertingHost.StartAsync(Settings.Webhook(0, Receiver.Url("json"), "T2", "json", Secret));
        var alert = SampleAlerts.Escalated(SampleAlerts.NewIncidentId());

        await Host.Publisher().PublishAsync(alert);
        var request = await Receiver.NextAsync();

        Assert.Equal("POST", request.Method);
        Assert.Equal("/json", request.Path);
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(alert.AlertId, request.Header("X-IntakeMesh-Alert-Id"));
        Assert.Equal("IncidentEscalated", request.Header("X-IntakeMesh-Alert-Type"));
        var body = request.Json;
        Assert.Equal("IncidentEscalated", (string?)body["type"]);
        var sent = body["alert"]!;
        Assert.Equal(alert.AlertId, (string?)sent["alertId"]);
        Assert.Equal(alert.IncidentId, (string?)sent["incidentId"]);
        Assert.Equal("T1", (string?)sent["previousTier"]);
        Assert.Equal("T2", (string?)sent["tier"]);
        Assert.Equal("group forming: starter plus 2 followers within 24 h (threshold 2)", (string?)sent["reasons"]![0]);
        Assert.Equal(2, (long?)sent["complaintsByChannel"]!["phone"]);
        Assert.Equal("cus-3f9a1c", (string?)sent["starter"]!["customerKey"]);
        Assert.Equal(["customerKey", "channel", "at", "category", "signals"], sent["samples"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal($"https://intakemesh.example.com/incidents/{alert.IncidentId}", (string?)sent["incidentUrl"]);
        // Verified by hand, as a receiver in any language would: HMAC-SHA256(secret, timestamp + "." + body).
        var timestamp = request.Header("X-IntakeMesh-Timestamp")!;
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret),
            Encoding.ASCII.GetBytes(timestamp + ".").Concat(request.Body).ToArray()));
        Assert.Equal(expected, request.Header("X-IntakeMesh-Signature"));
        Assert.InRange(long.Parse(timestamp), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.True(WebhookSignature.Verify(Secret, timestamp, request.Header("X-IntakeMesh-Signature"), request.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Delivery_ReceiverAnswers500Once_RetriesAndDeliversOnce()
    {
        Host = await AlertingHost.StartAsync(Settings.Merge(
            Settings.Webhook(0, Receiver.Url("flaky")),
            Settings.Webhook(1, Receiver.Url("sentinel"), "T4")));
        Receiver.Respond("flaky", 500);
        var alert = SampleAlerts.Escalated(SampleAlerts.NewIncidentId());

        await Host.Publisher().PublishAsync(alert);
        await Host.Publisher().PublishAsync(SampleAlerts.Escalated(SampleAlerts.NewIncidentId(), "T3", "T4"));
        var seen = await Receiver.UntilAsync("sentinel");

        var flaky = seen.Where(r => r.Header("X-IntakeMesh-Alert-Id") == alert.AlertId).ToList();
        Assert.Equal([500, 200], flaky.Select(r => r.Status));
        Assert.Equal(flaky[0].Text, flaky[1].Text);
    }

    [Fact]
    public async Task Delivery_OneReceiverFails_TheOtherIsNotNotifiedAgainOnRetry()
    {
        Host = await AlertingHost.StartAsync(Settings.Merge(
            Settings.Webhook(0, Receiver.Url("steady")),
            Settings.Webhook(1, Receiver.Url("flaky")),
            Settings.Webhook(2, Receiver.Url("sentinel"), "T4")));
        Receiver.Respond("flaky", 503, 502);
        var alert = SampleAlerts.Escalated(SampleAlerts.NewIncidentId());

        await Host.Publisher().PublishAsync(alert);
        await Host.Publisher().PublishAsync(SampleAlerts.Escalated(SampleAlerts.NewIncidentId(), "T3", "T4"));
        var seen = (await Receiver.UntilAsync("sentinel")).Where(r => r.Header("X-IntakeMesh-Alert-Id") == alert.AlertId).ToList();

        Assert.Single(seen, r => r.Path == "/steady");
        Assert.Equal([503, 502, 200], seen.Where(r => r.Path == "/flaky").Select(r => r.Status));
    }

    [Fact]
    public async Task Delivery_ReceiverTooSlow_TimesOutAndRetries()
    {
        Host = await AlertingHost.StartAsync(Settings.Webhook(0, Receiver.Url("slow"), timeout: "00:00:00.300"));
        var release = Receiver.Hold("slow");
        var alert = SampleAlerts.Escalated(SampleAlerts.NewIncidentId());

        await Host.Publisher().PublishAsync(alert);
        var first = await Receiver.NextAsync();
        var second = await Receiver.NextAsync();
        release();

        Assert.Equal(WebhookReceiver.Unanswered, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(alert.AlertId, second.Header("X-IntakeMesh-Alert-Id"));
    }

    [Fact]
    public async Task Delivery_ReceiverRefuses400_IsNotRetried()
    {
        Host = await AlertingHost.StartAsync(Settings.Merge(
            Settings.Webhook(0, Receiver.Url("strict")),
            Settings.Webhook(1, Receiver.Url("sentinel"), "T4")));
        Receiver.Respond("strict", 400);
        var alert = SampleAlerts.Escalated(SampleAlerts.NewIncidentId());

        await Host.Publisher().PublishAsync(alert);
        await Host.Publisher().PublishAsync(SampleAlerts.Escalated(SampleAlerts.NewIncidentId(), "T3", "T4"));
        var seen = await Receiver.UntilAsync("sentinel");

        Assert.Equal([400], seen.Where(r => r.Header("X-IntakeMesh-Alert-Id") == alert.AlertId).Select(r => r.Status));
    }

    [Fact]
    public async Task MinTier_AlertsBelowAReceiversTier_AreNotSentToIt()
    {
        Host = await AlertingHost.StartAsync(Settings.Merge(
            Settings.Webhook(0, Receiver.Url("everything"), "T0"),
            Settings.Webhook(1, Receiver.Url("crisis-desk"), "T3")));
        var group = SampleAlerts.Escalated(SampleAlerts.NewIncidentId(), "T1", "T2");
        var mass = SampleAlerts.Escalated(SampleAlerts.NewIncidentId(), "T2", "T3");

        await Host.Publisher().PublishAsync(group);
        await Host.Publisher().PublishAsync(mass);
        var seen = await Receiver.UntilAsync("crisis-desk");

        Assert.Equal([("/everything", group.AlertId), ("/everything", mass.AlertId), ("/crisis-desk", mass.AlertId)],
            seen.Select(r => (r.Path, r.Header("X-IntakeMesh-Alert-Id"))));
    }

    [Fact]
    public async Task Redelivery_SameAlertPublishedTwice_NotifiesOnce()
    {
        Host = await AlertingHost.StartAsync(Settings.Merge(
            Settings.Webhook(0, Receiver.Url("ops"), "T2"),
            Settings.Webhook(1, Receiver.Url("sentinel"), "T4")));
        var alert = SampleAlerts.Escalated(SampleAlerts.NewIncidentId());

        await Host.Publisher().PublishAsync(alert);
        // As after a crash between publishing and marking the outbox entry sent: same alert, same id.
        await Host.Publisher().PublishAsync(alert with { });
        await Host.Publisher().PublishAsync(SampleAlerts.Escalated(SampleAlerts.NewIncidentId(), "T3", "T4"));
        var seen = await Receiver.UntilAsync("sentinel");

        Assert.Single(seen, r => r.Header("X-IntakeMesh-Alert-Id") == alert.AlertId && r.Path == "/ops");
    }

    [Fact]
    public async Task PagerDuty_EscalationThenResolution_TriggersThenResolvesTheSameDedupKey()
    {
        Host = await AlertingHost.StartAsync(Settings.Webhook(0, Receiver.Url("pd"), "T2", "pagerduty", routingKey: "R0UT1NGKEY"));
        var incidentId = SampleAlerts.NewIncidentId();

        await Host.Publisher().PublishAsync(SampleAlerts.Escalated(incidentId, "T3", "T4", sequence: 4));
        await Host.Publisher().PublishAsync(SampleAlerts.Resolved(incidentId));
        var trigger = (await Receiver.NextAsync()).Json;
        var resolve = (await Receiver.NextAsync()).Json;

        Assert.Equal("R0UT1NGKEY", (string?)trigger["routing_key"]);
        Assert.Equal("trigger", (string?)trigger["event_action"]);
        Assert.Equal(incidentId, (string?)trigger["dedup_key"]);
        Assert.Equal("critical", (string?)trigger["payload"]!["severity"]);
        Assert.Equal("intakemesh", (string?)trigger["payload"]!["source"]);
        Assert.StartsWith("[T4] Incident brand:aurora|sku:ax7-bat-48v escalated T3 → T4", (string?)trigger["payload"]!["summary"]);
        Assert.Equal($"{incidentId}:escalated:4", (string?)trigger["payload"]!["custom_details"]!["alertId"]);
        Assert.Equal($"https://intakemesh.example.com/incidents/{incidentId}", (string?)trigger["links"]![0]!["href"]);
        Assert.Equal("resolve", (string?)resolve["event_action"]);
        Assert.Equal(incidentId, (string?)resolve["dedup_key"]);
        Assert.Equal("R0UT1NGKEY", (string?)resolve["routing_key"]);
    }

    [Fact]
    public async Task Slack_Escalation_PostsTextAndBlocksWithTierKeyReasonsAndLink()
    {
        Host = await AlertingHost.StartAsync(Settings.Webhook(0, Receiver.Url("chat"), "T2", "slack"));
        var alert = SampleAlerts.Escalated(SampleAlerts.NewIncidentId());

        await Host.Publisher().PublishAsync(alert);
        var body = (await Receiver.NextAsync()).Json;

        Assert.StartsWith("[T2] Incident brand:aurora|sku:ax7-bat-48v escalated T1 → T2 (Following)", (string?)body["text"]);
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal("header", (string?)blocks[0]!["type"]);
        var fields = blocks[1]!["fields"]!.AsArray().Select(f => (string?)f!["text"]).ToList();
        Assert.Contains("*Tier*\nT2", fields);
        Assert.Contains("*Incident*\nbrand:aurora|sku:ax7-bat-48v", fields);
        Assert.Contains(blocks, b => ((string?)b!["text"]?["text"])?.Contains("• group forming", StringComparison.Ordinal) == true);
        Assert.Contains(blocks, b => (string?)b!["text"]?["text"] == $"<https://intakemesh.example.com/incidents/{alert.IncidentId}|Open the incident>");
    }
}
