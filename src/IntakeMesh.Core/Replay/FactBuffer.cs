using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Replay;

/// <summary>
/// Holds a file's facts packed (<see cref="CompactFact"/>) until all are read, then hands them out
/// in event-time order: a replay must apply complaints as they happened, not as they were written.
/// </summary>
public sealed class FactBuffer
{
    private readonly StringPool _pool = new();
    private readonly List<CompactFact> _facts = [];
    private bool _sorted;

    public int Count => _facts.Count;

    public void Add(ComplaintFact fact)
    {
        _facts.Add(CompactFact.Pack(fact, _facts.Count, _pool));
        _sorted = false;
    }

    /// <summary>The facts by event time (UTC), equal times in the order they were added.</summary>
    public IEnumerable<ComplaintFact> InEventTimeOrder()
    {
        if (!_sorted)
        {
            _facts.Sort(static (a, b) => a.UtcTicks != b.UtcTicks ? a.UtcTicks.CompareTo(b.UtcTicks) : a.Sequence.CompareTo(b.Sequence));
            _sorted = true;
        }
        for (var i = 0; i < _facts.Count; i++)
        {
            yield return _facts[i].Unpack(_pool);
        }
    }
}
