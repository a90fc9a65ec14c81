using IntakeMesh.Abstractions;
using IntakeMesh.Alerts;
using IntakeMesh.Alerts.Policy;
using IntakeMesh.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace IntakeMesh.Ingestion.Tests;

/// <summary>A one-silo Orleans test cluster with IntakeMesh's grains; alerts are dropped, since these tests are about ingestion.</summary>
internal static class GrainCluster
{
    public static async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class NoBus : IAlertPublisher
    {
        public Task PublishAsync(object alert, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddIntakeMeshGrains().AddIntakeMeshMemoryStorage();
            silo.Services.AddSingleton(new AlertFactory());
            silo.Services.AddSingleton<IAlertPublisher, NoBus>();
            silo.Services.AddSingleton(new RenotifyPolicy(TimeSpan.FromMinutes(30), "T3"));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) =>
            client.Services.AddSerializer(s => s.AddIntakeMeshSerializers());
    }
}
