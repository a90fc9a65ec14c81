using System.Collections.Concurrent;
using IntakeMesh.Alerts;
using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Grains.Tests;

/// <summary>
/// Stands in for the bus at the grain boundary only (the bus itself is tested over RabbitMQ in
/// IntakeMesh.Alerts.Tests): records what the grain published, and can refuse, as a broken bus would.
/// </summary>
public sealed class RecordingAlertPublisher : IAlertPublisher
{
    public ConcurrentQueue<IIncidentAlert> Published { get; } = new();

    public volatile bool Failing;

    public Task PublishAsync(object alert, CancellationToken cancellationToken = default)
    {
        if (Failing)
        {
            throw new InvalidOperationException("the bus is down");
        }
        Published.Enqueue((IIncidentAlert)alert);
        return Task.CompletedTask;
    }
}
