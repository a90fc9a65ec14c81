using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntakeMesh.Alerts.Tests.Infrastructure;

/// <summary>
/// A generic host with only <see cref="AlertingServiceCollectionExtensions.AddAlerting"/>, from
/// in-memory settings alone (no environment variables or files can change what a test sees).
/// </summary>
public static class AlertingHost
{
    /// <summary>Fast retries, so a retry test takes milliseconds, not seconds.</summary>
    public static IReadOnlyDictionary<string, string?> FastRetry { get; } = new Dictionary<string, string?>
    {
        ["Alerts:Retry:Limit"] = "3",
        ["Alerts:Retry:MinInterval"] = "00:00:00.050",
        ["Alerts:Retry:MaxInterval"] = "00:00:00.200",
        ["Alerts:Retry:IntervalDelta"] = "00:00:00.050",
    };

    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(FastRetry.Concat(settings));
        builder.Services.AddAlerting(builder.Configuration);
        return builder.Build();
    }

    public static async Task<IHost> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var host = Build(settings);
        await host.StartAsync();
        return host;
    }

    public static IAlertPublisher Publisher(this IHost host) => host.Services.GetRequiredService<IAlertPublisher>();
}
