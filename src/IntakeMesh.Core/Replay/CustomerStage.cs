using IntakeMesh.Core.Customers;
using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Replay;

/// <summary>
/// The customer grains' work in one process: forward an alias's complaints to the customer it was
/// linked to, accept (redelivery, repeat contact, role), and link the weaker identifiers the
/// complaint carries. Customers idle for longer than the repeat window are trimmed to what can
/// still matter (counts, contacts per incident, links), so a million customers stay affordable.
/// </summary>
internal sealed class CustomerStage(DetectionOptions options)
{
    // A forward chain longer than this is a link cycle; the grain would loop, the replay stops following.
    private const int MaxForwards = 8;

    private readonly Dictionary<string, Customer> _customers = new(StringComparer.Ordinal);
    private readonly Queue<(long Ticks, string Key)> _idle = new();

    public int Count => _customers.Count;

    public ComplaintFact Accept(ComplaintFact fact)
    {
        var customer = Get(fact.CustomerKey);
        for (var hops = 0; customer.State.AliasOf is { } canonical && hops < MaxForwards; hops++)
        {
            fact = fact with { CustomerKey = canonical };
            customer = Get(canonical);
        }
        var verdict = customer.Accept(fact);
        foreach (var alias in customer.UnlinkedAliases([fact]))
        {
            Get(alias).LinkTo(customer.State.Key);
            customer.Linked(alias);
        }
        _idle.Enqueue((fact.OccurredAt.UtcTicks, customer.State.Key));
        return verdict;
    }

    /// <summary>Trims customers whose latest contact is older than the repeat window before <paramref name="now"/>.</summary>
    public void Trim(DateTimeOffset now)
    {
        var horizon = (now - options.RepeatContactWindow).UtcTicks;
        while (_idle.TryPeek(out var entry) && entry.Ticks < horizon)
        {
            _idle.Dequeue();
            if (_customers.TryGetValue(entry.Key, out var customer) && customer.State.LastSeen is { } last && last.UtcTicks < horizon)
            {
                // Nothing older than the window can merge or be redelivered within a sorted replay.
                customer.State.RecentEvents = new(Customer.RememberedEvents);
                customer.State.History.Clear();
            }
        }
    }

    private Customer Get(string key)
    {
        if (!_customers.TryGetValue(key, out var customer))
        {
            customer = new Customer(new CustomerState { Key = key }, options);
            _customers[key] = customer;
        }
        return customer;
    }
}
