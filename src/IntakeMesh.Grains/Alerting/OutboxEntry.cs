namespace IntakeMesh.Grains.Alerting;

/// <summary>An alert stored with the incident's state before it is published; removed once the bus took it.</summary>
public sealed record OutboxEntry(string AlertId, string Type, string Json, DateTimeOffset CreatedAt);
