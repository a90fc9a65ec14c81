using IntakeMesh.Abstractions.Audit;

namespace IntakeMesh.Grains.Audit;

/// <summary>
/// The head of the audit log: the newest entries (the open page) and where the sealed pages are.
/// Page <c>p</c> holds exactly the ids <c>p * PageSize</c> to <c>(p + 1) * PageSize - 1</c>, so a
/// cursor finds its page without reading any other.
/// </summary>
public sealed class AuditLogState
{
    /// <summary>Entries per page. Stored pages depend on it: never change it.</summary>
    public const int PageSize = 200;

    public long NextId { get; set; }

    /// <summary>Pages sealed so far; the next page to seal has this number.</summary>
    public long SealedPages { get; set; }

    /// <summary>The oldest page still kept; every page below it was cleared.</summary>
    public long OldestPage { get; set; }

    /// <summary>The entries not yet sealed into a page, oldest first.</summary>
    public List<AuditRecord> Open { get; set; } = [];
}
