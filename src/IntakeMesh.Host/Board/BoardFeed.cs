using System.Collections.Concurrent;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents.Board;

namespace IntakeMesh.Host.Board;

/// <summary>
/// The board's change feed: once a second, while any page is open, it asks the board for its
/// version; when that moved (or a page just opened), it reads every open page in one grain call
/// (pages with the same query share one read) and sends each page only the lines that changed.
/// So a page gets at most one update a second, however fast incidents change, and the cost per
/// tick is one page read per distinct open query, not per incident.
/// </summary>
public sealed partial class BoardFeed(IGrainFactory grains, TimeProvider time, ILogger<BoardFeed> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>A comment line this often keeps idle streams open through proxies and finds closed ones.</summary>
    public static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<BoardSubscriber, byte> _subscribers = new();
    // Lives as long as the host; cancelled, never disposed, so late readers of Stopping stay safe.
    private readonly CancellationTokenSource _stopping = new();
    private BoardVersion? _seen;
    private DateTimeOffset _lastKeepAlive;
    private volatile bool _dirty;
    private Task? _loop;

    /// <summary>Cancelled when the host stops, so open streams end and shutdown does not wait for them.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public int Subscribers => _subscribers.Count;

    public void Start() => _loop ??= RunAsync(_stopping.Token);

    /// <summary>Opens a page: sends its snapshot first, then its changes.</summary>
    public async Task<(BoardSubscriber Subscriber, BoardEvent Snapshot)> SubscribeAsync(BoardQuery query, bool showCustomers)
    {
        var subscriber = new BoardSubscriber(query, showCustomers);
        var snapshot = subscriber.Snapshot(await Board.PageAsync(query));
        _subscribers.TryAdd(subscriber, 0);
        // A change that landed between the snapshot and now is caught by the next tick.
        _dirty = true;
        return (subscriber, snapshot);
    }

    public void Unsubscribe(BoardSubscriber subscriber)
    {
        _subscribers.TryRemove(subscriber, out _);
        subscriber.Close();
    }

    /// <summary>Ends every open stream and the loop (the host is stopping).</summary>
    public void Stop()
    {
        _stopping.Cancel();
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Close();
        }
    }

    private IIncidentBoardGrain Board => grains.GetGrain<IIncidentBoardGrain>(0);

    private async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await TickAsync();
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // The silo may be busy or starting; pages keep what they have and the next tick tries again.
                    LogTickFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task TickAsync()
    {
        if (_subscribers.IsEmpty)
        {
            return;
        }
        var subscribers = _subscribers.Keys.ToArray();
        var now = time.GetUtcNow();
        if (now - _lastKeepAlive >= KeepAliveEvery)
        {
            _lastKeepAlive = now;
            foreach (var subscriber in subscribers)
            {
                subscriber.KeepAlive();
            }
        }
        var version = await Board.VersionAsync();
        if (!_dirty && version == _seen)
        {
            return;
        }
        _dirty = false;
        _seen = version;
        var groups = subscribers.GroupBy(s => s.Query.Fingerprint(), StringComparer.Ordinal).ToArray();
        var pages = await Board.PagesAsync([.. groups.Select(g => g.First().Query)]);
        for (var i = 0; i < groups.Length; i++)
        {
            foreach (var subscriber in groups[i])
            {
                subscriber.Offer(pages[i]);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the board for open pages failed; trying again in a second")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
