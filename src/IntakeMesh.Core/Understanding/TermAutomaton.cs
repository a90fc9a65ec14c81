namespace IntakeMesh.Core.Understanding;

/// <summary>
/// An Aho–Corasick automaton over folded text: every lexicon term is found in one left-to-right
/// pass, whatever the number of terms. Built once per <see cref="Lexicon"/>, read-only afterwards,
/// so classifiers on many threads share it.
/// </summary>
internal sealed class TermAutomaton
{
    // The root is hit on almost every character, so it gets a dense table; deeper nodes have
    // one or two children and keep sorted edge lists.
    private readonly int[] _rootNext = new int[char.MaxValue + 1];
    private readonly int[] _edgeStart;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _fail;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;

    public TermAutomaton(IReadOnlyList<string> patterns)
    {
        var children = new List<SortedDictionary<char, int>> { new() };
        var ends = new List<List<int>> { new() };
        for (var p = 0; p < patterns.Count; p++)
        {
            var node = 0;
            foreach (var c in patterns[p])
            {
                if (!children[node].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children[node][c] = next;
                    children.Add(new SortedDictionary<char, int>());
                    ends.Add(new List<int>());
                }

                node = next;
            }

            ends[node].Add(p);
        }

        var count = children.Count;
        _fail = new int[count];
        _edgeStart = new int[count + 1];
        _outputStart = new int[count + 1];
        var edgeChars = new List<char>();
        var edgeTargets = new List<int>();
        for (var n = 0; n < count; n++)
        {
            _edgeStart[n] = edgeChars.Count;
            foreach (var (c, target) in children[n])
            {
                edgeChars.Add(c);
                edgeTargets.Add(target);
            }
        }

        _edgeStart[count] = edgeChars.Count;
        _edgeChars = [.. edgeChars];
        _edgeTargets = [.. edgeTargets];
        foreach (var (c, target) in children[0])
        {
            _rootNext[c] = target;
        }

        _outputs = LinkFailures(children, ends, _outputStart);
    }

    /// <summary>The state after reading <paramref name="c"/> in <paramref name="state"/>.</summary>
    public int Step(int state, char c)
    {
        while (state != 0)
        {
            var target = FindEdge(state, c);
            if (target >= 0)
            {
                return target;
            }

            state = _fail[state];
        }

        return _rootNext[c];
    }

    /// <summary>The indices of the patterns that end at <paramref name="state"/>.</summary>
    public ReadOnlySpan<int> Matches(int state) =>
        _outputs.AsSpan(_outputStart[state], _outputStart[state + 1] - _outputStart[state]);

    private int FindEdge(int state, char c)
    {
        var lo = _edgeStart[state];
        var hi = _edgeStart[state + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var mc = _edgeChars[mid];
            if (mc == c)
            {
                return _edgeTargets[mid];
            }

            if (mc < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    // Breadth-first, so a node's failure target is final before its children need it; each node's
    // output list is its own patterns plus those of its failure target (shorter suffixes).
    private int[] LinkFailures(List<SortedDictionary<char, int>> children, List<List<int>> ends, int[] outputStart)
    {
        var order = new List<int>(children.Count);
        var queue = new Queue<int>();
        foreach (var child in children[0].Values)
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            order.Add(node);
            foreach (var (c, child) in children[node])
            {
                var f = _fail[node];
                while (f != 0 && !children[f].ContainsKey(c))
                {
                    f = _fail[f];
                }

                _fail[child] = children[f].TryGetValue(c, out var t) && t != child ? t : 0;
                ends[child].AddRange(ends[_fail[child]]);
                queue.Enqueue(child);
            }
        }

        var outputs = new List<int>();
        for (var n = 0; n < children.Count; n++)
        {
            outputStart[n] = outputs.Count;
            outputs.AddRange(ends[n]);
        }

        outputStart[children.Count] = outputs.Count;
        return [.. outputs];
    }
}
