using IntakeMesh.Alerts.Bus;
using IntakeMesh.Alerts.Consumers;
using IntakeMesh.Alerts.Policy;
using IntakeMesh.Alerts.Webhooks;
using IntakeMesh.Contracts.Alerts;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Alerts;

public static class AlertingServiceCollectionExtensions
{
    /// <summary>
    /// Alerting: the MassTransit bus (in memory, or RabbitMQ by <c>Bus:Transport</c>), the
    /// webhook notifier consuming every alert type, <see cref="IAlertPublisher"/>,
    /// <see cref="AlertFactory"/> and <see cref="RenotifyPolicy"/>. The <c>Bus</c> and
    /// <c>Alerts</c> sections are validated when the host starts. Registers MassTransit, so the
    /// container must not call AddMassTransit elsewhere.
    /// </summary>
    public static IServiceCollection AddAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var busSection = configuration.GetSection(BusOptions.Section);
        services.AddOptions<BusOptions>().Bind(busSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidator>();
        services.AddOptions<AlertingOptions>().Bind(configuration.GetSection(AlertingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertingOptions>, AlertingOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AlertInstruments>();
        services.TryAddSingleton(sp => new AlertFactory(sp.GetRequiredService<IOptions<AlertingOptions>>().Value.IncidentPageBase));
        services.TryAddSingleton(sp => RenotifyPolicy.From(sp.GetRequiredService<IOptions<AlertingOptions>>().Value));
        services.TryAddSingleton(sp => new DeliveredAlerts(sp.GetRequiredService<IOptions<AlertingOptions>>().Value.ProcessedAlertCapacity));
        services.TryAddSingleton<WebhookNotifier>();
        services.TryAddSingleton<IAlertPublisher, BusAlertPublisher>();
        services.AddHttpClient(WebhookNotifier.HttpClientName, client =>
        {
            // Each webhook call has its own deadline (Alerts:WebhookTimeout or the webhook's).
            client.Timeout = Timeout.InfiniteTimeSpan;
        })
        // The default HTTP logging writes request URLs, and webhook URLs often carry their token.
        .RemoveAllLoggers();

        // The host waits for the bus, so nothing publishes into a bus that is not connected.
        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        // Read now: the transport decides which registrations are made. A value the binder
        // cannot read throws here, naming the key.
        var transport = busSection.GetValue(nameof(BusOptions.Transport), BusTransport.InMemory);
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<AlertNotificationConsumer, AlertNotificationConsumerDefinition>();
            if (transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    var address = RabbitMqAddressFrom(context);
                    rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
                    {
                        host.Username(address.Username);
                        host.Password(address.Password);
                        // Publish returns only once the broker has the alert: the outbox marks it sent after that.
                        host.PublisherConfirmation = true;
                        if (address.UseSsl)
                        {
                            host.UseSsl(ssl => ssl.Protocol = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
                        }
                    });
                    // The shared interface is for code, not a topic: without this every alert
                    // would also fan out to an IIncidentAlert exchange that nobody reads.
                    rabbit.Publish<IIncidentAlert>(topology => topology.Exclude = true);
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) =>
                {
                    memory.Publish<IIncidentAlert>(topology => topology.Exclude = true);
                    memory.ConfigureEndpoints(context);
                });
            }
        });
        return services;
    }

    private static RabbitMqAddress RabbitMqAddressFrom(IBusRegistrationContext context)
    {
        var options = context.GetRequiredService<IOptions<BusOptions>>().Value.RabbitMq;
        return RabbitMqAddress.TryParse(options, out var address, out var error)
            ? address!
            : throw new OptionsValidationException(BusOptions.Section, typeof(BusOptions), [error!]);
    }
}
