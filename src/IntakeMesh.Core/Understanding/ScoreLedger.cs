namespace IntakeMesh.Core.Understanding;

/// <summary>
/// Adds term weights to slots so that the most specific phrase speaks for a signal: when a
/// longer term covers a shorter one on the same slot ("非常不满意" over "不满", "维修费用" over
/// "维修"), only the longer one counts. A weight of 0 therefore blocks a shorter term in a context.
/// Remembers the last few effects only, since terms that overlap are a few characters apart.
/// </summary>
internal ref struct ScoreLedger
{
    private readonly Span<float> _scores;
    private readonly Span<AppliedEffect> _recent;
    private int _next;
    private int _count;

    public ScoreLedger(Span<float> scores, Span<AppliedEffect> recent)
    {
        _scores = scores;
        _recent = recent;
    }

    /// <summary>Adds the weight unless a longer term on the slot already covers the stretch.</summary>
    public void Apply(int slot, float weight, int start, int end)
    {
        for (var r = 0; r < _count; r++)
        {
            ref var old = ref _recent[r];
            if (old.Slot != slot || (old.Start == start && old.End == end))
            {
                continue;
            }

            if (old.Start <= start && old.End >= end)
            {
                return;
            }

            if (old.Start >= start && old.End <= end)
            {
                _scores[slot] -= old.Weight;
                old.Slot = -1;
            }
        }

        _scores[slot] += weight;
        _recent[_next] = new AppliedEffect { Slot = slot, Start = start, End = end, Weight = weight };
        _next = (_next + 1) % _recent.Length;
        _count = Math.Min(_count + 1, _recent.Length);
    }
}
