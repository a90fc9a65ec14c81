using System.Text.Json;
using Confluent.Kafka;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Host.Tests.Durability;

/// <summary>
/// A deterministic stream of complaints: a few dozen subjects of very different heat, several
/// channels, and some records sent twice. Every complaint comes from its own customer, so that
/// "every complaint counted once" is simply the sum of the incidents' complaints (a repeat contact
/// would be merged into its first complaint). The same seed gives the same stream.
/// </summary>
public sealed class Workload
{
    private static readonly Channel[] Channels = [Channel.Phone, Channel.Email, Channel.Social, Channel.Regulator];
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public Workload(int events, int seed = 7)
    {
        var random = new Random(seed);
        var records = new List<(Channel, byte[])>();
        var distinct = 0;
        for (var i = 0; distinct < events; i++)
        {
            if (records.Count > 0 && random.NextDouble() < 0.03)
            {
                records.Add(records[random.Next(records.Count)]); // a redelivery
                continue;
            }
            // Subject heat is skewed: subject 0 gets about a fifth of everything.
            var subject = (int)Math.Floor(Math.Pow(random.NextDouble(), 2.5) * 30);
            var channel = Channels[random.Next(10) < 9 ? random.Next(3) : 3];
            var at = Start.AddMinutes(random.Next(0, 3 * 24 * 60));
            var body = new Dictionary<string, object?>
            {
                ["eventId"] = $"w-{i:000000}",
                ["occurredAt"] = at.ToString("O"),
                ["customer"] = new Dictionary<string, string> { ["phone"] = $"+86139{distinct:00000000}" },
                ["text"] = $"Complaint {i} about product {subject}: it stopped working again.",
                ["subject"] = new Dictionary<string, string> { ["brand"] = "Workload", ["sku"] = $"SKU-{subject:00}" },
            };
            records.Add((channel, JsonSerializer.SerializeToUtf8Bytes(body)));
            distinct++;
        }
        Records = records;
        DistinctEvents = distinct;
    }

    public IReadOnlyList<(Channel Channel, byte[] Value)> Records { get; }

    public int DistinctEvents { get; }

    public async Task ProduceAsync(string bootstrap)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 5, EnableIdempotence = true }).Build();
        foreach (var (channel, value) in Records)
        {
            producer.Produce(IntakeTopics.For(channel), new Message<byte[]?, byte[]> { Value = value });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        await Task.CompletedTask;
    }

    /// <summary>What a run ended with, comparable between runs: per incident key, the figures that matter.</summary>
    public static async Task<SortedDictionary<string, string>> OutcomeAsync(HostProcess host)
    {
        var outcome = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var incident in await host.IncidentsAsync())
        {
            outcome[incident.GetProperty("key").GetString()!] =
                $"tier={incident.GetProperty("tier")} phase={incident.GetProperty("phase")} participants={incident.GetProperty("participants")} complaints={incident.GetProperty("complaints")}";
        }
        return outcome;
    }

    /// <summary>Complaints counted over every incident: equals <see cref="DistinctEvents"/> when all arrived once.</summary>
    public static async Task<long> ComplaintsAsync(HostProcess host) =>
        (await host.IncidentsAsync()).Sum(i => i.GetProperty("complaints").GetInt64());
}
