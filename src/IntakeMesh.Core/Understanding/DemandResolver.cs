namespace IntakeMesh.Core.Understanding;

/// <summary>
/// Turns demand scores into <see cref="Demand"/>s and ties amounts to them: an amount belongs to
/// the nearest money demand in its sentence, read forward ("赔偿5万元", "refund of $200") or, more
/// narrowly, backward ("a $200 refund").
/// </summary>
internal static class DemandResolver
{
    private const int MaxAmounts = 16;
    private static readonly DemandKind[] s_kinds = Enum.GetValues<DemandKind>();

    public static IReadOnlyList<Demand> Resolve(ReadOnlySpan<char> text, ReadOnlySpan<float> scores, ReadOnlySpan<DemandHit> hits, ReadOnlySpan<int> offers, Lexicon lexicon)
    {
        var settings = lexicon.Settings;
        Span<bool> present = stackalloc bool[s_kinds.Length];
        var any = false;
        var wantsAmount = false;
        foreach (var kind in s_kinds)
        {
            present[(int)kind] = scores[SignalSlots.Demand + (int)kind] >= settings.DemandThreshold;
            any |= present[(int)kind];
            wantsAmount |= present[(int)kind] && settings.AmountDemands[(int)kind];
        }

        if (!any)
        {
            return [];
        }

        Span<AmountHit> amounts = stackalloc AmountHit[MaxAmounts];
        var amountCount = wantsAmount ? AmountScanner.Scan(text, lexicon.Amounts, amounts) : 0;
        var linked = new (decimal Amount, string? Currency)?[s_kinds.Length];
        foreach (var amount in amounts[..amountCount])
        {
            if (IsOffer(text, amount, offers, settings))
            {
                continue;
            }

            var owner = NearestDemand(text, amount, hits, present, settings);
            if (owner is { } hit && linked[(int)hit.Kind] is null)
            {
                linked[(int)hit.Kind] = (amount.Value, CurrencyOf(text, amount, hit, lexicon));
            }
        }

        var demands = new List<Demand>(s_kinds.Length);
        foreach (var kind in s_kinds)
        {
            if (present[(int)kind])
            {
                var amount = linked[(int)kind];
                demands.Add(new Demand(kind, amount?.Amount, amount?.Currency));
            }
        }

        return demands;
    }

    // "只能赔200", "仅提供200元补偿", "offered a $10 credit": the company's figure, not the customer's.
    private static bool IsOffer(ReadOnlySpan<char> text, AmountHit amount, ReadOnlySpan<int> offers, ClassifierSettings settings)
    {
        foreach (var end in offers)
        {
            if (end <= amount.Start)
            {
                var between = text[end..amount.Start];
                if (TextMeasure.CountTokens(between) <= settings.NegationWindow && !TextMeasure.HasSentenceBreak(between))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static DemandHit? NearestDemand(ReadOnlySpan<char> text, AmountHit amount, ReadOnlySpan<DemandHit> hits, ReadOnlySpan<bool> present, ClassifierSettings settings)
    {
        DemandHit? best = null;
        var bestGap = int.MaxValue;
        foreach (var hit in hits)
        {
            if (!present[(int)hit.Kind] || !settings.AmountDemands[(int)hit.Kind])
            {
                continue;
            }

            var gap = Gap(text, amount, hit, settings);
            if (gap < bestGap)
            {
                best = hit;
                bestGap = gap;
            }
        }

        return best;
    }

    // Words between demand and amount, or int.MaxValue when they are not linked.
    private static int Gap(ReadOnlySpan<char> text, AmountHit amount, DemandHit hit, ClassifierSettings settings)
    {
        if (amount.Start >= hit.End)
        {
            var between = text[hit.End..amount.Start];
            var tokens = TextMeasure.CountTokens(between);

            // A bare number counts only straight after the demand ("退款3000") and not before a unit ("退款3天").
            var fits = amount.Marked
                ? tokens <= settings.AmountWindow
                : tokens == 0 && (amount.End == text.Length || !char.IsLetter(text[amount.End]) && text[amount.End] != '%');
            return fits && !TextMeasure.HasSentenceBreak(between) ? tokens : int.MaxValue;
        }

        if (amount.Marked && amount.End <= hit.Start)
        {
            var between = text[amount.End..hit.Start];
            var tokens = TextMeasure.CountTokens(between);

            // Scored one worse than the same distance forward: demands usually name the amount after.
            return tokens <= settings.AmountBackWindow && !TextMeasure.HasSentenceBreak(between) ? tokens + 1 : int.MaxValue;
        }

        return int.MaxValue;
    }

    private static string? CurrencyOf(ReadOnlySpan<char> text, AmountHit amount, DemandHit hit, Lexicon lexicon)
    {
        if (amount.Currency >= 0)
        {
            return lexicon.Amounts.Currencies[amount.Currency];
        }

        return amount.Cjk || text[hit.Start] >= '\u2E80' ? lexicon.Settings.DefaultCjkCurrency : null;
    }
}
