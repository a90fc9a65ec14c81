using IntakeMesh.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace IntakeMesh.Host.Tests.Durability;

/// <summary>
/// Grain state and reminders go over a few multiplexed connections (Storage:StateConnections);
/// the rest of the connection string is kept as given, membership keeps it whole, and a
/// nonsensical count stops the start.
/// </summary>
public class StateConnectionsTests
{
    private const string Given = "Host=db.internal;Username=intakemesh;Password=pw;Database=intakemesh;Minimum Pool Size=10;Timeout=7";

    [Theory]
    [InlineData(null, 4)]
    [InlineData("2", 2)]
    public async Task StateStorage_UsesFewMultiplexedConnections_AndKeepsTheRest(string? configured, int expected)
    {
        await using var app = Build(configured);

        var state = app.Services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(StorageNames.State);
        var used = new NpgsqlConnectionStringBuilder(state.ConnectionString);
        var reminders = app.Services.GetRequiredService<IOptions<AdoNetReminderTableOptions>>().Value;
        var membership = app.Services.GetRequiredService<IOptions<AdoNetClusteringSiloOptions>>().Value;

        Assert.Equal(state.ConnectionString, reminders.ConnectionString);
        Assert.Equal(Given, membership.ConnectionString);

        Assert.True(used.Multiplexing);
        Assert.Equal(expected, used.MaxPoolSize);
        Assert.Equal(expected, used.MinPoolSize);
        Assert.Equal("db.internal", used.Host);
        Assert.Equal("pw", used.Password);
        Assert.Equal(7, used.Timeout);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public void StateConnections_OutOfRange_RefusesToStartNamingTheKey(string configured)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(configured));

        Assert.Contains("Storage:StateConnections", error.Message);
    }

    /// <summary>Built, never started: nothing is contacted.</summary>
    private static WebApplication Build(string? stateConnections)
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = Given,
        };
        if (stateConnections is not null)
        {
            settings["Storage:StateConnections"] = stateConnections;
        }
        return IntakeMeshApp.Build(["--environment", "Development"], builder => builder.Configuration.AddInMemoryCollection(settings));
    }
}
