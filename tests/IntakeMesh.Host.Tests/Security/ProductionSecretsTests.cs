using IntakeMesh.Host.Security;
using IntakeMesh.Host.Tests.Durability;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace IntakeMesh.Host.Tests.Security;

/// <summary>
/// In Production the host refuses to start on missing secrets, naming every one of them in one
/// message; elsewhere it starts with what it has.
/// </summary>
public class ProductionSecretsTests
{
    /// <summary>Postgres and RabbitMQ chosen, every secret left out.</summary>
    private static Dictionary<string, string?> NothingSecret() => new()
    {
        ["urls"] = "http://127.0.0.1:0",
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = "Host=db.internal;Username=intakemesh;Database=intakemesh",
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:RabbitMq:Host"] = "rabbit.internal",
        ["Bus:RabbitMq:Username"] = "intakemesh",
    };

    private static Dictionary<string, string?> EverySecret() => new(NothingSecret())
    {
        ["ConnectionStrings:Postgres"] = "Host=db.internal;Username=intakemesh;Password=from-the-environment;Database=intakemesh",
        ["Bus:RabbitMq:Password"] = "from-the-environment",
        ["Identity:HmacKey"] = "from-the-environment-0123456789",
        ["Security:EncryptionKeys:0:Id"] = "k1",
        ["Security:EncryptionKeys:0:Key"] = Convert.ToBase64String(new byte[32]),
        ["Security:ApiKeys:0:Name"] = "ops",
        ["Security:ApiKeys:0:Role"] = "admin",
        ["Security:ApiKeys:0:Sha256"] = ApiKeyHash.HexOf("ops-key"),
    };

    [Fact]
    public void Build_ProductionMissingSecrets_ThrowsNamingEachOne()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", NothingSecret()));

        Assert.Contains("will not start in Production", error.Message);
        Assert.Contains("Identity:HmacKey", error.Message);
        Assert.Contains("a password in ConnectionStrings:Postgres", error.Message);
        Assert.Contains("Bus:RabbitMq:Password", error.Message);
        Assert.Contains("Security:ApiKeys or Security:Jwt", error.Message);
    }

    [Fact]
    public void Build_ProductionJwtWithoutSigningKey_NamesTheKey()
    {
        var settings = EverySecret();
        settings.Remove("Security:ApiKeys:0:Name");
        settings.Remove("Security:ApiKeys:0:Role");
        settings.Remove("Security:ApiKeys:0:Sha256");
        settings["Security:Jwt:Issuer"] = "https://sso.example";
        settings["Security:Jwt:Audience"] = "intakemesh";

        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", settings));

        Assert.Contains("Security:Jwt:SigningKey", error.Message);
        Assert.DoesNotContain("Identity:HmacKey", error.Message);
    }

    [Theory]
    [InlineData("Host=db.internal;Username=intakemesh;Database=intakemesh;Passfile=/run/secrets/pgpass")]
    [InlineData("Host=db.internal;Username=intakemesh;Password=s3cret;Database=intakemesh")]
    public async Task Build_ProductionPasswordOrPassfile_Accepted(string connectionString)
    {
        var settings = EverySecret();
        settings["ConnectionStrings:Postgres"] = connectionString;

        await using var app = Build("Production", settings);
    }

    [Fact]
    public async Task Build_ProductionRabbitMqPasswordInUri_Accepted()
    {
        var settings = EverySecret();
        settings.Remove("Bus:RabbitMq:Password");
        settings["Bus:RabbitMq:Host"] = "amqps://intakemesh:s3cret@rabbit.internal/";

        await using var app = Build("Production", settings);
    }

    [Fact]
    public async Task Build_DevelopmentMissingSecrets_Builds()
    {
        await using var app = Build("Development", NothingSecret());
    }

    [Fact]
    public async Task HostProcess_ProductionMissingSecrets_ExitsNamingThem()
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Username=intakemesh;Database=intakemesh",
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(settings, apiKey: null));

        Assert.Contains("the host exited", error.Message);
        Assert.Contains("Identity:HmacKey", error.Message);
        Assert.Contains("a password in ConnectionStrings:Postgres", error.Message);
        Assert.Contains("Security:ApiKeys or Security:Jwt", error.Message);
    }

    /// <summary>Built, never started: nothing is contacted.</summary>
    private static WebApplication Build(string environment, Dictionary<string, string?> settings) =>
        IntakeMeshApp.Build(["--environment", environment], builder => builder.Configuration.AddInMemoryCollection(settings));
}
