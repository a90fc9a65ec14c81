using System.Diagnostics.Metrics;

namespace IntakeMesh.Alerts;

/// <summary>
/// The alerting metrics, created once on the shared "IntakeMesh" meter. Names are stable:
/// dashboards and alert rules depend on them.
/// </summary>
public sealed class AlertInstruments
{
    public const string MeterName = "IntakeMesh";

    private readonly Counter<long> _published;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _notifications;

    public AlertInstruments(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _published = meter.CreateCounter<long>("intakemesh.alerts.published", unit: "{alert}",
            description: "Alerts published to the bus, per type.");
        _failed = meter.CreateCounter<long>("intakemesh.alerts.failed", unit: "{alert}",
            description: "Alerts the bus did not take (the caller keeps them to publish again), per type.");
        _notifications = meter.CreateCounter<long>("intakemesh.alerts.notifications", unit: "{notification}",
            description: "Webhook deliveries, per alert type, format and outcome (delivered, failed, duplicate).");
    }

    public void Published(string type) => _published.Add(1, new KeyValuePair<string, object?>("type", type));

    public void PublishFailed(string type) => _failed.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Notified(string type, string format, string outcome) => _notifications.Add(1,
        new KeyValuePair<string, object?>("type", type),
        new KeyValuePair<string, object?>("format", format),
        new KeyValuePair<string, object?>("outcome", outcome));
}
