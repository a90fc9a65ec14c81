namespace IntakeMesh.Core.Explain;

/// <summary>What deduplication made of a complaint.</summary>
public enum DedupKind
{
    /// <summary>A new complaint.</summary>
    New,

    /// <summary>The same channel and event id came before: dropped, counted once.</summary>
    Redelivery,

    /// <summary>The same customer on the same issue within the repeat window: a further contact of an earlier complaint.</summary>
    RepeatContact,

    /// <summary>A new complaint whose text is within the template distance of another customer's.</summary>
    TemplatedNearDuplicate,
}

/// <summary>
/// The dedup verdict: its kind; <paramref name="Of"/> the complaint it refers to (the event itself
/// for a redelivery, the first contact for a repeat, the other customer's for a templated one);
/// the contact number on the issue; and for a templated one the SimHash distance and its threshold.
/// </summary>
public sealed record DedupVerdict(DedupKind Kind, string? Of, int ContactNumber)
{
    public int? Distance { get; init; }

    public int? Threshold { get; init; }

    /// <summary>The same, in a sentence.</summary>
    public string Summary => Kind switch
    {
        DedupKind.Redelivery => $"redelivery of event {Of} (same channel and event id): dropped, counted once",
        DedupKind.RepeatContact => $"repeat contact number {ContactNumber} of complaint {Of}",
        DedupKind.TemplatedNearDuplicate => $"new complaint, a templated near-duplicate of {Of}: {Distance} bits apart (threshold {Threshold})",
        _ => "new complaint",
    };
}
