using IntakeMesh.Alerts.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Alerts.Tests.Delivery;

/// <summary>Wrong settings stop the host at start, naming every wrong key.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public async Task Start_WrongWebhookSettings_FailsNamingEachKey()
    {
        using var host = AlertingHost.Build(new Dictionary<string, string?>
        {
            ["Alerts:Webhooks:0:Url"] = "not a url",
            ["Alerts:Webhooks:0:MinTier"] = "T7",
            ["Alerts:Webhooks:1:Url"] = "https://events.pagerduty.example/v2/enqueue",
            ["Alerts:Webhooks:1:Format"] = "pagerduty",
            ["Alerts:RenotifyMinTier"] = "high",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Alerts:Webhooks:0:Url must be an absolute http(s) URL", error.Failures);
        Assert.Contains("Alerts:Webhooks:0:MinTier must be T0 to T4, not 'T7'", error.Failures);
        Assert.Contains("Alerts:Webhooks:1: a pagerduty webhook needs RoutingKey (or Secret) for routing_key", error.Failures);
        Assert.Contains("Alerts:RenotifyMinTier must be T0 to T4, not 'high'", error.Failures);
    }

    [Fact]
    public async Task Start_RabbitMqWithoutHost_FailsNamingTheKey()
    {
        using var host = AlertingHost.Build(new Dictionary<string, string?> { ["Bus:Transport"] = "RabbitMq" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Bus:RabbitMq:Host is required when Bus:Transport is RabbitMq", error.Failures);
    }

    [Fact]
    public void AddAlerting_UnknownTransport_FailsNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AlertingHost.Build(new Dictionary<string, string?> { ["Bus:Transport"] = "Kafka" }));

        Assert.Contains("Bus:Transport", error.Message, StringComparison.Ordinal);
    }
}
