using IntakeMesh.Alerts.Webhooks;
using IntakeMesh.Alerts.Webhooks.Payloads;
using IntakeMesh.Contracts.Alerts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace IntakeMesh.Alerts.Consumers;

/// <summary>
/// Notifies the configured receivers of every alert type. One consumer for all of them, so they
/// share one queue and reach each receiver in the order they were published (an incident's
/// resolve never arrives before its trigger).
/// </summary>
public sealed class AlertNotificationConsumer :
    IConsumer<IncidentEscalated>,
    IConsumer<MediaRiskDetected>,
    IConsumer<RegulatorCaseOpened>,
    IConsumer<SlaBreached>,
    IConsumer<SlaBreachApproaching>,
    IConsumer<IncidentRegrouped>,
    IConsumer<IncidentResolved>
{
    private readonly WebhookNotifier _notifier;
    private readonly ILogger<AlertNotificationConsumer> _logger;

    public AlertNotificationConsumer(WebhookNotifier notifier, ILogger<AlertNotificationConsumer> logger)
    {
        _notifier = notifier;
        _logger = logger;
    }

    public Task Consume(ConsumeContext<IncidentEscalated> context) => NotifyAsync(context.Message, context);

    public Task Consume(ConsumeContext<MediaRiskDetected> context) => NotifyAsync(context.Message, context);

    public Task Consume(ConsumeContext<RegulatorCaseOpened> context) => NotifyAsync(context.Message, context);

    public Task Consume(ConsumeContext<SlaBreached> context) => NotifyAsync(context.Message, context);

    public Task Consume(ConsumeContext<SlaBreachApproaching> context) => NotifyAsync(context.Message, context);

    public Task Consume(ConsumeContext<IncidentRegrouped> context) => NotifyAsync(context.Message, context);

    public Task Consume(ConsumeContext<IncidentResolved> context) => NotifyAsync(context.Message, context);

    private async Task NotifyAsync(IIncidentAlert alert, ConsumeContext context)
    {
        // The first attempt logs the alert itself (the "log" notifier); retries only deliver.
        if (context.GetRetryAttempt() == 0 && context.GetRedeliveryCount() == 0)
        {
            AlertsLog.Received(_logger, AlertText.TypeName(alert), alert.AlertId, alert.IncidentId, alert.Tier, AlertText.Summary(alert));
        }
        await _notifier.NotifyAsync(alert, context.CancellationToken);
    }
}
