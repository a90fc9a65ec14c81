using Microsoft.Extensions.Hosting;

namespace IntakeMesh.Alerts.Tests.Infrastructure;

/// <summary>
/// A delivery test's two real parts: a webhook receiver started before the test, and the
/// alerting host the test starts with its own settings; both are stopped after it.
/// </summary>
public abstract class DeliveryTest : IAsyncLifetime
{
    protected WebhookReceiver Receiver { get; private set; } = null!;

    protected IHost? Host { get; set; }

    public Task InitializeAsync()
    {
        Receiver = WebhookReceiver.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.StopAsync();
            Host.Dispose();
        }
        await Receiver.DisposeAsync();
    }
}
