using System.Collections.Concurrent;

namespace IntakeMesh.Ingestion;

/// <summary>What currently keeps ingestion from working normally, by component, for /healthz.</summary>
public sealed class IngestionHealth
{
    public const string Kafka = "kafka";
    public const string Pipeline = "pipeline";

    private readonly ConcurrentDictionary<string, string> _problems = new();

    public void Report(string component, string reason) => _problems[component] = reason;

    public void Clear(string component) => _problems.TryRemove(component, out _);

    public IReadOnlyDictionary<string, string> Problems => _problems.ToDictionary();
}
