namespace IntakeMesh.Alerts;

/// <summary>
/// Hands alerts to the bus. The incident grain calls it from its outbox: it stores an alert,
/// publishes it, and marks it sent only when this returns; after a failure or a crash it
/// publishes the same alert (same <c>AlertId</c>) again, and the notifiers drop the repeat.
/// </summary>
public interface IAlertPublisher
{
    /// <summary>
    /// Publishes one alert message (an <see cref="Contracts.Alerts.IIncidentAlert"/>, such as
    /// <see cref="Contracts.Alerts.IncidentEscalated"/>). Returns once the broker has it (on
    /// RabbitMQ, after its publisher confirm).
    /// </summary>
    /// <exception cref="ArgumentException">The object is not an alert or has no AlertId.</exception>
    Task PublishAsync(object alert, CancellationToken cancellationToken = default);
}
