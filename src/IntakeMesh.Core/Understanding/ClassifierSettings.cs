namespace IntakeMesh.Core.Understanding;

/// <summary>
/// The lexicon's weights and thresholds, checked once and laid out as arrays indexed by enum
/// value so the classifier never looks anything up by name.
/// </summary>
internal sealed class ClassifierSettings
{
    private static readonly int s_seekings = Enum.GetValues<Seeking>().Length;

    /// <summary>Below this best score the category is <see cref="ComplaintCategory.Other"/>.</summary>
    public required float MinCategoryScore { get; init; }
    /// <summary>Tie-break rank per category; lower wins.</summary>
    public required int[] CategoryRank { get; init; }
    /// <summary>Seekings in tie-break order; the best scoring at or above the threshold wins.</summary>
    public required Seeking[] SeekingPriority { get; init; }
    public required Seeking SeekingFallback { get; init; }
    public required float SeekingThreshold { get; init; }
    /// <summary>[demand * seekings + seeking]: how much each demand found says about the seeking.</summary>
    public required float[] DemandSeeking { get; init; }
    /// <summary>[category * seekings + seeking]: the domain table's prior (attitude → respect).</summary>
    public required float[] CategorySeeking { get; init; }
    /// <summary>In-progress wins when its score beats the past score by at least this.</summary>
    public required float UrgencyMargin { get; init; }
    public required float DissatisfiedAt { get; init; }
    public required float AngryAt { get; init; }
    public required float OutOfControlAt { get; init; }
    /// <summary>Where every complaint starts on the emotion scale before its wording is read.</summary>
    public required float BaseEmotion { get; init; }
    /// <summary>Outburst words (threats, profanity) reaching this make the customer out of control.</summary>
    public required float OutburstAt { get; init; }
    /// <summary>Weight of each '!', up to <see cref="ExclamationCap"/> in all.</summary>
    public required float ExclamationWeight { get; init; }
    public required float ExclamationCap { get; init; }
    /// <summary>Weight of asking anything at all: complaint questions are mostly rhetorical.</summary>
    public required float QuestionWeight { get; init; }
    /// <summary>Emotion weight of each risk found, in <see cref="SignalSlots.RiskFlags"/> order: threats show displeasure.</summary>
    public required float[] RiskEmotion { get; init; }
    /// <summary>Emotion weight of a loss still happening: it keeps hurting while the customer writes.</summary>
    public required float InProgressEmotion { get; init; }
    /// <summary>Emotion weight of any emoji: people who add them are rarely writing calmly.</summary>
    public required float EmojiWeight { get; init; }
    /// <summary>Common words whose all-capital form is stress, not an acronym ("NOT", "AGAIN").</summary>
    public required HashSet<string> EmphasisWords { get; init; }
    public required float EmphasisWeight { get; init; }
    /// <summary>Emotion weight of the longest run of '!', indexed by run length (last entry for longer runs).</summary>
    public required float[] ExclamationRunWeights { get; init; }
    public required float ExtraExclamationRunWeight { get; init; }
    public required float QuestionRunWeight { get; init; }
    public required int ShoutingMinLetters { get; init; }
    public required float ShoutingWeight { get; init; }
    public required int ShoutingHeavyLetters { get; init; }
    public required float ShoutingHeavyWeight { get; init; }
    /// <summary>Most words (or CJK characters) between a negator and the term it cancels.</summary>
    public required int NegationWindow { get; init; }
    /// <summary>Most words between a demand and an amount written after it.</summary>
    public required int AmountWindow { get; init; }
    /// <summary>Most words between an amount and a demand written after it ("a $200 refund").</summary>
    public required int AmountBackWindow { get; init; }
    public required bool[] AmountDemands { get; init; }
    /// <summary>A demanded amount above this multiple of the product price is sky-high.</summary>
    public required decimal SkyHighMultiple { get; init; }
    public required float RiskThreshold { get; init; }
    public required float DemandThreshold { get; init; }
    public required float HashtagWeight { get; init; }
    public required string? DefaultCjkCurrency { get; init; }

