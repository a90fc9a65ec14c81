using IntakeMesh.Host.Hosting;
using IntakeMesh.Ingestion.Pipeline;
using Npgsql;

namespace IntakeMesh.Host.Explain;

public static class ExplainHostingExtensions
{
    /// <summary>
    /// Where complaint explanations are kept: PostgreSQL when Storage:Provider is Postgres (its table
    /// comes with the schema applied at start), else the in-memory store ingestion registers.
    /// </summary>
    public static WebApplicationBuilder AddComplaintExplanations(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider == StorageProvider.Postgres && builder.Configuration.GetConnectionString("Postgres") is { Length: > 0 } connectionString)
        {
            builder.Services.AddSingleton<IExplanationStore>(_ => new PostgresExplanationStore(NpgsqlDataSource.Create(connectionString)));
        }
        return builder;
    }
}
