using IntakeMesh.Host.Security;
using IntakeMesh.Ingestion.Kafka;

namespace IntakeMesh.Host.Apis;

public static class SystemApi
{
    /// <summary>GET /api/system (viewer): where the Kafka cluster is, so any client can produce to it.</summary>
    public static RouteHandlerBuilder MapSystemApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/system", (KafkaCluster kafka) => TypedResults.Ok(new SystemInfo(
            new KafkaInfo(kafka.BootstrapServers, kafka.IsEmbedded),
            typeof(SystemApi).Assembly.GetName().Version?.ToString() ?? "0.0.0")))
        .RequireRole(Role.Viewer);

    public sealed record SystemInfo(KafkaInfo Kafka, string Version);

    public sealed record KafkaInfo(string BootstrapServers, bool Embedded);
}