    public static ClassifierSettings From(LexiconSettingsDocument d) => new()
    {
        MinCategoryScore = Required(d.MinCategoryScore, "minCategoryScore"),
        CategoryRank = RankCategories(d.CategoryPriority ?? []),
        SeekingPriority = [.. (d.SeekingPriority ?? []).Select(s => SignalSlots.ParseEnum<Seeking>(s, "seekingPriority"))],
        SeekingFallback = SignalSlots.ParseEnum<Seeking>(d.SeekingFallback ?? nameof(Seeking.Venting), "seekingFallback"),
        SeekingThreshold = Required(d.SeekingThreshold, "seekingThreshold"),
        DemandSeeking = SeekingTable<DemandKind>(d.DemandSeeking, "demandSeeking"),
        CategorySeeking = SeekingTable<ComplaintCategory>(d.CategorySeeking, "categorySeeking"),
        UrgencyMargin = Required(d.UrgencyMargin, "urgencyMargin"),
        DissatisfiedAt = Threshold(d, EmotionLevel.Dissatisfied),
        AngryAt = Threshold(d, EmotionLevel.Angry),
        OutOfControlAt = Threshold(d, EmotionLevel.OutOfControl),
        BaseEmotion = Required(d.BaseEmotion, "baseEmotion"),
        OutburstAt = Required(d.OutburstThreshold, "outburstThreshold"),
        ExclamationWeight = Required(d.ExclamationWeight, "exclamationWeight"),
        ExclamationCap = Required(d.ExclamationCap, "exclamationCap"),
        QuestionWeight = Required(d.QuestionWeight, "questionWeight"),
        RiskEmotion = RiskWeights(d.RiskEmotion),
        InProgressEmotion = Required(d.InProgressEmotion, "inProgressEmotion"),
        EmojiWeight = Required(d.EmojiWeight, "emojiWeight"),
        EmphasisWords = new HashSet<string>(d.EmphasisWords ?? [], StringComparer.OrdinalIgnoreCase),
        EmphasisWeight = Required(d.EmphasisWeight, "emphasisWeight"),
        ExclamationRunWeights = [.. d.ExclamationRunWeights ?? [0f]],
        ExtraExclamationRunWeight = Required(d.ExtraExclamationRunWeight, "extraExclamationRunWeight"),
        QuestionRunWeight = Required(d.QuestionRunWeight, "questionRunWeight"),
        ShoutingMinLetters = Required(d.ShoutingMinLetters, "shoutingMinLetters"),
        ShoutingWeight = Required(d.ShoutingWeight, "shoutingWeight"),
        ShoutingHeavyLetters = Required(d.ShoutingHeavyLetters, "shoutingHeavyLetters"),
        ShoutingHeavyWeight = Required(d.ShoutingHeavyWeight, "shoutingHeavyWeight"),
        NegationWindow = Required(d.NegationWindow, "negationWindow"),
        AmountWindow = Required(d.AmountWindow, "amountWindow"),
        AmountBackWindow = Required(d.AmountBackWindow, "amountBackWindow"),
        AmountDemands = Flags<DemandKind>(d.AmountDemands ?? [], "amountDemands"),
        SkyHighMultiple = Required(d.SkyHighMultiple, "skyHighMultiple") is > 0 and var multiple
            ? multiple
            : throw new InvalidDataException("skyHighMultiple must be positive."),
        RiskThreshold = Required(d.RiskThreshold, "riskThreshold"),
        DemandThreshold = Required(d.DemandThreshold, "demandThreshold"),
        HashtagWeight = Required(d.HashtagWeight, "hashtagWeight"),
        DefaultCjkCurrency = d.DefaultCjkCurrency,
    };

    private static T Required<T>(T? value, string name)
        where T : struct =>
        value ?? throw new InvalidDataException($"The lexicon settings lack '{name}'.");

    private static float Threshold(LexiconSettingsDocument d, EmotionLevel level) =>
        d.EmotionThresholds is { } t && t.TryGetValue(level.ToString(), out var value)
            ? value
            : throw new InvalidDataException($"The lexicon settings lack emotionThresholds.{level}.");

    private static int[] RankCategories(List<string> priority)
    {
        var count = Enum.GetValues<ComplaintCategory>().Length;
        var rank = Enumerable.Repeat(count, count).ToArray();
        for (var i = 0; i < priority.Count; i++)
        {
            rank[(int)SignalSlots.ParseEnum<ComplaintCategory>(priority[i], "categoryPriority")] = i;
        }

        return rank;
    }

    private static float[] SeekingTable<TKey>(Dictionary<string, Dictionary<string, float>>? source, string name)
        where TKey : struct, Enum
    {
        var table = new float[Enum.GetValues<TKey>().Length * s_seekings];
        foreach (var (key, weights) in source ?? [])
        {
            var row = Convert.ToInt32(SignalSlots.ParseEnum<TKey>(key, name), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (seeking, weight) in weights)
            {
                table[(row * s_seekings) + (int)SignalSlots.ParseEnum<Seeking>(seeking, name)] = weight;
            }
        }

        return table;
    }

    private static float[] RiskWeights(Dictionary<string, float>? source)
    {
        var weights = new float[SignalSlots.RiskFlags.Length];
        foreach (var (name, weight) in source ?? [])
        {
            weights[SignalSlots.OfRisk(SignalSlots.ParseEnum<RiskSignals>(name, "riskEmotion")) - SignalSlots.Risk] = weight;
        }

        return weights;
    }

    private static bool[] Flags<TKey>(List<string> names, string context)
        where TKey : struct, Enum
    {
        var flags = new bool[Enum.GetValues<TKey>().Length];
        foreach (var n in names)
        {
            flags[Convert.ToInt32(SignalSlots.ParseEnum<TKey>(n, context), System.Globalization.CultureInfo.InvariantCulture)] = true;
        }

        return flags;
    }
}
