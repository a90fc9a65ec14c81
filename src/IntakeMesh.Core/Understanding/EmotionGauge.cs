namespace IntakeMesh.Core.Understanding;

/// <summary>
/// Scores emotion from the words found (insults, intensifiers, repetition such as 又坏了 or
/// "again") plus how the text is written: runs of '!', "???", and shouting in capitals.
/// </summary>
internal static class EmotionGauge
{
    public static EmotionLevel Level(string original, in TextSignals signals, ClassifierSettings settings)
    {
        var score = signals.Scores[SignalSlots.Emotion];
        var runWeights = settings.ExclamationRunWeights;
        score += runWeights[Math.Min(signals.LongestExclamationRun, runWeights.Length - 1)];
        score += Math.Max(0, signals.ExclamationRuns - 1) * settings.ExtraExclamationRunWeight;
        score += signals.QuestionRuns * settings.QuestionRunWeight;

        var shouted = ShoutingDetector.ShoutedLetters(original);
        score += shouted >= settings.ShoutingMinLetters ? settings.ShoutingWeight : 0;
        score += shouted >= settings.ShoutingHeavyLetters ? settings.ShoutingHeavyWeight : 0;

        return score >= settings.OutOfControlAt ? EmotionLevel.OutOfControl
            : score >= settings.AngryAt ? EmotionLevel.Angry
            : score >= settings.DissatisfiedAt ? EmotionLevel.Dissatisfied
            : EmotionLevel.Calm;
    }
}
