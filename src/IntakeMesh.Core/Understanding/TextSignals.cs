namespace IntakeMesh.Core.Understanding;

/// <summary>
/// What one pass over a complaint found: a score per <see cref="SignalSlots"/> slot, where the
/// demands were, and the punctuation signals of emotion and mobilisation. Lives on the stack.
/// </summary>
internal ref struct TextSignals
{
    public TextSignals(Span<float> scores, Span<DemandHit> demands)
    {
        Scores = scores;
        Demands = demands;
    }

    public Span<float> Scores { get; }

    public Span<DemandHit> Demands { get; }

    public int DemandCount { get; set; }

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
}
