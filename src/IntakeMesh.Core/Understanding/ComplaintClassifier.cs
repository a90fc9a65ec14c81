namespace IntakeMesh.Core.Understanding;

/// <summary>
/// Understands one complaint text: its category, what the customer seeks, whether the loss is
/// still happening, how upset they are, what they demand and which escalation risks it carries.
/// Folds the text once and matches every lexicon term in a single pass; thread-safe, so one
/// instance serves every event.
/// </summary>
public sealed class ComplaintClassifier
{
    private const int MaxDemandHits = 32;
    private static readonly int s_categories = Enum.GetValues<ComplaintCategory>().Length;
    private static readonly int s_seekings = Enum.GetValues<Seeking>().Length;

    private readonly Lexicon _lexicon;

    /// <summary>Creates a classifier over <paramref name="lexicon"/>.</summary>
    public ComplaintClassifier(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <summary>Classifies one complaint. Never throws, whatever the text.</summary>
    /// <param name="text">The complaint as the customer wrote or the operator noted it.</param>
    /// <param name="productPrice">The catalog price of the product when known, for sky-high compensation.</param>
    public Classification Classify(string text, decimal? productPrice = null)
    {
        text ??= string.Empty;
        var settings = _lexicon.Settings;
        var folded = _lexicon.Folder.Fold(text);
        var signals = new TextSignals(stackalloc float[SignalSlots.Count], stackalloc DemandHit[MaxDemandHits]);
        TermScanner.Scan(folded, _lexicon.Index, settings.NegationWindow, ref signals);
        signals.Scores[SignalSlots.OfRisk(RiskSignals.Mobilisation)] += signals.Hashtags * settings.HashtagWeight;

        var category = ChooseCategory(signals.Scores, settings);
        var demands = DemandResolver.Resolve(folded, signals.Scores, signals.Demands[..signals.DemandCount], _lexicon);
        return new Classification(
            category,
            ChooseSeeking(signals.Scores, demands, category, settings),
            ChooseUrgency(signals.Scores, settings),
            EmotionGauge.Level(text, signals, settings),
            demands,
            CollectRisks(signals.Scores, demands, productPrice, settings));
    }

    private static ComplaintCategory ChooseCategory(ReadOnlySpan<float> scores, ClassifierSettings settings)
    {
        var best = ComplaintCategory.Other;
        var bestScore = settings.MinCategoryScore;
        var found = false;
        for (var c = 0; c < s_categories; c++)
        {
            var score = scores[SignalSlots.Category + c];
            if (score > bestScore || (score == bestScore && (!found || settings.CategoryRank[c] < settings.CategoryRank[(int)best])))
            {
                best = (ComplaintCategory)c;
                bestScore = score;
                found = true;
            }
        }

        return best;
    }

    // The domain's cascade: money first, then fixing the problem, then respect; with no ask, venting.
    private static Seeking ChooseSeeking(ReadOnlySpan<float> scores, IReadOnlyList<Demand> demands, ComplaintCategory category, ClassifierSettings settings)
    {
        Span<float> seeking = stackalloc float[s_seekings];
        for (var s = 0; s < s_seekings; s++)
        {
            seeking[s] = scores[SignalSlots.Seeking + s] + settings.CategorySeeking[((int)category * s_seekings) + s];
            foreach (var demand in demands)
            {
                seeking[s] += settings.DemandSeeking[((int)demand.Kind * s_seekings) + s];
            }
        }

        foreach (var candidate in settings.SeekingOrder)
        {
            if (seeking[(int)candidate] >= settings.SeekingThreshold)
            {
                return candidate;
            }
        }

        return settings.SeekingFallback;
    }

    private static Urgency ChooseUrgency(ReadOnlySpan<float> scores, ClassifierSettings settings) =>
        scores[SignalSlots.Urgency + (int)Urgency.InProgress] - scores[SignalSlots.Urgency + (int)Urgency.Past] >= settings.UrgencyMargin
            ? Urgency.InProgress
            : Urgency.Past;

    private static RiskSignals CollectRisks(ReadOnlySpan<float> scores, IReadOnlyList<Demand> demands, decimal? productPrice, ClassifierSettings settings)
    {
        var risks = RiskSignals.None;
        foreach (var flag in SignalSlots.RiskFlags)
        {
            if (scores[SignalSlots.OfRisk(flag)] >= settings.RiskThreshold)
            {
                risks |= flag;
            }
        }

        if (productPrice is > 0 && demands.Any(d => d.Amount > productPrice * settings.SkyHighMultiple))
        {
            risks |= RiskSignals.SkyHighCompensation;
        }

        return risks;
    }
}
