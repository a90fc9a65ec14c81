using IntakeMesh.Alerts;
using IntakeMesh.Host.Apis;
using IntakeMesh.Host.Explain;
using IntakeMesh.Host.Hosting;
using IntakeMesh.Host.Security;
using IntakeMesh.Ingestion;

namespace IntakeMesh.Host;

/// <summary>The whole host, as a table of contents. Tests build it the same way with their own settings.</summary>
public static class IntakeMeshApp
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        ProductionSecrets.Verify(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddIntakeMeshSilo();
        builder.Services.AddKafkaIngestion();
        builder.AddComplaintExplanations();
        builder.Services.AddAlerting(builder.Configuration);
        builder.AddIntakeMeshTelemetry();
        builder.Services.AddIntakeMeshJson();
        builder.AddIntakeMeshSecurity();

        var app = builder.Build();
        app.MapSystemApi();
        app.MapIncidentsApi();
        app.MapCustomersApi();
        app.MapComplaintsApi();
        app.MapMeApi();
        app.MapAuditApi();
        app.MapBoard();
        app.MapHealthApi();
        app.MapMetricsApi();
        return app;
    }
}
