using IntakeMesh.Contracts.Alerts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace IntakeMesh.Alerts.Bus;

/// <summary>
/// <see cref="IAlertPublisher"/> over MassTransit. Uses the bus itself as the publish endpoint,
/// not the scoped IPublishEndpoint, so singletons and grains can hold it.
/// </summary>
internal sealed class BusAlertPublisher : IAlertPublisher
{
    private readonly IPublishEndpoint _bus;
    private readonly AlertInstruments _instruments;
    private readonly ILogger<BusAlertPublisher> _logger;

    public BusAlertPublisher(IBus bus, AlertInstruments instruments, ILogger<BusAlertPublisher> logger)
    {
        _bus = bus;
        _instruments = instruments;
        _logger = logger;
    }

    public async Task PublishAsync(object alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert is not IIncidentAlert incidentAlert)
        {
            throw new ArgumentException($"{alert.GetType().Name} is not an alert message (IIncidentAlert)", nameof(alert));
        }
        if (string.IsNullOrEmpty(incidentAlert.AlertId))
        {
            throw new ArgumentException("an alert needs an AlertId: it is what makes publishing again safe", nameof(alert));
        }
        var type = alert.GetType().Name;
        var messageId = AlertMessageIds.For(incidentAlert.AlertId);
        try
        {
            // The runtime type, so the message goes to its own exchange, not to object's.
            await _bus.Publish(alert, alert.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = messageId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _instruments.PublishFailed(type);
            AlertsLog.PublishFailed(_logger, e, type, incidentAlert.AlertId);
            throw;
        }
        _instruments.Published(type);
        AlertsLog.Published(_logger, type, incidentAlert.AlertId, incidentAlert.IncidentId, incidentAlert.Tier);
    }
}
