using Confluent.Kafka;
using IntakeMesh.Cli.Input;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Cli.Commands;

/// <summary>
/// <c>produce [FILE.jsonl] [--scenario NAME] [--bootstrap SERVERS] [--host URL] [--api-key KEY]</c>:
/// sends events to their channel's topic, keyed by the complainant's identity on that channel.
/// Without <c>--bootstrap</c> it asks the host, signed in with <c>--api-key</c> or <c>INTAKEMESH_API_KEY</c>.
/// </summary>
public static class ProduceCommand
{
    public const string Usage = "produce (FILE.jsonl | --scenario group-complaint) [--bootstrap HOST:PORT,...] [--host http://127.0.0.1:8080] [--api-key KEY (or INTAKEMESH_API_KEY)]";

    public static async Task<int> RunAsync(CommandLine args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        args.AllowOnly("scenario", "bootstrap", "host", "api-key");
        var lines = Source(args, errors, out var broken);
        var apiKey = args.Option("api-key") ?? Environment.GetEnvironmentVariable(IntakeMeshClient.ApiKeyVariable);
        var bootstrap = args.Option("bootstrap") ?? await AskHostAsync(args.Option("host") ?? "http://127.0.0.1:8080", apiKey, cancellationToken);

        var config = new ProducerConfig
        {
            BootstrapServers = bootstrap,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
        };
        using var producer = new ProducerBuilder<byte[]?, byte[]>(config).Build();
        var produced = 0;
        var failed = 0;
        var perTopic = new Dictionary<string, int>();
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var topic = IntakeTopics.For(line.Channel);
            var message = new Message<byte[]?, byte[]> { Key = RecordKeys.For(line.Channel, line.Event), Value = line.Event };
            ProduceWithBackpressure(producer, topic, message, report =>
            {
                if (report.Error.IsError)
                {
                    Interlocked.Increment(ref failed);
                    errors.WriteLine($"line {line.LineNumber}: not delivered: {report.Error.Reason}");
                }
            });
            produced++;
            perTopic[topic] = perTopic.GetValueOrDefault(topic) + 1;
            if (produced % 10_000 == 0)
            {
                errors.WriteLine($"produced {produced:N0} records…");
            }
        }
        producer.Flush(cancellationToken);

        var topics = string.Join(", ", perTopic.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));
        output.WriteLine($"produced {produced - failed} of {produced} records to {bootstrap} ({topics}); {broken.Count} lines skipped");
        return failed > 0 || broken.Count > 0 ? 1 : 0;
    }

    private static IEnumerable<EventLine> Source(CommandLine args, TextWriter errors, out List<string> broken)
    {
        broken = [];
        if (args.Option("scenario") is { } name)
        {
            return Scenarios.Scenarios.Find(name)
                ?? throw new UsageException($"unknown scenario '{name}'; known: {string.Join(", ", Scenarios.Scenarios.Names)}");
        }
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("give one JSON-lines file or --scenario NAME");
        }
        var path = args.Positionals[0];
        if (!File.Exists(path))
        {
            throw new UsageException($"no such file: {path}");
        }
        return ReadFile(path, errors, broken);
    }

    private static IEnumerable<EventLine> ReadFile(string path, TextWriter errors, List<string> broken)
    {
        using var reader = new StreamReader(path);
        foreach (var (line, error) in EventLineReader.Read(reader))
        {
            if (line is not null)
            {
                yield return line;
                continue;
            }
            broken.Add(error!);
            errors.WriteLine(error);
        }
    }

    private static void ProduceWithBackpressure(IProducer<byte[]?, byte[]> producer, string topic, Message<byte[]?, byte[]> message, Action<DeliveryReport<byte[]?, byte[]>> onDelivery)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, message, onDelivery);
                return;
            }
            catch (ProduceException<byte[]?, byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private static async Task<string> AskHostAsync(string host, string? apiKey, CancellationToken cancellationToken)
    {
        using var http = IntakeMeshClient.CreateHttp(new Uri(host), apiKey);
        try
        {
            return await new IntakeMeshClient(http).GetBootstrapServersAsync(cancellationToken);
        }
        catch (HostRefusedException ex)
        {
            var hint = ex.Status == System.Net.HttpStatusCode.Forbidden
                ? "use a key with the viewer role or higher"
                : $"pass --api-key KEY or set {IntakeMeshClient.ApiKeyVariable} (a host started without keys logs one as 'admin api key: …')";
            throw new UsageException($"{host} refused to say where Kafka is ({ex.Message}); {hint}. Or pass --bootstrap");
        }
        catch (HttpRequestException ex)
        {
            throw new UsageException($"could not ask {host}/api/system for the Kafka address ({ex.Message}); is the host running? Or pass --bootstrap");
        }
    }
}
