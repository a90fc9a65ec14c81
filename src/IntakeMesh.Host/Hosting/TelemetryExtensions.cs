using IntakeMesh.Ingestion;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IntakeMesh.Host.Hosting;

public static class TelemetryExtensions
{
    /// <summary>
    /// Metrics: IntakeMesh's, Orleans' and the runtime's meters, scraped at /metrics.
    /// Traces: consume → customer grain → incident grain, exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>Telemetry:OtlpEndpoint</c>) is set.
    /// </summary>
    public static WebApplicationBuilder AddIntakeMeshTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration["Telemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("intakemesh"))
            .WithMetrics(metrics => metrics
                .AddMeter(IntakeInstruments.MeterName)
                .AddMeter("Microsoft.Orleans")
                .AddMeter("System.Runtime")
                .AddPrometheusExporter());
        // Spans only when someone collects them: recording one per grain call for nobody was a
        // large share of the pipeline's allocations (seen with `intakemesh bench`).
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(IntakeTracing.SourceName)
                .AddSource("Microsoft.Orleans.Runtime")
                .AddSource("Microsoft.Orleans.Application")
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
        return builder;
    }
}
