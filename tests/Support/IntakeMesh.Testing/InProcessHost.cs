using System.Net.Sockets;
using IntakeMesh.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntakeMesh.Testing;

/// <summary>
/// The real host in the test's process: Kestrel on a free loopback port, one silo on free ports
/// and the embedded Kafka-protocol broker, built exactly as the product builds itself.
/// </summary>
public static class InProcessHost
{
    private const int Attempts = 3;

    /// <summary>
    /// Builds and starts the host. <paramref name="configure"/> runs first and may still change
    /// <paramref name="settings"/>; then the settings win over appsettings, with the address and
    /// ports filled in when absent.
    /// </summary>
    /// <remarks>
    /// A port found free can be taken before the silo binds it (any outgoing connection may get it
    /// as its local port), so a start that finds a port it chose taken is tried again on others.
    /// </remarks>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        string environment, IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var ownPorts = !settings.ContainsKey("Cluster:SiloPort") && !settings.ContainsKey("Cluster:GatewayPort");
        for (var attempt = 1; ; attempt++)
        {
            var app = IntakeMeshApp.Build(["--environment", environment], builder =>
            {
                configure?.Invoke(builder);
                var all = new Dictionary<string, string?>(settings);
                all.TryAdd("urls", "http://127.0.0.1:0");
                all.TryAdd("Cluster:SiloPort", Loopback.FreePort().ToString());
                all.TryAdd("Cluster:GatewayPort", Loopback.FreePort().ToString());
                builder.Configuration.AddInMemoryCollection(all);
            });
            try
            {
                await app.StartAsync();
            }
            catch (Exception ex) when (ownPorts && attempt < Attempts && PortTaken(ex))
            {
                await app.DisposeAsync();
                continue;
            }
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return (app, new Uri(address));
        }
    }

    private static bool PortTaken(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
            if (ex is AggregateException aggregate && aggregate.InnerExceptions.Any(PortTaken))
            {
                return true;
            }
        }
        return false;
    }
}
