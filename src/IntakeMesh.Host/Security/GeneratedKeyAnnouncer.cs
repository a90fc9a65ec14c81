namespace IntakeMesh.Host.Security;

/// <summary>Logs the generated admin key once, at start, where the person who started the host sees it.</summary>
public sealed class GeneratedKeyAnnouncer(GeneratedAdminKey generated, ILogger<GeneratedKeyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        SecurityLog.GeneratedAdminKey(logger, generated.Key);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
