using IntakeMesh.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntakeMesh.Host.Apis;

public static class HealthApi
{
    /// <summary>
    /// GET /healthz: 200 when healthy, 503 with every current reason when degraded (readiness).
    /// GET /alive: 200 while the process serves HTTP (liveness), so an outage of Kafka or the
    /// database degrades the silo without getting it restarted.
    /// Both anonymous: load balancers and probes carry no credentials.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/alive", () => TypedResults.Ok(new HealthReport("alive", new Dictionary<string, string>()))).AllowAnonymous();
        app.MapGet("/healthz", Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> (IngestionHealth health) =>
        {
            var problems = health.Problems;
            return problems.Count == 0
                ? TypedResults.Ok(new HealthReport("healthy", problems))
                : TypedResults.Json(new HealthReport("degraded", problems), statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }

    public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Problems);
}
