using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using IntakeMesh.Cli.Commands;
using IntakeMesh.Cli.Scenarios;

namespace IntakeMesh.Host.Tests;

/// <summary>
/// A real Prometheus (Debian's package) scrapes a running host and answers a query about it.
/// Its own host, so that its records do not change the end-to-end test's counts.
/// </summary>
public class PrometheusScrapeTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Prometheus_ScrapesTheHost_AndAnswersQueries()
    {
        var system = await host.Http.GetFromJsonAsync<JsonElement>("/api/system");
        var bootstrap = system.GetProperty("kafka").GetProperty("bootstrapServers").GetString()!;
        await ProduceCommand.RunAsync(new CommandLine(["--scenario", GroupComplaintScenario.Name, "--bootstrap", bootstrap], new HashSet<string>()), TextWriter.Null, TextWriter.Null, CancellationToken.None);
        await Eventually.GetAsync(
            async () => PrometheusText.Parse(await host.Http.GetStringAsync("/metrics")),
            m => PrometheusText.Value(m!, "intakemesh_events_consumed_total") > 0,
            TimeSpan.FromSeconds(60), "the host consuming something");

        var (exit, output) = await RunAsync("bash", Path.Combine(RepositoryPaths.Root, "deploy", "prometheus-smoke.sh"), host.Http.BaseAddress!.ToString().TrimEnd('/'));

        Assert.True(exit == 0, output);
        Assert.Contains("PASS: up{job=\"intakemesh\"} == 1", output);
        // Prometheus answered the query about the host's own series.
        Assert.Matches(@"intakemesh_events_consumed_total => .*""channel"":""(phone|email|social|regulator)""", output);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PROM_SMOKE_PORT"] = Loopback.FreePort().ToString();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
