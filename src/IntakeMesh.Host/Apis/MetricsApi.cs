using IntakeMesh.Host.Security;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Host.Apis;

public static class MetricsApi
{
    /// <summary>GET /metrics: Prometheus text; anonymous unless Security:AnonymousMetrics is false, then viewer.</summary>
    public static IEndpointConventionBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        return app.ServiceProvider.GetRequiredService<IOptions<SecurityOptions>>().Value.AnonymousMetrics
            ? endpoint.AllowAnonymous()
            : endpoint.RequireRole(Role.Viewer);
    }
}
