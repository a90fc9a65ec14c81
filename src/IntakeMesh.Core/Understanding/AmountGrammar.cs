namespace IntakeMesh.Core.Understanding;

/// <summary>
/// The amounts section of a lexicon, folded like the text it reads and indexed for span lookups,
/// so scanning an amount allocates nothing.
/// </summary>
internal sealed class AmountGrammar
{
    private readonly Dictionary<string, decimal> _magnitudes;
    private readonly Dictionary<string, int> _suffixes;
    private readonly Dictionary<string, decimal>.AlternateLookup<ReadOnlySpan<char>> _magnitudeLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _suffixLookup;
    private readonly (string Key, int Currency)[] _prefixes;
    private readonly int _longestMagnitude;
    private readonly int _longestSuffix;

    public AmountGrammar(AmountGrammarDocument document, CharFolder folder)
    {
        var currencies = new List<string>();
        int CurrencyIndex(string code)
        {
            var index = currencies.IndexOf(code);
            if (index < 0)
            {
                currencies.Add(code);
                index = currencies.Count - 1;
            }

            return index;
        }

        _magnitudes = Folded(document.Magnitudes, folder, v => v);
        _suffixes = Folded(document.CurrencySuffixes, folder, CurrencyIndex);
        _prefixes = [.. document.CurrencyPrefixes
            .Select(p => (Key: folder.Fold(p.Key), Currency: CurrencyIndex(p.Value)))
            .Where(p => p.Key.Length > 0)
            .OrderByDescending(p => p.Key.Length)];
        Numerals = Folded(document.Numerals, folder, v => v)
            .Where(p => p.Key.Length == 1)
            .ToDictionary(p => p.Key[0], p => p.Value);
        _magnitudeLookup = _magnitudes.GetAlternateLookup<ReadOnlySpan<char>>();
        _suffixLookup = _suffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestMagnitude = _magnitudes.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        _longestSuffix = _suffixes.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        Currencies = [.. currencies];
    }

    /// <summary>ISO currency codes, indexed by <see cref="AmountHit.Currency"/>.</summary>
    public string[] Currencies { get; }

    /// <summary>Chinese numeral characters and their values.</summary>
    public Dictionary<char, decimal> Numerals { get; }

    /// <summary>The longest magnitude word at <paramref name="at"/>; its length, or 0.</summary>
    public int MatchMagnitude(ReadOnlySpan<char> text, int at, out decimal factor)
    {
        for (var length = Math.Min(_longestMagnitude, text.Length - at); length > 0; length--)
        {
            if (_magnitudeLookup.TryGetValue(text.Slice(at, length), out factor) && Bounded(text, at + length))
            {
                return length;
            }
        }

        factor = 1;
        return 0;
    }

    /// <summary>The longest currency word at <paramref name="at"/>; its length, or 0.</summary>
    public int MatchSuffix(ReadOnlySpan<char> text, int at, out int currency)
    {
        for (var length = Math.Min(_longestSuffix, text.Length - at); length > 0; length--)
        {
            if (_suffixLookup.TryGetValue(text.Slice(at, length), out currency) && Bounded(text, at + length))
            {
                return length;
            }
        }

        currency = -1;
        return 0;
    }

    /// <summary>The longest currency prefix ending just before <paramref name="end"/>; its length, or 0.</summary>
    public int MatchPrefix(ReadOnlySpan<char> text, int end, out int currency)
    {
        foreach (var (key, index) in _prefixes)
        {
            var start = end - key.Length;
            if (start >= 0 && text.Slice(start, key.Length).SequenceEqual(key)
                && (start == 0 || !TextMeasure.IsAsciiWordChar(key[0]) || !char.IsAsciiLetter(text[start - 1])))
            {
                currency = index;
                return key.Length;
            }
        }

        currency = -1;
        return 0;
    }

    // Keys are folded like the text; "萬" and "万" may then collide, and the later one wins.
    private static Dictionary<string, TOut> Folded<TIn, TOut>(Dictionary<string, TIn> source, CharFolder folder, Func<TIn, TOut> convert)
    {
        var folded = new Dictionary<string, TOut>();
        foreach (var (key, value) in source)
        {
            var foldedKey = folder.Fold(key);
            if (foldedKey.Length > 0)
            {
                folded[foldedKey] = convert(value);
            }
        }

        return folded;
    }

    // "5k" is a magnitude but the k of "5km" is not: an ASCII word must end where the key ends.
    private static bool Bounded(ReadOnlySpan<char> text, int end) =>
        end >= text.Length || !char.IsAsciiLetter(text[end - 1]) || !char.IsAsciiLetter(text[end]);
}
