namespace IntakeMesh.Core.Understanding;

/// <summary>
/// The lexicon's terms folded, de-duplicated and compiled into one automaton, with each
/// term's effects kept in a flat array the classifier indexes by pattern number.
/// </summary>
internal sealed class TermIndex
{
    private TermIndex(TermAutomaton automaton, string[] patterns, TermEntry[] terms, TermEffect[] effects)
    {
        Automaton = automaton;
        Patterns = patterns;
        Terms = terms;
        Effects = effects;
    }

    public TermAutomaton Automaton { get; }

    /// <summary>The folded patterns, by pattern number; for diagnostics.</summary>
    public string[] Patterns { get; }

    public TermEntry[] Terms { get; }

    public TermEffect[] Effects { get; }

    /// <summary>
    /// Builds the index. A term ending in <c>*</c> also matches longer words ("refund*" finds
    /// "refunds"); one starting with <c>*</c> may end a longer word. Other terms that begin or end
    /// with an ASCII letter or digit match whole words only, so "sue" is not found in "issue".
    /// </summary>
    public static TermIndex Build(Dictionary<string, Dictionary<string, float?>> signals, CharFolder folder)
    {
        var byPattern = new Dictionary<(string Pattern, bool Left, bool Right), List<TermEffect>>();
        foreach (var (signal, terms) in signals)
        {
            var slot = SignalSlots.Parse(signal);
            foreach (var (raw, weight) in terms)
            {
                var term = raw.Trim();
                var openLeft = term.StartsWith('*');
                var openRight = term.EndsWith('*');
                var pattern = folder.Fold(term.Trim('*'));
                if (weight is not { } value || pattern.Length == 0)
                {
                    continue;
                }

                var key = (pattern,
                    !openLeft && TextMeasure.IsAsciiWordChar(pattern[0]),
                    !openRight && TextMeasure.IsAsciiWordChar(pattern[^1]));
                if (!byPattern.TryGetValue(key, out var effects))
                {
                    byPattern[key] = effects = [];
                }

                effects.Add(new TermEffect(slot, value));
            }
        }

        var patterns = new List<string>(byPattern.Count);
        var entries = new List<TermEntry>(byPattern.Count);
        var allEffects = new List<TermEffect>();
        foreach (var ((pattern, left, right), effects) in byPattern)
        {
            patterns.Add(pattern);
            entries.Add(new TermEntry(pattern.Length, left, right, allEffects.Count, effects.Count));
            allEffects.AddRange(effects);
        }

        return new TermIndex(new TermAutomaton(patterns), [.. patterns], [.. entries], [.. allEffects]);
    }
}
