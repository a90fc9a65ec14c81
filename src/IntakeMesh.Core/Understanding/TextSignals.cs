namespace IntakeMesh.Core.Understanding;

/// <summary>
/// What one pass over a complaint found: a score per <see cref="SignalSlots"/> slot, where the
/// demands were, and the punctuation signals of emotion and mobilisation. Lives on the stack.
/// </summary>
internal ref struct TextSignals
{
    public TextSignals(Span<float> scores, Span<DemandHit> demands, Span<int> offers)
    {
        Scores = scores;
        Demands = demands;
        Offers = offers;
    }

    public Span<float> Scores { get; }

    public Span<DemandHit> Demands { get; }

    public int DemandCount { get; set; }

    /// <summary>Where offer markers end: an amount right after one was offered, not demanded.</summary>
    public Span<int> Offers { get; }

    public int OfferCount { get; set; }

    /// <summary>All '!' in the text.</summary>
    public int Exclamations { get; set; }

    /// <summary>All '?' in the text; complaints rarely ask real questions.</summary>
    public int Questions { get; set; }

    /// <summary>Characters outside the basic plane, nearly all emoji in complaint text.</summary>
    public int Emoji { get; set; }

    /// <summary>Most '!' in one run of '!' and '?'.</summary>
    public int LongestExclamationRun { get; set; }

    /// <summary>Runs holding two or more '!'.</summary>
    public int ExclamationRuns { get; set; }

    /// <summary>Runs of two or more '?' ("???").</summary>
    public int QuestionRuns { get; set; }

    /// <summary>Hashtags (#topic or #话题#).</summary>
    public int Hashtags { get; set; }

    public void AddDemand(DemandHit hit)
    {
        if (DemandCount < Demands.Length)
        {
            Demands[DemandCount++] = hit;
        }
    }

    public void AddOffer(int end)
    {
        if (OfferCount < Offers.Length)
        {
            Offers[OfferCount++] = end;
        }
    }
}
