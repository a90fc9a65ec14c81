using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Incidents.Board;

namespace IntakeMesh.Host.Board;

/// <summary>
/// What one open page is sent: on <c>snapshot</c> every line of the page; on <c>changes</c> only the
/// lines that changed or came onto the page (<see cref="Upserts"/>), the ids that left it
/// (<see cref="Removed"/>), and the page's order as ids.
/// </summary>
public sealed record BoardChange(
    BoardVersion Version,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<string> Order,
    IReadOnlyList<BoardItem> Upserts,
    IReadOnlyList<string> Removed,
    IReadOnlyDictionary<Tier, int> OpenByTier);

/// <summary>One server-sent event: its name and its data (null for a keep-alive comment).</summary>
public sealed record BoardEvent(string Name, BoardChange? Data)
{
    public const string Snapshot = "snapshot";
    public const string Changes = "changes";

    public static BoardEvent KeepAlive { get; } = new("keep-alive", null);
}
