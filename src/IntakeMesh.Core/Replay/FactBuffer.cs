using IntakeMesh.Core.Explain;
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

    /// <summary>Adds a fact, with how it was read when the replay is to explain it.</summary>
    public void Add(ComplaintFact fact, ComplaintReading? reading = null)
    {
        _facts.Add(CompactFact.Pack(fact, _facts.Count, _pool, reading));
        _sorted = false;
    }

    /// <summary>The facts by event time (UTC), equal times in the order they were added.</summary>
    public IEnumerable<ComplaintFact> InEventTimeOrder() => Read().Select(f => f.Fact);

    /// <summary>As <see cref="InEventTimeOrder"/>, each fact with the reading it was added with (null when none).</summary>
    public IEnumerable<(ComplaintFact Fact, ComplaintReading? Reading)> Read()
    {
        if (!_sorted)
        {
            _facts.Sort(static (a, b) => a.UtcTicks != b.UtcTicks ? a.UtcTicks.CompareTo(b.UtcTicks) : a.Sequence.CompareTo(b.Sequence));
            _sorted = true;
        }
        for (var i = 0; i < _facts.Count; i++)
        {
            yield return (_facts[i].Unpack(_pool), _facts[i].Reading);
        }
    }
}
