namespace IntakeMesh.Core.Understanding;

/// <summary>Finds amounts of money in folded text: "5万元", "$1,200", "两万块", "200 usd".</summary>
internal static class AmountScanner
{
    private const int MaxDigits = 18;
    private const decimal SmallestChineseAmountUnit = 1000;

    /// <summary>Writes the amounts found into <paramref name="hits"/>; returns how many.</summary>
    public static int Scan(ReadOnlySpan<char> text, AmountGrammar grammar, Span<AmountHit> hits)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < hits.Length)
        {
            var end = char.IsAsciiDigit(text[i])
                ? ReadArabic(text, i, grammar, out var hit)
                : ReadChinese(text, i, grammar, out hit);
            if (end > i)
            {
                if (hit.Value > 0)
                {
                    hits[count++] = hit;
                }

                i = end;
            }
            else
            {
                i++;
            }
        }

        return count;
    }

    private static int ReadArabic(ReadOnlySpan<char> text, int start, AmountGrammar grammar, out AmountHit hit)
    {
        Span<char> digits = stackalloc char[MaxDigits + 2];
        var length = 0;
        var i = start;
        var seenPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                // The point takes a slot too, so the bound is >=: 18 digits, a point, then more digits must not overrun.
                if (length >= MaxDigits)
                {
                    hit = default;
                    return SkipDigits(text, i);
                }

                digits[length++] = c;
            }
            else if (c == ',' && IsThousandsGroup(text, i + 1))
            {
                continue;
            }
            else if (c == '.' && !seenPoint && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                seenPoint = true;
                digits[length++] = '.';
            }
            else
            {
                break;
            }
        }

        var value = decimal.Parse(digits[..length], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture);
        return Finish(text, start, i, value, cjk: false, grammar, out hit);
    }

    private static int ReadChinese(ReadOnlySpan<char> text, int start, AmountGrammar grammar, out AmountHit hit)
    {
        hit = default;
        if (start > 0 && grammar.Numerals.ContainsKey(text[start - 1]))
        {
            return 0;
        }

        var length = ChineseNumeral.Parse(text, start, grammar.Numerals, out var value, out var largestUnit);
        if (length == 0)
        {
            return 0;
        }

        var end = Finish(text, start, start + length, value, cjk: true, grammar, out hit);

        // Numerals are everywhere in ordinary words (一直, 十分); only a currency or a large unit makes money.
        if (hit.Currency < 0 && largestUnit < SmallestChineseAmountUnit)
        {
            hit = default;
        }
        else
        {
            hit = hit with { Marked = true };
        }

        return end;
    }

    // Applies magnitudes and currency words around the number that runs from start to end.
    private static int Finish(ReadOnlySpan<char> text, int start, int end, decimal value, bool cjk, AmountGrammar grammar, out AmountHit hit)
    {
        var marked = false;
        var i = SkipSpace(text, end);
        for (var m = 0; m < 2; m++)
        {
            var magnitude = grammar.MatchMagnitude(text, i, out var factor);
            if (magnitude == 0)
            {
                break;
            }

            // Absurd amounts ("999999999亿亿") are not money anyone asks for; never overflow on them.
            value = factor > 0 && value <= ChineseNumeral.Limit / factor ? value * factor : 0;
            marked = true;
            cjk |= text[i] >= '\u2E80';
            end = i + magnitude;
            i = SkipSpace(text, end);
        }

        var suffix = grammar.MatchSuffix(text, i, out var currency);
        if (suffix > 0)
        {
            end = i + suffix;
        }

        var prefixEnd = start > 0 && text[start - 1] == ' ' ? start - 1 : start;
        var prefix = grammar.MatchPrefix(text, prefixEnd, out var prefixCurrency);
        if (prefix > 0)
        {
            // "新台币18,000元": the prefix names the currency, the 元 after it is only the unit.
            start = prefixEnd - prefix;
            currency = prefixCurrency;
        }

        hit = new AmountHit(start, end, value, currency, marked || currency >= 0, cjk);
        return end;
    }

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int at) =>
        at + 3 <= text.Length
        && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2])
        && (at + 3 == text.Length || !char.IsAsciiDigit(text[at + 3]));

    private static int SkipSpace(ReadOnlySpan<char> text, int at) => at < text.Length && text[at] == ' ' ? at + 1 : at;

    private static int SkipDigits(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && (char.IsAsciiDigit(text[at]) || text[at] is ',' or '.'))
        {
            at++;
        }

        return at;
    }
}
