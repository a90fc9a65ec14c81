using System.ComponentModel.DataAnnotations;
using System.Net;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Regulation;
using IntakeMesh.Grains;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;

namespace IntakeMesh.Host.Hosting;

public static class SiloHostingExtensions
{
    private const string Npgsql = "Npgsql";

    /// <summary>
    /// The Orleans silo in this process. Storage:Provider Memory: localhost clustering, in-memory
    /// state and reminders. Postgres: membership, state and reminders in PostgreSQL
    /// (ConnectionStrings:Postgres), the schema created or upgraded first.
    /// </summary>
    public static WebApplicationBuilder AddIntakeMeshSilo(this WebApplicationBuilder builder)
    {
        var silo = Bind<SiloOptions>(builder, SiloOptions.Section);
        var storage = Bind<StorageOptions>(builder, StorageOptions.Section);
        var connectionString = builder.Configuration.GetConnectionString("Postgres");
        if (storage.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set");
        }

        builder.Services.AddOptions<DetectionOptions>().BindConfiguration("Detection").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RegulationOptions>().BindConfiguration(RegulationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RegulationOptions>, RegulationOptionsValidator>();
        if (storage.Provider == StorageProvider.Postgres)
        {
            // Registered before the silo so that it runs first: membership needs its tables.
            builder.Services.AddHostedService(sp => new PostgresSchema(connectionString!, sp.GetRequiredService<ILogger<PostgresSchema>>()));
        }
        builder.UseOrleans(orleans =>
        {
            if (storage.Provider == StorageProvider.Postgres)
            {
                orleans.Configure<ClusterOptions>(o =>
                {
                    o.ServiceId = silo.ServiceId;
                    o.ClusterId = silo.ClusterId;
                });
                orleans.ConfigureEndpoints(
                    string.IsNullOrWhiteSpace(silo.AdvertisedIp) ? IPAddress.Loopback : IPAddress.Parse(silo.AdvertisedIp),
                    silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: !string.IsNullOrWhiteSpace(silo.AdvertisedIp));
                orleans.Configure<ClusterMembershipOptions>(o =>
                {
                    // A silo killed without leaving stays "active" in the table. Frequent IAmAlive
                    // writes let the others (and a restarted silo, which checks every active silo
                    // before joining) see it as stale within 15 s instead of many minutes.
                    o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                    o.NumMissedTableIAmAliveLimit = 3;
                    o.ProbeTimeout = TimeSpan.FromSeconds(2);
                });
                orleans.UseAdoNetClustering(o =>
                {
                    o.Invariant = Npgsql;
                    o.ConnectionString = connectionString;
                });
                var stateConnectionString = StateConnectionString(connectionString!, storage);
                orleans.AddAdoNetGrainStorage(StorageNames.State, o =>
                {
                    o.Invariant = Npgsql;
                    o.ConnectionString = stateConnectionString;
                    o.GrainStorageSerializer = new JsonGrainStateSerializer();
                });
                orleans.UseAdoNetReminderService(o =>
                {
                    o.Invariant = Npgsql;
                    o.ConnectionString = stateConnectionString;
                });
            }
            else
            {
                orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
                orleans.AddIntakeMeshMemoryStorage();
            }
            orleans.AddIntakeMeshGrains();
            orleans.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
            // Grain calls join the batch's trace.
            orleans.AddActivityPropagation();
        });
        return builder;
    }

    /// <summary>
    /// The connection string of grain state and reminders: their statements share a few
    /// multiplexed connections (<see cref="StorageOptions.StateConnections"/>); none of them needs
    /// a transaction. Membership keeps the connection string as given.
    /// </summary>
    private static string StateConnectionString(string connectionString, StorageOptions storage)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Multiplexing = true };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, storage.StateConnections);
        builder.MaxPoolSize = storage.StateConnections;
        return builder.ConnectionString;
    }

    private static T Bind<T>(WebApplicationBuilder builder, string section) where T : new()
    {
        var options = builder.Configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T), results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
        return options;
    }
}
