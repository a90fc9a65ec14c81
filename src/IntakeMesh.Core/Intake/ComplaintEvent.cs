namespace IntakeMesh.Core.Intake;

/// <summary>One complaint event as carried by wire format v1 (see the JSON schemas in deploy/schemas).</summary>
public sealed record ComplaintEvent(
    string EventId,
    DateTimeOffset OccurredAt,
    CustomerIdentifiers Customer,
    string Text)
{
    public ComplaintSubject? Subject { get; init; }
    public PhoneDetails? Phone { get; init; }
    public EmailDetails? Email { get; init; }
    public SocialDetails? Social { get; init; }
    public RegulatorDetails? Regulator { get; init; }
}

/// <summary>The complainant's identifiers; at least one is present.</summary>
public sealed record CustomerIdentifiers(string? Id, string? Phone, string? Email, string? Handle)
{
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Id) && string.IsNullOrWhiteSpace(Phone) &&
        string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Handle);
}

/// <summary>What the complaint is about, as far as the channel system knows it.</summary>
public sealed record ComplaintSubject(
    string? Brand, string? Product, string? Sku, string? Batch, string? OrderId, string? Store, string? Region);

public sealed record PhoneDetails(string? CallId, string? AgentId, int? DurationSeconds);

public sealed record EmailDetails(string? MessageId, string? ThreadId, string? SubjectLine);

public sealed record SocialDetails(
    string? Platform, string? PostId, long? Followers, string? ReplyTo, string? RepostOf, string? Url);

public sealed record RegulatorDetails(string? Body, string? CaseRef, DateTimeOffset? DueAt);
