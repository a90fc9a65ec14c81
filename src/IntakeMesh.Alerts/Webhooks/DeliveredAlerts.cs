namespace IntakeMesh.Alerts.Webhooks;

/// <summary>
/// Which (alert id, receiver) pairs were delivered, so a redelivered or re-published alert is
/// not sent twice, and a retry after a partial failure resends only to the receivers that failed.
/// Bounded: past <c>capacity</c> the oldest pairs are forgotten (alerts are redelivered soon
/// after the first try, not days later). Per process: receivers can also deduplicate on
/// <c>X-IntakeMesh-Alert-Id</c> (PagerDuty on its dedup_key).
/// </summary>
public sealed class DeliveredAlerts
{
    private readonly int _capacity;
    private readonly object _gate = new();
    private readonly HashSet<string> _delivered = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);

    public DeliveredAlerts(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Pairs remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _delivered.Count;
            }
        }
    }

    /// <summary>
    /// Claims the pair for one delivery. False when it was delivered already or another copy of
    /// the alert is delivering it right now.
    /// </summary>
    public bool TryBegin(string alertId, string receiver)
    {
        var key = Key(alertId, receiver);
        lock (_gate)
        {
            return !_delivered.Contains(key) && _inFlight.Add(key);
        }
    }

    /// <summary>The claimed delivery succeeded: remember it.</summary>
    public void Complete(string alertId, string receiver)
    {
        var key = Key(alertId, receiver);
        lock (_gate)
        {
            _inFlight.Remove(key);
            if (!_delivered.Add(key))
            {
                return;
            }
            _order.Enqueue(key);
            while (_order.Count > _capacity)
            {
                _delivered.Remove(_order.Dequeue());
            }
        }
    }

    /// <summary>The claimed delivery failed: release the claim so a retry can make it.</summary>
    public void Abandon(string alertId, string receiver)
    {
        var key = Key(alertId, receiver);
        lock (_gate)
        {
            _inFlight.Remove(key);
        }
    }

    /// <summary>Whether the pair was delivered and is still remembered.</summary>
    public bool WasDelivered(string alertId, string receiver)
    {
        var key = Key(alertId, receiver);
        lock (_gate)
        {
            return _delivered.Contains(key);
        }
    }

    // A newline cannot occur in a configured receiver name, so pairs never collide.
    private static string Key(string alertId, string receiver) => receiver + "\n" + alertId;
}
