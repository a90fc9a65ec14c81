namespace IntakeMesh.Core.Understanding;

/// <summary>Reads Chinese numerals such as 两万, 一百五十, 三万五 (colloquial for 35000).</summary>
internal static class ChineseNumeral
{
    private const decimal Ten = 10;
    private const decimal TenThousand = 10_000;

    /// <summary>Above this an amount is noise; keeping below it keeps decimal arithmetic from overflowing.</summary>
    public const decimal Limit = 1e18m;

    /// <summary>
    /// Parses the numeral run starting at <paramref name="start"/>. Returns its length (0 when
    /// there is none), its value, and the largest unit written, which tells an amount
    /// ("三千") from an idiom ("一点").
    /// </summary>
    public static int Parse(ReadOnlySpan<char> text, int start, Dictionary<char, decimal> numerals, out decimal value, out decimal largestUnit)
    {
        value = 0;
        largestUnit = 0;

        // A run that opens with a unit is an adverb or idiom (千万别买, 万一), not an amount; 十 alone is the exception.
        if (!numerals.TryGetValue(text[start], out var first) || (first >= Ten && first != Ten))
        {
            return 0;
        }

        decimal total = 0, section = 0, digit = 0, lastUnit = 0;
        var previousWasUnit = false;
        var i = start;
        for (; i < text.Length && numerals.TryGetValue(text[i], out var v); i++)
        {
            if (v < Ten)
            {
                digit = v;
                previousWasUnit = false;
                continue;
            }

            if (total + section + digit > Limit / v)
            {
                value = 0;
                return SkipRun(text, i, numerals) - start;
            }

            if (v >= TenThousand)
            {
                total = (total + section + digit) * v;
                section = 0;
            }
            else
            {
                section += (digit == 0 && v == Ten ? 1 : digit) * v;
            }

            digit = 0;
            lastUnit = v;
            largestUnit = Math.Max(largestUnit, v);
            previousWasUnit = true;
        }

        // 三万五 means 35000 and 两千五 2500: a digit straight after a unit counts in the next unit down.
        if (digit != 0 && !previousWasUnit && lastUnit >= 100 && i - start >= 2 && numerals[text[i - 2]] == lastUnit)
        {
            digit *= lastUnit / Ten;
        }

        value = total + section + digit;
        return i - start;
    }

    private static int SkipRun(ReadOnlySpan<char> text, int at, Dictionary<char, decimal> numerals)
    {
        while (at < text.Length && numerals.ContainsKey(text[at]))
        {
            at++;
        }

        return at;
    }
}
