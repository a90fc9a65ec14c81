using System.Text.RegularExpressions;
using IntakeMesh.Cli.Bench;
using IntakeMesh.Cli.Commands;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Cli.Tests;

/// <summary>
/// The benchmark's behaviour, not its speed: a seconds-long run through the real host and the
/// embedded broker prints every figure in its documented form and loses nothing.
/// </summary>
public class BenchTests
{
    [Fact]
    public async Task Bench_SmokeRun_PrintsEveryFigure_AndLosesNothing()
    {
        var output = new StringWriter();
        var progress = new StringWriter();

        var exit = await BenchCommand.RunAsync(
            new CommandLine(["--events", "3000", "--seconds", "1", "--rate", "500"], new HashSet<string>()),
            output, progress, CancellationToken.None);

        var text = output.ToString();
        Assert.True(exit == 0, $"bench failed:\n{text}\n{progress}");
        foreach (var pattern in new[]
        {
            @"^baseline_rate: \d+ events/s$",
            @"^pipeline_rate: \d+ events/s$",
            @"^ratio: \d+\.\d\d$",
            @"^latency_p50: \d+ ms$",
            @"^latency_p95: \d+ ms$",
            @"^latency_p99: \d+ ms$",
            @"^peak_working_set: \d+ MiB$",
            @"^allocated_per_event: \d+ B$",
            @"^warm_up: 600 records before the pipeline rate and allocations are counted$",
            @"^lost: 0$",
        })
        {
            Assert.Matches(new Regex(pattern, RegexOptions.Multiline), text);
        }
        Assert.DoesNotMatch(new Regex(@"^pipeline_rate: 0 events/s$", RegexOptions.Multiline), text);
    }

    [Fact]
    public void Workload_HasTheDocumentedMix()
    {
        var records = new BenchWorkload(100_000, seed: 7, DateTimeOffset.UtcNow).Take(100_000, TimeSpan.FromHours(48));

        var redelivered = records.Count(r => r.Kind == BenchRecordKind.Redelivery);
        var malformed = records.Count(r => r.Kind == BenchRecordKind.Malformed);
        Assert.InRange(redelivered, 800, 1200);
        Assert.InRange(malformed, 50, 150);
        Assert.All(records.Where(r => r.Kind == BenchRecordKind.Malformed), r => Assert.NotNull(EventParser.Parse(r.Value).Error));
        Assert.All(records.Where(r => r.Kind == BenchRecordKind.Complaint).Take(2000), r => Assert.Null(EventParser.Parse(r.Value).Error));
        // Every channel appears, and a few hot subjects carry a large share (the waves).
        Assert.Equal(4, records.Select(r => r.Topic).Distinct().Count());
        var hot = records.Count(r => r.Kind == BenchRecordKind.Complaint && System.Text.Encoding.UTF8.GetString(r.Value).Contains("HOT-", StringComparison.Ordinal));
        Assert.InRange(hot, 25_000, 35_000);
    }

    [Theory]
    [InlineData("--events", "0", "--events must be a positive whole number")]
    [InlineData("--storage", "disk", "--storage must be memory or postgres")]
    [InlineData("--storage", "postgres", "needs --postgres CONNECTION_STRING")]
    public async Task Bench_BadArguments_SayWhich(string name, string value, string expected)
    {
        var saved = Environment.GetEnvironmentVariable("INTAKEMESH_BENCH_POSTGRES");
        Environment.SetEnvironmentVariable("INTAKEMESH_BENCH_POSTGRES", null);
        try
        {
            var error = await Assert.ThrowsAsync<UsageException>(() => BenchCommand.RunAsync(
                new CommandLine([name, value], new HashSet<string>()), TextWriter.Null, TextWriter.Null, CancellationToken.None));
            Assert.Contains(expected, error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("INTAKEMESH_BENCH_POSTGRES", saved);
        }
    }
}
