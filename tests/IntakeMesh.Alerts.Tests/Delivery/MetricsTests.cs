using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using IntakeMesh.Alerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeMesh.Alerts.Tests.Delivery;

public sealed class MetricsTests
{
    [Fact]
    public async Task PublishAsync_CountsPublishedAlertsPerType()
    {
        using var host = await AlertingHost.StartAsync([]);
        var counts = new ConcurrentDictionary<(string Name, string? Type), long>();
        using var listener = new MeterListener();
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        // Only this host's meter: other tests publish in parallel on their own hosts.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "IntakeMesh" && instrument.Meter.Scope == meters && instrument.Name.StartsWith("intakemesh.alerts.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? type = null;
            foreach (var tag in tags)
            {
                type = tag.Key == "type" ? tag.Value as string : type;
            }
            counts.AddOrUpdate((instrument.Name, type), value, (_, total) => total + value);
        });
        listener.Start();
        var incident = SampleAlerts.NewIncidentId();

        await host.Publisher().PublishAsync(SampleAlerts.Escalated(incident));
        await host.Publisher().PublishAsync(SampleAlerts.Escalated(incident, "T2", "T3", 2));
        await host.Publisher().PublishAsync(SampleAlerts.Resolved(incident));
        await host.StopAsync();

        Assert.Equal(2, counts.GetValueOrDefault(("intakemesh.alerts.published", "IncidentEscalated")));
        Assert.Equal(1, counts.GetValueOrDefault(("intakemesh.alerts.published", "IncidentResolved")));
        Assert.Equal(0, counts.GetValueOrDefault(("intakemesh.alerts.failed", "IncidentEscalated")));
    }

    [Fact]
    public async Task PublishAsync_NotAnAlert_IsRefused()
    {
        using var host = await AlertingHost.StartAsync([]);

        await Assert.ThrowsAsync<ArgumentException>(() => host.Publisher().PublishAsync(new { Text = "hello" }));
        await host.StopAsync();
    }
}
