using IntakeMesh.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntakeMesh.Host.Apis;

public static class HealthApi
{
    /// <summary>GET /healthz: 200 when healthy, 503 with every current reason when degraded.</summary>
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> (IngestionHealth health) =>
        {
            var problems = health.Problems;
            return problems.Count == 0
                ? TypedResults.Ok(new HealthReport("healthy", problems))
                : TypedResults.Json(new HealthReport("degraded", problems), statusCode: StatusCodes.Status503ServiceUnavailable);
        });

    public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Problems);
}
