using IntakeMesh.Abstractions;
using IntakeMesh.Alerts;
using IntakeMesh.Alerts.Policy;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Regulation;
using IntakeMesh.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace IntakeMesh.Grains.Tests;

/// <summary>One in-process Orleans test cluster shared by every grain test.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The silo runs in this process, so the test sees what its grains publish.</summary>
    public static RecordingAlertPublisher Publisher { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddIntakeMeshGrains().AddIntakeMeshMemoryStorage();
            silo.Services.AddSingleton(new AlertFactory("http://board.test/incidents/"));
            silo.Services.AddSingleton<IAlertPublisher>(Publisher);
            silo.Services.AddSingleton(new RenotifyPolicy(TimeSpan.FromMinutes(30), "T3"));
            // A regulated product line, so payment-services complaints get the FCA's 15/35-day clock.
            silo.Services.Configure<RegulationOptions>(o => o.ProductLines.Add(new RegulatedProductLine { Brand = "PayWell", Rule = "uk-fca-payments" }));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) =>
            client.Services.AddSerializer(s => s.AddIntakeMeshSerializers());
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
