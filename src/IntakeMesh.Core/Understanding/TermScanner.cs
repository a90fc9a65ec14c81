namespace IntakeMesh.Core.Understanding;

/// <summary>
/// The single pass over folded text: steps the automaton, applies each matched term's effects
/// (once per term, so a word repeated ten times is still one piece of evidence, and through a
/// <see cref="ScoreLedger"/>, so the most specific phrase wins), cancels risks
/// and demands under a negator ("没有受伤", "no one was hurt", "不要道歉"), notes offers ("只赔200")
/// and counts exclamation runs and hashtags on the way.
/// </summary>
internal static class TermScanner
{
    private const int RecentEffects = 32;

    public static void Scan(ReadOnlySpan<char> text, TermIndex index, int negationWindow, Span<byte> seen, ref TextSignals signals)
    {
        var ledger = new ScoreLedger(signals.Scores, stackalloc AppliedEffect[RecentEffects]);
        var automaton = index.Automaton;
        var state = 0;
        var lastBreak = -1;
        var riskNegatorEnd = -1;
        var demandNegatorEnd = -1;
        var bangs = 0;
        var questions = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            CountPunctuation(text, i, ref signals, ref bangs, ref questions);
            if (TextMeasure.IsClauseBreak(c))
            {
                lastBreak = i;
            }

            state = automaton.Step(state, c);
            foreach (var pattern in automaton.Matches(state))
            {
                var term = index.Terms[pattern];
                var start = i + 1 - term.Length;
                if (!IsBounded(text, start, i + 1, term))
                {
                    continue;
                }

                var repeated = (seen[pattern >> 3] & (1 << (pattern & 7))) != 0;
                seen[pattern >> 3] |= (byte)(1 << (pattern & 7));
                foreach (var effect in index.Effects.AsSpan(term.EffectStart, term.EffectCount))
                {
                    if (effect.Slot == SignalSlots.RiskNegator)
                    {
                        riskNegatorEnd = i + 1;
                    }
                    else if (effect.Slot == SignalSlots.DemandNegator)
                    {
                        demandNegatorEnd = i + 1;
                    }
                    else if (effect.Slot == SignalSlots.AmountNegator)
                    {
                        signals.AddOffer(i + 1);
                    }
                    else if (SignalSlots.IsRisk(effect.Slot) && IsNegated(text, riskNegatorEnd, start, lastBreak, negationWindow))
                    {
                        continue;
                    }
                    else if (SignalSlots.IsDemand(effect.Slot) && IsNegated(text, demandNegatorEnd, start, lastBreak, negationWindow))
                    {
                        continue;
                    }
                    else
                    {
                        // Every place a demand is named counts for tying amounts; each term scores once.
                        if (SignalSlots.IsDemand(effect.Slot) && effect.Weight > 0)
                        {
                            signals.AddDemand(new DemandHit((DemandKind)(effect.Slot - SignalSlots.Demand), start, i + 1));
                        }

                        if (!repeated)
                        {
                            ledger.Apply(effect.Slot, effect.Weight, start, i + 1);
                        }
                    }
                }
            }
        }

        EndPunctuationRun(ref signals, bangs, questions);
    }

    private static void CountPunctuation(ReadOnlySpan<char> text, int i, ref TextSignals signals, ref int bangs, ref int questions)
    {
        var c = text[i];
        if (c is '!' or '?')
        {
            bangs += c == '!' ? 1 : 0;
            questions += c == '?' ? 1 : 0;
            signals.Exclamations += c == '!' ? 1 : 0;
            signals.Questions += c == '?' ? 1 : 0;
        }
        else if (bangs + questions > 0)
        {
            EndPunctuationRun(ref signals, bangs, questions);
            bangs = questions = 0;
        }

        if (char.IsHighSurrogate(c))
        {
            signals.Emoji++;
        }

        if (c == '#' && IsHashtag(text, i))
        {
            signals.Hashtags++;
        }
    }

    private static bool IsBounded(ReadOnlySpan<char> text, int start, int end, TermEntry term) =>
        (!term.LeftBound || start == 0 || !TextMeasure.IsAsciiWordChar(text[start - 1]))
        && (!term.RightBound || end == text.Length || !TextMeasure.IsAsciiWordChar(text[end]));

    // A negator cancels a term that follows it closely in the same clause.
    private static bool IsNegated(ReadOnlySpan<char> text, int negatorEnd, int start, int lastBreak, int window) =>
        negatorEnd >= 0 && negatorEnd <= start && lastBreak < negatorEnd
        && TextMeasure.CountTokens(text[negatorEnd..start]) <= window;

    // "#refund" and the Weibo form "#话题#" are hashtags; "C#", "#3" and "order #12" are not.
    private static bool IsHashtag(ReadOnlySpan<char> text, int at) =>
        at + 1 < text.Length && char.IsLetter(text[at + 1])
        && (at == 0 || !TextMeasure.IsAsciiWordChar(text[at - 1]));

    private static void EndPunctuationRun(ref TextSignals signals, int bangs, int questions)
    {
        signals.LongestExclamationRun = Math.Max(signals.LongestExclamationRun, bangs);
        signals.ExclamationRuns += bangs >= 2 ? 1 : 0;
        signals.QuestionRuns += questions >= 2 ? 1 : 0;
    }
}
