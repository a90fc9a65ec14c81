using System.Net;

namespace IntakeMesh.Host.Tests.Durability;

/// <summary>
/// Nothing lost, nothing counted twice: hosts on PostgreSQL are killed, stopped and cut off from
/// their database mid-stream, and every run must end exactly like the uninterrupted one.
/// </summary>
public class DurabilityTests(DurabilityFixture fixture) : IClassFixture<DurabilityFixture>
{
    [Fact]
    public async Task KilledRepeatedlyMidStream_EndsLikeAnUninterruptedRun()
    {
        var database = await TestPostgres.CreateDatabaseAsync("killed");
        var run = $"killed-{Guid.NewGuid():N}";
        var random = new Random(3);

        for (var kill = 1; kill <= 3; kill++)
        {
            await using var host = await HostProcess.StartAsync(fixture.Settings(database, run));
            var target = fixture.Workload.DistinctEvents * (kill * 2 + random.Next(2)) / 10;
            await Eventually.GetAsync(async () => (long?)await Workload.ComplaintsAsync(host), c => c >= target, TimeSpan.FromSeconds(120), $"{target} complaints before kill {kill}");
            host.Kill();
        }

        await using var last = await HostProcess.StartAsync(fixture.Settings(database, run));
        await fixture.WaitForAllAsync(last, TimeSpan.FromSeconds(120));
        Assert.Equal(fixture.Expected, await Workload.OutcomeAsync(last));
        await last.StopAsync();
    }

    [Fact]
    public async Task ThreeSilos_OneKilledMidStream_OthersTakeOverAndEndTheSame()
    {
        var database = await TestPostgres.CreateDatabaseAsync("silos");
        var run = $"silos-{Guid.NewGuid():N}";
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => HostProcess.StartAsync(fixture.Settings(database, run))));
        try
        {
            await Eventually.GetAsync(async () => (long?)await Workload.ComplaintsAsync(hosts[0]), c => c >= fixture.Workload.DistinctEvents / 4, TimeSpan.FromSeconds(120), "a quarter of the complaints");
            var consumedBefore = await Task.WhenAll(hosts.Select(h => h.MetricAsync("intakemesh_events_consumed_total")));
            hosts[2].Kill();

            await fixture.WaitForAllAsync(hosts[0], TimeSpan.FromSeconds(180));

            Assert.Equal(fixture.Expected, await Workload.OutcomeAsync(hosts[0]));
            Assert.Equal(fixture.Expected, await Eventually.GetAsync(() => Workload.OutcomeAsync(hosts[1])!, o => o is not null, TimeSpan.FromSeconds(30), "the second silo answering"));
            // The partitions were spread: more than one silo consumed.
            var consumedAfter = await Task.WhenAll(hosts.Take(2).Select(h => h.MetricAsync("intakemesh_events_consumed_total")));
            Assert.True(consumedBefore.Count(c => c > 0) + consumedAfter.Count(c => c > 0) >= 2, $"consumed: {string.Join(", ", consumedBefore)} then {string.Join(", ", consumedAfter)}");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task PostgresUnavailable_HealthDegradesThenEverythingArrives()
    {
        var database = await TestPostgres.CreateDatabaseAsync("outage");
        await using var host = await HostProcess.StartAsync(fixture.Settings(database, $"outage-{Guid.NewGuid():N}"));
        await Eventually.GetAsync(async () => (long?)await Workload.ComplaintsAsync(host), c => c > 0, TimeSpan.FromSeconds(60), "the first complaints");

        await TestPostgres.SetAvailableAsync(database, available: false);
        try
        {
            var degraded = await Eventually.GetAsync(
                async () => await host.Http.GetAsync("/healthz"),
                r => r!.StatusCode == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(60), "/healthz reporting degraded");
            var body = await degraded.Content.ReadAsStringAsync();
            Assert.Contains("degraded", body);
            Assert.Contains("failed", body);
        }
        finally
        {
            await TestPostgres.SetAvailableAsync(database, available: true);
        }

        await fixture.WaitForAllAsync(host, TimeSpan.FromSeconds(180));
        Assert.Equal(fixture.Expected, await Workload.OutcomeAsync(host));
        await Eventually.GetAsync(async () => await host.Http.GetAsync("/healthz"), r => r!.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "/healthz healthy again");
        Assert.Contains("failed", host.Log); // the outage was logged
    }

    [Fact]
    public async Task BrokerUnavailable_HealthDegradesThenReconnectsAndEverythingArrives()
    {
        var database = await TestPostgres.CreateDatabaseAsync("broker");
        await using var host = await HostProcess.StartAsync(fixture.Settings(database, $"broker-{Guid.NewGuid():N}"));
        await Eventually.GetAsync(async () => (long?)await Workload.ComplaintsAsync(host), c => c > 0, TimeSpan.FromSeconds(60), "the first complaints");

        fixture.SetBrokersAvailable(false);
        try
        {
            var degraded = await Eventually.GetAsync(
                async () => await host.Http.GetAsync("/healthz"),
                r => r!.StatusCode == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(60), "/healthz reporting the broker outage");
            Assert.Contains("kafka", await degraded.Content.ReadAsStringAsync());
        }
        finally
        {
            fixture.SetBrokersAvailable(true);
        }

        await fixture.WaitForAllAsync(host, TimeSpan.FromSeconds(180));
        Assert.Equal(fixture.Expected, await Workload.OutcomeAsync(host));
        await Eventually.GetAsync(async () => await host.Http.GetAsync("/healthz"), r => r!.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "/healthz healthy again");
        Assert.Contains("Kafka", host.Log);
    }
}
