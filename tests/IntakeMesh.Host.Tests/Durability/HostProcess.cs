using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntakeMesh.Cli.Commands;
using IntakeMesh.Cli.Scenarios;
using IntakeMesh.Host.Security;

namespace IntakeMesh.Host.Tests.Durability;

/// <summary>
/// The real host as a child process (`dotnet IntakeMesh.Host.dll`), so a test can kill it the
/// hard way and start it again. Its console output is kept for failure messages.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    // Whatever a failed test left running goes with the test process, so no host outlives the run.
    private static readonly List<Process> Started = [];

    static HostProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private HostProcess(Process process, int httpPort, string? apiKey)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            Http.DefaultRequestHeaders.Add(SecuritySchemes.ApiKeyHeader, apiKey);
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Http { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the host with <paramref name="settings"/> as environment variables, in the Testing
    /// environment unless they say otherwise, knowing <paramref name="apiKey"/> (by its hash) as an
    /// admin key that <see cref="Http"/> sends; with no key the host has none configured.
    /// </summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string? apiKey = HostFixture.AdminKey)
    {
        var httpPort = Loopback.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(HostAssembly())!,
        };
        start.ArgumentList.Add(HostAssembly());
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        if (apiKey is not null)
        {
            start.Environment["Security__ApiKeys__0__Name"] = HostFixture.AdminName;
            start.Environment["Security__ApiKeys__0__Role"] = "admin";
            start.Environment["Security__ApiKeys__0__Sha256"] = ApiKeyHash.HexOf(apiKey);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        lock (Started)
        {
            Started.Add(process);
        }
        var host = new HostProcess(process, httpPort, apiKey);
        try
        {
            await host.WaitReadyAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>kill -9: no graceful stop, no final offset commit, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    private static void KillAll()
    {
        lock (Started)
        {
            foreach (var process in Started)
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }
                catch (InvalidOperationException)
                {
                    // Disposed or never started: nothing left to stop.
                }
            }
        }
    }

    /// <summary>SIGTERM, as Ctrl-C or Kubernetes would stop it.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Sends the group-complaint scenario through this host's intake API, as the admin, and waits for its first incident.</summary>
    public async Task<JsonElement[]> ProduceGroupScenarioAsync()
    {
        var exit = await ProduceCommand.RunAsync(
            new CommandLine(["--scenario", GroupComplaintScenario.Name, "--host", Http.BaseAddress!.ToString(), "--api-key", HostFixture.AdminKey], new HashSet<string>()),
            TextWriter.Null, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, exit);
        return await Eventually.GetAsync(() => IncidentsAsync()!, list => list!.Length > 0, TimeSpan.FromSeconds(60), "an incident");
    }

    public async Task<JsonElement[]> IncidentsAsync() =>
        await Http.GetFromJsonAsync<JsonElement[]>("/api/incidents") ?? [];

    public async Task<double> MetricAsync(string name, params (string, string)[] labels) =>
        PrometheusText.Value(PrometheusText.Parse(await Http.GetStringAsync("/metrics")), name, labels) ?? 0;

    public async ValueTask DisposeAsync()
    {
        Kill();
        Http.Dispose();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await Http.GetAsync("/alive");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the host did not answer within 60 s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>The host built by the same configuration as this test assembly.</summary>
    private static string HostAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var path = Path.Combine(RepositoryPaths.Root, "src", "IntakeMesh.Host", "bin", configuration, "net10.0", "IntakeMesh.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the host first", path);
    }
}
