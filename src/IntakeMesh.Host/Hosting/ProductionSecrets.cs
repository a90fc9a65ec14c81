using IntakeMesh.Alerts.Bus;
using IntakeMesh.Host.Security;
using Npgsql;

namespace IntakeMesh.Host.Hosting;

/// <summary>
/// In Production, refuses to build a host that would run on a made-up or absent secret (a random
/// HMAC key changes every customer key at restart; a passwordless database or broker; an API no
/// one can sign in to). Secrets come from configuration or the environment, never from source.
/// Every missing one is named in one exception, so a deployment is fixed in one go.
/// </summary>
public static class ProductionSecrets
{
    /// <summary>Each check returns what is missing, or null. Add a line here for a new secret.</summary>
    private static IEnumerable<string?> Missing(IConfiguration config) =>
    [
        Required(config, "Identity:HmacKey", "the secret customer keys are derived from; the same on every silo"),
        RequiredSection(config, "Security:EncryptionKeys", "the AES-256 keys that seal customers' contacts in grain state; the same ring on every silo; see README, Personal data"),
        PostgresPassword(config),
        RabbitMqPassword(config),
        SignIn(config),
    ];

    /// <summary>Throws, naming every missing secret, when the environment is Production; does nothing elsewhere.</summary>
    public static void Verify(IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return;
        }
        var missing = Missing(builder.Configuration).OfType<string>().ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"IntakeMesh will not start in Production without its secrets. Missing:{string.Concat(missing.Select(m => $"{Environment.NewLine}  - {m}"))}"
                + $"{Environment.NewLine}Set them through the environment (e.g. Identity__HmacKey) or another configuration source; for a local run use ASPNETCORE_ENVIRONMENT=Development.");
        }
    }

    /// <summary>A plain configuration value that must be set.</summary>
    public static string? Required(IConfiguration config, string key, string what) =>
        string.IsNullOrWhiteSpace(config[key]) ? $"{key} ({what})" : null;

    /// <summary>A section that must have at least one value under it (a list such as <c>Security:ApiKeys</c>).</summary>
    public static string? RequiredSection(IConfiguration config, string key, string what) =>
        config.GetSection(key).AsEnumerable().Any(pair => !string.IsNullOrWhiteSpace(pair.Value)) ? null : $"{key} ({what})";

    private static string? PostgresPassword(IConfiguration config)
    {
        if (config.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider != StorageProvider.Postgres)
        {
            return null;
        }
        var connectionString = config.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "ConnectionStrings:Postgres (Storage:Provider is Postgres)";
        }
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return "ConnectionStrings:Postgres is not a valid connection string";
        }
        // Npgsql also reads a password file or PGPASSWORD, so either counts as a password.
        var hasPassword = !string.IsNullOrEmpty(parsed.Password) || !string.IsNullOrEmpty(parsed.Passfile)
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PGPASSWORD"));
        return hasPassword ? null : "a password in ConnectionStrings:Postgres (Password=…; Storage:Provider is Postgres)";
    }

    private static string? RabbitMqPassword(IConfiguration config)
    {
        var bus = config.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        if (bus.Transport != BusTransport.RabbitMq)
        {
            return null;
        }
        // Without one the broker would be tried as guest/guest, which only suits a laptop.
        var uriPassword = Uri.TryCreate(bus.RabbitMq.Host, UriKind.Absolute, out var uri) && uri.UserInfo.Split(':', 2) is [_, { Length: > 0 }];
        return !string.IsNullOrEmpty(bus.RabbitMq.Password) || uriPassword ? null : "Bus:RabbitMq:Password (Bus:Transport is RabbitMq)";
    }

    private static string? SignIn(IConfiguration config)
    {
        var security = config.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        if (!security.HasSignIn)
        {
            return "Security:ApiKeys or Security:Jwt (no one could sign in to the HTTP API; see README, Security)";
        }
        return security.Jwt.IsConfigured && string.IsNullOrEmpty(security.Jwt.SigningKey)
            ? "Security:Jwt:SigningKey (Security:Jwt is configured without its key)"
            : null;
    }
}
