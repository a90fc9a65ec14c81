using System.Text.Json;

namespace IntakeMesh.Cli.Scenarios;

/// <summary>A wire-format v1 event as a scenario writes it.</summary>
public sealed record ScenarioEvent(string EventId, DateTimeOffset OccurredAt, CustomerFields Customer, string Text, SubjectFields? Subject)
{
    public PhoneFields? Phone { get; init; }
    public EmailFields? Email { get; init; }
    public SocialFields? Social { get; init; }
    public RegulatorFields? Regulator { get; init; }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ScenarioJson.Options);
}

public sealed record CustomerFields(string? Id = null, string? Phone = null, string? Email = null, string? Handle = null);

public sealed record SubjectFields(string? Brand, string? Product, string? Sku, string? Batch);

public sealed record PhoneFields(string CallId, string AgentId, int DurationSeconds);

public sealed record EmailFields(string MessageId, string ThreadId, string SubjectLine);

public sealed record SocialFields(string Platform, string PostId, long Followers, string? ReplyTo, string? RepostOf);

public sealed record RegulatorFields(string Body, string CaseRef, DateTimeOffset DueAt);

internal static class ScenarioJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
