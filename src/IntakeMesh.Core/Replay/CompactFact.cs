using IntakeMesh.Core.Explain;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Replay;

/// <summary>
/// A <see cref="ComplaintFact"/> packed for sorting a whole file by event time: times as ticks,
/// repeated keys as <see cref="StringPool"/> ids, enums as bytes. Only per-event strings (event
/// id, post ids, case reference) are held as strings.
/// </summary>
public readonly record struct CompactFact
{
    public long UtcTicks { get; init; }
    public short OffsetMinutes { get; init; }
    /// <summary>Input order, so that equal times keep it (the sort is otherwise unstable).</summary>
    public int Sequence { get; init; }
    public int Customer { get; init; }
    public int Incident { get; init; }
    public int[]? Linked { get; init; }
    public string EventId { get; init; }
    public byte Channel { get; init; }
    public byte Category { get; init; }
    public byte Urgency { get; init; }
    public byte Emotion { get; init; }
    public byte Risks { get; init; }
    public bool DemandsCompensation { get; init; }
    public long Followers { get; init; }
    public string? RegulatorCase { get; init; }
    public long RegulatorDueTicks { get; init; }
    public string? PostId { get; init; }
    public string? ReplyTo { get; init; }
    public string? RepostOf { get; init; }
    public ulong SimHash { get; init; }
    public bool HasSimHash { get; init; }

    /// <summary>How the event was read, kept only when the replay explains its complaints.</summary>
    public ComplaintReading? Reading { get; init; }

    private const long None = long.MinValue;

    public static CompactFact Pack(ComplaintFact fact, int sequence, StringPool pool, ComplaintReading? reading = null) => new()
    {
        Reading = reading,
        UtcTicks = fact.OccurredAt.UtcTicks,
        OffsetMinutes = (short)fact.OccurredAt.TotalOffsetMinutes,
        Sequence = sequence,
        Customer = pool.Intern(fact.CustomerKey),
        Incident = pool.Intern(fact.IncidentKey),
        Linked = fact.LinkedKeys.Count == 0 ? null : [.. fact.LinkedKeys.Select(pool.Intern)],
        EventId = fact.EventId,
        Channel = (byte)fact.Channel,
        Category = (byte)fact.Category,
        Urgency = (byte)fact.Urgency,
        Emotion = (byte)fact.Emotion,
        Risks = (byte)fact.Risks,
        DemandsCompensation = fact.DemandsCompensation,
        Followers = fact.Followers ?? None,
        RegulatorCase = fact.RegulatorCase,
        // Due dates are compared, not shown: UTC is enough.
        RegulatorDueTicks = fact.RegulatorDueAt?.UtcTicks ?? None,
        PostId = fact.PostId,
        ReplyTo = fact.ReplyTo,
        RepostOf = fact.RepostOf,
        SimHash = fact.TextSimHash ?? 0,
        HasSimHash = fact.TextSimHash.HasValue,
    };

    public ComplaintFact Unpack(StringPool pool) =>
        new(EventId,
            (Channel)Channel,
            new DateTimeOffset(UtcTicks + OffsetMinutes * TimeSpan.TicksPerMinute, TimeSpan.FromMinutes(OffsetMinutes)),
            pool[Customer],
            pool[Incident],
            (ComplaintCategory)Category,
            (Urgency)Urgency,
            (EmotionLevel)Emotion,
            (RiskSignals)Risks)
        {
            LinkedKeys = Linked is null ? [] : [.. Linked.Select(id => pool[id])],
            DemandsCompensation = DemandsCompensation,
            Followers = Followers == None ? null : Followers,
            RegulatorCase = RegulatorCase,
            RegulatorDueAt = RegulatorDueTicks == None ? null : new DateTimeOffset(RegulatorDueTicks, TimeSpan.Zero),
            PostId = PostId,
            ReplyTo = ReplyTo,
            RepostOf = RepostOf,
            TextSimHash = HasSimHash ? SimHash : null,
        };
}
