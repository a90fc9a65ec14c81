using System.Threading.Channels;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Incidents.Board;

namespace IntakeMesh.Host.Board;

/// <summary>
/// One open page watching the board: its query, what it was last sent (each line's revision), and
/// the events waiting to be written to it. A page that stops reading is dropped rather than
/// buffered without end; its browser reconnects and starts from a snapshot.
/// </summary>
public sealed class BoardSubscriber(BoardQuery query, bool showCustomers)
{
    private const int Backlog = 8;

    private readonly Channel<BoardEvent> _events = Channel.CreateBounded<BoardEvent>(
        new BoundedChannelOptions(Backlog) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _known = new(StringComparer.Ordinal);
    private string? _epoch;
    private string[] _order = [];
    private int _total = -1;
    private Dictionary<Tier, int> _openByTier = [];

    public BoardQuery Query { get; } = query;

    public bool ShowCustomers { get; } = showCustomers;

    public ChannelReader<BoardEvent> Events => _events.Reader;

    /// <summary>The whole page, remembered as sent.</summary>
    public BoardEvent Snapshot(BoardPage page)
    {
        lock (_gate)
        {
            _known.Clear();
            _epoch = page.Version.Epoch;
            return new BoardEvent(BoardEvent.Snapshot, Remember(page, [.. page.Items.Select(Item)], []));
        }
    }

    /// <summary>Queues what changed on the page since it was last sent, if anything did.</summary>
    public void Offer(BoardPage page)
    {
        BoardChange? change;
        lock (_gate)
        {
            change = Diff(page);
        }
        if (change is not null)
        {
            Send(new BoardEvent(BoardEvent.Changes, change));
        }
    }

    public void KeepAlive() => Send(BoardEvent.KeepAlive);

    public void Close() => _events.Writer.TryComplete();

    private void Send(BoardEvent message)
    {
        if (!_events.Writer.TryWrite(message))
        {
            // The page is not reading: end its stream; it reconnects and gets a fresh snapshot.
            _events.Writer.TryComplete();
        }
    }

    private BoardChange? Diff(BoardPage page)
    {
        if (page.Version.Epoch != _epoch)
        {
            // The board started over (a new activation): its revisions mean nothing to what we sent.
            _known.Clear();
            _epoch = page.Version.Epoch;
        }
        var upserts = new List<BoardItem>();
        for (var i = 0; i < page.Items.Count; i++)
        {
            var summary = page.Items[i];
            if (!_known.TryGetValue(summary.Id, out var revision) || revision != page.Revisions[i])
            {
                upserts.Add(Item(summary));
            }
        }
        var onPage = page.Items.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var removed = _known.Keys.Where(id => !onPage.Contains(id)).ToList();
        var sameOrder = _order.SequenceEqual(page.Items.Select(s => s.Id));
        var sameCounts = _total == page.Total && _openByTier.Count == page.OpenByTier.Count
            && page.OpenByTier.All(p => _openByTier.GetValueOrDefault(p.Key) == p.Value);
        if (upserts.Count == 0 && removed.Count == 0 && sameOrder && sameCounts)
        {
            return null;
        }
        return Remember(page, upserts, removed);
    }

    private BoardChange Remember(BoardPage page, IReadOnlyList<BoardItem> upserts, IReadOnlyList<string> removed)
    {
        _known.Clear();
        for (var i = 0; i < page.Items.Count; i++)
        {
            _known[page.Items[i].Id] = page.Revisions[i];
        }
        _order = [.. page.Items.Select(s => s.Id)];
        _total = page.Total;
        _openByTier = new Dictionary<Tier, int>(page.OpenByTier);
        return new BoardChange(page.Version, page.Total, page.Page, page.PageSize, _order, upserts, removed, _openByTier);
    }

    private BoardItem Item(IncidentSummary summary) => BoardItem.From(summary, ShowCustomers);
}
