using IntakeMesh.Alerts.Webhooks;
using MassTransit;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Alerts.Consumers;

/// <summary>
/// The notification endpoint: its queue (<c>Alerts:QueueName</c>), how many alerts it delivers at once, and the
/// exponential retry of failed deliveries (<c>Alerts:Retry</c>). Retries happen in place, so
/// the queue stays in order; what still fails goes to the endpoint's error queue.
/// </summary>
public sealed class AlertNotificationConsumerDefinition : ConsumerDefinition<AlertNotificationConsumer>
{
    private readonly AlertRetryOptions _retry;

    public AlertNotificationConsumerDefinition(IOptions<AlertingOptions> options)
    {
        _retry = options.Value.Retry;
        EndpointName = options.Value.QueueName;
        ConcurrentMessageLimit = options.Value.ConcurrentDeliveries;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AlertNotificationConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Exponential(_retry.Limit, _retry.MinInterval, _retry.MaxInterval, _retry.IntervalDelta);
            // A receiver that refuses the request (4xx) would refuse it again.
            retry.Ignore<WebhookDeliveryException>(e => e.Permanent);
        });
    }
}
