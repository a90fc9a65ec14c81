namespace IntakeMesh.Core.Understanding;

/// <summary>
/// The <c>settings</c> section of a lexicon file. Every value is optional so an extension can
/// change one threshold; the shipped lexicon sets them all. Meanings are on <see cref="ClassifierSettings"/>.
/// </summary>
internal sealed class LexiconSettingsDocument
{
    public float? MinCategoryScore { get; set; }
    public List<string>? CategoryPriority { get; set; }
    public List<string>? SeekingPriority { get; set; }
    public string? SeekingFallback { get; set; }
    public float? SeekingThreshold { get; set; }
    public Dictionary<string, Dictionary<string, float>>? DemandSeeking { get; set; }
    public Dictionary<string, Dictionary<string, float>>? CategorySeeking { get; set; }
    public float? UrgencyMargin { get; set; }
    public Dictionary<string, float>? EmotionThresholds { get; set; }
    public float? BaseEmotion { get; set; }
    public float? OutburstThreshold { get; set; }
    public float? ExclamationWeight { get; set; }
    public float? ExclamationCap { get; set; }
    public float? QuestionWeight { get; set; }
    public Dictionary<string, float>? RiskEmotion { get; set; }
    public float? InProgressEmotion { get; set; }
    public float? EmojiWeight { get; set; }
    public List<string>? EmphasisWords { get; set; }
    public float? EmphasisWeight { get; set; }
    public List<float>? ExclamationRunWeights { get; set; }
    public float? ExtraExclamationRunWeight { get; set; }
    public float? QuestionRunWeight { get; set; }
    public int? ShoutingMinLetters { get; set; }
    public float? ShoutingWeight { get; set; }
    public int? ShoutingHeavyLetters { get; set; }
    public float? ShoutingHeavyWeight { get; set; }
    public int? NegationWindow { get; set; }
    public int? AmountWindow { get; set; }
    public int? AmountBackWindow { get; set; }
    public List<string>? AmountDemands { get; set; }
    public decimal? SkyHighMultiple { get; set; }
    public float? RiskThreshold { get; set; }
    public float? DemandThreshold { get; set; }
    public float? HashtagWeight { get; set; }
    public string? DefaultCjkCurrency { get; set; }

    public void Merge(LexiconSettingsDocument e)
    {
        MinCategoryScore = e.MinCategoryScore ?? MinCategoryScore;
        CategoryPriority = e.CategoryPriority ?? CategoryPriority;
        SeekingPriority = e.SeekingPriority ?? SeekingPriority;
        SeekingFallback = e.SeekingFallback ?? SeekingFallback;
        SeekingThreshold = e.SeekingThreshold ?? SeekingThreshold;
        DemandSeeking = MergeMap(DemandSeeking, e.DemandSeeking);
        CategorySeeking = MergeMap(CategorySeeking, e.CategorySeeking);
        UrgencyMargin = e.UrgencyMargin ?? UrgencyMargin;
        EmotionThresholds = MergeMap(EmotionThresholds, e.EmotionThresholds);
        BaseEmotion = e.BaseEmotion ?? BaseEmotion;
        OutburstThreshold = e.OutburstThreshold ?? OutburstThreshold;
        ExclamationWeight = e.ExclamationWeight ?? ExclamationWeight;
        ExclamationCap = e.ExclamationCap ?? ExclamationCap;
        QuestionWeight = e.QuestionWeight ?? QuestionWeight;
        RiskEmotion = MergeMap(RiskEmotion, e.RiskEmotion);
        InProgressEmotion = e.InProgressEmotion ?? InProgressEmotion;
        EmojiWeight = e.EmojiWeight ?? EmojiWeight;
        EmphasisWords = e.EmphasisWords ?? EmphasisWords;
        EmphasisWeight = e.EmphasisWeight ?? EmphasisWeight;
        ExclamationRunWeights = e.ExclamationRunWeights ?? ExclamationRunWeights;
        ExtraExclamationRunWeight = e.ExtraExclamationRunWeight ?? ExtraExclamationRunWeight;
        QuestionRunWeight = e.QuestionRunWeight ?? QuestionRunWeight;
        ShoutingMinLetters = e.ShoutingMinLetters ?? ShoutingMinLetters;
        ShoutingWeight = e.ShoutingWeight ?? ShoutingWeight;
        ShoutingHeavyLetters = e.ShoutingHeavyLetters ?? ShoutingHeavyLetters;
        ShoutingHeavyWeight = e.ShoutingHeavyWeight ?? ShoutingHeavyWeight;
        NegationWindow = e.NegationWindow ?? NegationWindow;
        AmountWindow = e.AmountWindow ?? AmountWindow;
        AmountBackWindow = e.AmountBackWindow ?? AmountBackWindow;
        AmountDemands = e.AmountDemands ?? AmountDemands;
        SkyHighMultiple = e.SkyHighMultiple ?? SkyHighMultiple;
        RiskThreshold = e.RiskThreshold ?? RiskThreshold;
        DemandThreshold = e.DemandThreshold ?? DemandThreshold;
        HashtagWeight = e.HashtagWeight ?? HashtagWeight;
        DefaultCjkCurrency = e.DefaultCjkCurrency ?? DefaultCjkCurrency;
    }

    private static Dictionary<string, T>? MergeMap<T>(Dictionary<string, T>? current, Dictionary<string, T>? extension)
    {
        if (current is null || extension is null)
        {
            return extension ?? current;
        }

        var merged = new Dictionary<string, T>(current);
        LexiconDocument.MergeInto(merged, extension);
        return merged;
    }
}
