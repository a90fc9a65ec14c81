using System.Buffers;

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
    private const int MaxOffers = 8;

    // Above this many terms the per-call "already scored" bitmap moves from the stack to a pool.
    private const int StackBitmapBytes = 1024;
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
        var signals = new TextSignals(stackalloc float[SignalSlots.Count], stackalloc DemandHit[MaxDemandHits], stackalloc int[MaxOffers]);
        var bitmapBytes = (_lexicon.Index.Terms.Length + 7) / 8;
        byte[]? rented = bitmapBytes > StackBitmapBytes ? ArrayPool<byte>.Shared.Rent(bitmapBytes) : null;
        Span<byte> seen = rented is null ? stackalloc byte[bitmapBytes] : rented.AsSpan(0, bitmapBytes);
        seen.Clear();
        try
        {
            TermScanner.Scan(folded, _lexicon.Index, settings.NegationWindow, seen, ref signals);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        signals.Scores[SignalSlots.OfRisk(RiskSignals.Mobilisation)] += signals.Hashtags * settings.HashtagWeight;

        var category = ChooseCategory(signals.Scores, settings);
        var demands = DemandResolver.Resolve(folded, signals.Scores, signals.Demands[..signals.DemandCount], signals.Offers[..signals.OfferCount], _lexicon);
        var risks = CollectRisks(signals.Scores, demands, productPrice, settings);
        var urgency = ChooseUrgency(signals.Scores, settings);
        return new Classification(
            category,
            ChooseSeeking(signals.Scores, demands, category, settings),
            urgency,
            EmotionGauge.Level(text, signals, urgency, risks, settings),
            demands,
            risks);
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

    // Scores each seeking from its own cues, the demands found and the domain table's category prior;
    // the best one above the threshold wins, ties going to the earlier in the lexicon's priority.
    private static Seeking ChooseSeeking(ReadOnlySpan<float> scores, IReadOnlyList<Demand> demands, ComplaintCategory category, ClassifierSettings settings)
    {
        var best = settings.SeekingFallback;
        var bestScore = settings.SeekingThreshold;
        var found = false;
        foreach (var candidate in settings.SeekingPriority)
        {
            var s = (int)candidate;
            // The strongest demand speaks for the seeking; asking to repair and replace is not twice the resolution.
            var fromDemands = 0f;
            foreach (var demand in demands)
            {
                fromDemands = Math.Max(fromDemands, settings.DemandSeeking[((int)demand.Kind * s_seekings) + s]);
            }

            var score = scores[SignalSlots.Seeking + s] + settings.CategorySeeking[((int)category * s_seekings) + s] + fromDemands;

            if (score > bestScore || (!found && score == bestScore))
            {
                best = candidate;
                bestScore = score;
                found = true;
            }
        }

        return best;
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

        if (productPrice is { } price && price > 0)
        {
            foreach (var demand in demands)
            {
                // Divide rather than multiply so no price, however large, can overflow.
                if (demand.Amount is { } amount && amount / settings.SkyHighMultiple > price)
                {
                    risks |= RiskSignals.SkyHighCompensation;
                }
            }
        }

        return risks;
    }
}
