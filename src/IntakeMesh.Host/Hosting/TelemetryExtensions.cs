using IntakeMesh.Ingestion;
using OpenTelemetry.Metrics;

namespace IntakeMesh.Host.Hosting;

public static class TelemetryExtensions
{
    /// <summary>IntakeMesh's, Orleans' and the runtime's meters, scraped at /metrics.</summary>
    public static WebApplicationBuilder AddIntakeMeshTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IntakeInstruments.MeterName)
            .AddMeter("Microsoft.Orleans")
            .AddMeter("System.Runtime")
            .AddPrometheusExporter());
        return builder;
    }
}
