using IntakeMesh.Alerts.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntakeMesh.Alerts.Tests.Delivery;

/// <summary>
/// Alerts over a real RabbitMQ (INTAKEMESH_TEST_RABBITMQ, started by the test command). One
/// class, so its tests run one after another; each uses a queue of its own, so an alert left
/// from an earlier run or test is never consumed by the wrong host.
/// </summary>
public sealed class RabbitMqDeliveryTests : DeliveryTest
{
    [Fact]
    public async Task RabbitMq_EscalationThenResolution_CrossTheBrokerToPagerDutyInOrder()
    {
        Host = await StartAsync(Settings.Webhook(0, Receiver.Url("pd"), "T2", "pagerduty", secret: "rk-from-secret"));
        var incidentId = SampleAlerts.NewIncidentId();

        await Host.Publisher().PublishAsync(SampleAlerts.Escalated(incidentId, "T2", "T3", 2));
        await Host.Publisher().PublishAsync(SampleAlerts.Resolved(incidentId));
        var trigger = await Receiver.NextAsync(TimeSpan.FromSeconds(30));
        var resolve = await Receiver.NextAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("rabbitmq", Host.Services.GetRequiredService<IBus>().Address.Scheme);
        Assert.Equal(("trigger", incidentId, "error"), ((string?)trigger.Json["event_action"], (string?)trigger.Json["dedup_key"], (string?)trigger.Json["payload"]!["severity"]));
        Assert.Equal("rk-from-secret", (string?)trigger.Json["routing_key"]);
        Assert.Equal(("resolve", incidentId), ((string?)resolve.Json["event_action"], (string?)resolve.Json["dedup_key"]));
    }

    [Fact]
    public async Task RabbitMq_SameAlertPublishedTwice_NotifiesOnce()
    {
        Host = await StartAsync(Settings.Merge(
            Settings.Webhook(0, Receiver.Url("ops"), "T2", secret: "s3"),
            Settings.Webhook(1, Receiver.Url("sentinel"), "T4")));
        var alert = SampleAlerts.Escalated(SampleAlerts.NewIncidentId());

        await Host.Publisher().PublishAsync(alert);
        await Host.Publisher().PublishAsync(alert);
        await Host.Publisher().PublishAsync(SampleAlerts.Escalated(SampleAlerts.NewIncidentId(), "T3", "T4"));
        var seen = await Receiver.UntilAsync("sentinel", TimeSpan.FromSeconds(30));

        var delivered = Assert.Single(seen, r => r.Header("X-IntakeMesh-Alert-Id") == alert.AlertId);
        Assert.Equal(alert.AlertId, (string?)delivered.Json["alert"]!["alertId"]);
    }

    private static Task<IHost> StartAsync(Dictionary<string, string?> webhooks) => AlertingHost.StartAsync(Settings.Merge(webhooks, new()
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:RabbitMq:Host"] = RabbitMqTestBroker.Uri,
        ["Alerts:QueueName"] = "intakemesh-alert-notifications-test-" + Guid.NewGuid().ToString("N")[..8],
    }));
}
